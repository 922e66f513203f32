import type {
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { createDiscordClient } from './discord-client.js';

/**
 * The few interaction endpoints of Discord's REST API the handler needs. They are authorised
 * by the interaction token in the path, so no bot token is sent. Each call ends at `signal`.
 */
export interface DiscordRest {
  /** `POST /interactions/{id}/{token}/callback`: the initial response, sent out of band. */
  createResponse(
    interactionId: string,
    token: string,
    body: APIInteractionResponse,
    signal: AbortSignal,
  ): Promise<void>;
  /** `PATCH /webhooks/{app}/{token}/messages/@original`: finish a deferred response. */
  editOriginal(
    appId: string,
    token: string,
    body: APIInteractionResponseCallbackData,
    signal: AbortSignal,
  ): Promise<void>;
  /** `DELETE /webhooks/{app}/{token}/messages/@original`. */
  deleteOriginal(appId: string, token: string, signal: AbortSignal): Promise<void>;
  /** `POST /webhooks/{app}/{token}`: a follow-up message, which may be ephemeral. */
  followUp(
    appId: string,
    token: string,
    body: APIInteractionResponseCallbackData,
    signal: AbortSignal,
  ): Promise<void>;
}

/** The interaction endpoints at `apiUrl` (`DISCORD_API_URL`). Failures throw `DiscordApiError`. */
export function createDiscordRest({ apiUrl }: { apiUrl: string }): DiscordRest {
  const discord = createDiscordClient({ apiUrl });
  const seg = encodeURIComponent;
  const hook = (app: string, token: string) => `/webhooks/${seg(app)}/${seg(token)}`;
  return {
    createResponse: async (id, token, body, signal) => {
      await discord.request({
        method: 'POST',
        route: 'POST /interactions/:id/:token/callback',
        path: `/interactions/${seg(id)}/${seg(token)}/callback`,
        body,
        signal,
      });
    },
    editOriginal: async (app, token, body, signal) => {
      await discord.request({
        method: 'PATCH',
        route: 'PATCH /webhooks/:app/:token/messages/@original',
        path: `${hook(app, token)}/messages/@original`,
        body,
        signal,
      });
    },
    deleteOriginal: async (app, token, signal) => {
      await discord.request({
        method: 'DELETE',
        route: 'DELETE /webhooks/:app/:token/messages/@original',
        path: `${hook(app, token)}/messages/@original`,
        signal,
      });
    },
    followUp: async (app, token, body, signal) => {
      await discord.request({
        method: 'POST',
        route: 'POST /webhooks/:app/:token',
        path: hook(app, token),
        body,
        signal,
      });
    },
  };
}
