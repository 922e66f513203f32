import type {
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { DiscordApiError } from '../errors.js';

/**
 * The few interaction endpoints of Discord's REST API the handler needs. They are authorised
 * by the interaction token in the path, so no bot token is sent.
 */
export interface DiscordRest {
  /** `POST /interactions/{id}/{token}/callback`: the initial response, sent out of band. */
  createResponse(interactionId: string, token: string, body: APIInteractionResponse): Promise<void>;
  /** `PATCH /webhooks/{app}/{token}/messages/@original`: finish a deferred response. */
  editOriginal(
    appId: string,
    token: string,
    body: APIInteractionResponseCallbackData,
  ): Promise<void>;
  /** `DELETE /webhooks/{app}/{token}/messages/@original`. */
  deleteOriginal(appId: string, token: string): Promise<void>;
  /** `POST /webhooks/{app}/{token}`: a follow-up message, which may be ephemeral. */
  followUp(appId: string, token: string, body: APIInteractionResponseCallbackData): Promise<void>;
}

/** Where the REST API is, and how long one call may take. */
export interface DiscordRestOptions {
  /** Base URL including the version, without a trailing slash (`DISCORD_API_URL`). */
  apiUrl: string;
  /** Per request; the initial response has to land within Discord's 3 seconds. */
  timeoutMs?: number;
}

// Discord asks every API client to identify itself this way.
const USER_AGENT = 'DiscordBot (https://github.com/aws-tutor/aws-tutor, 0.1.0)';

/** A client for the interaction endpoints, over global `fetch`. Failures throw `DiscordApiError`. */
export function createDiscordRest({ apiUrl, timeoutMs = 2500 }: DiscordRestOptions): DiscordRest {
  const call = async (method: string, route: string, path: string, body?: unknown) => {
    let response: Response;
    try {
      response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          'User-Agent': USER_AGENT,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new DiscordApiError(route, 0, { cause: error });
    }
    // Drain the body so the connection can be reused; its content is not needed.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new DiscordApiError(route, response.status);
  };
  const seg = encodeURIComponent;
  return {
    createResponse: (id, token, body) =>
      call(
        'POST',
        'POST /interactions/:id/:token/callback',
        `/interactions/${seg(id)}/${seg(token)}/callback`,
        body,
      ),
    editOriginal: (app, token, body) =>
      call(
        'PATCH',
        'PATCH /webhooks/:app/:token/messages/@original',
        `/webhooks/${seg(app)}/${seg(token)}/messages/@original`,
        body,
      ),
    deleteOriginal: (app, token) =>
      call(
        'DELETE',
        'DELETE /webhooks/:app/:token/messages/@original',
        `/webhooks/${seg(app)}/${seg(token)}/messages/@original`,
      ),
    followUp: (app, token, body) =>
      call('POST', 'POST /webhooks/:app/:token', `/webhooks/${seg(app)}/${seg(token)}`, body),
  };
}
