import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) =>
  parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

describe('File: infra/slack-app-manifest.yml', () => {
  const manifest = read('infra/slack-app-manifest.yml');

  it('asks for the minimal bot scopes and nothing else', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'users:read']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('has /aws with a usage hint, and sends commands and clicks to the slack function route', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe('/aws');
    expect(command.usage_hint).toMatch(/quiz/);
    const { events } = read('serverless.yml').functions.slack;
    const route = events.find((e: { httpApi?: unknown }) => e.httpApi).httpApi;
    expect(route).toEqual({ method: 'POST', path: '/slack/events' });
    for (const url of [command.url, manifest.settings.interactivity.request_url]) {
      expect(url).toBe(`https://YOUR-API-ID.execute-api.REGION.amazonaws.com${route.path}`);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('keeps Slack’s length limits for the app directory texts', () => {
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const long = manifest.display_information.long_description.length;
    expect(long).toBeGreaterThanOrEqual(175);
    expect(long).toBeLessThanOrEqual(4000);
  });
});
