import {
  type APIButtonComponent,
  type APIInteractionResponseCallbackData,
  type APIStringSelectComponent,
  ComponentType,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import { LIMITS } from '../../src/discord/discord-limits.js';

/** Every Discord limit the renderer promises, checked on any rendered message. */
export function expectWithinDiscordLimits(message: APIInteractionResponseCallbackData) {
  expect((message.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  let total = 0;
  for (const embed of message.embeds ?? []) {
    expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
    total += (embed.title ?? '').length + (embed.description ?? '').length;
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
    total += (embed.footer?.text ?? '').length;
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  const rows = message.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(LIMITS.actionRows);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.type).toBe(ComponentType.ActionRow);
    const buttons = (row as { components: APIButtonComponent[] }).components;
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of buttons) {
      if ((b as { type: number }).type === ComponentType.StringSelect) {
        // A select fills its row alone, with 1–25 options and a sane number of picks.
        const select = b as unknown as APIStringSelectComponent;
        expect(buttons).toHaveLength(1);
        expect(select.options.length).toBeGreaterThan(0);
        expect(select.options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
        for (const o of select.options) {
          expect(o.label.length).toBeGreaterThan(0);
          expect(o.label.length).toBeLessThanOrEqual(LIMITS.selectLabel);
        }
        expect(select.min_values ?? 1).toBeLessThanOrEqual(select.max_values ?? 1);
        expect(select.max_values ?? 1).toBeLessThanOrEqual(select.options.length);
        expect(select.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        continue;
      }
      expect((b as { label?: string }).label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if ('custom_id' in b) {
        expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        expect(ids.has(b.custom_id)).toBe(false);
        ids.add(b.custom_id);
      }
    }
  }
  expect(message.allowed_mentions).toEqual({ parse: [] });
}
