import { describe, expect, it } from 'vitest';
import { createTutor } from '../../src/tutor/tutor.js';
import { freshStore } from '../helpers/dynamo.js';
import { asker, fakeClock, testDeps } from '../helpers/test-deps.js';

async function setup() {
  const { store } = await freshStore();
  const clock = fakeClock('2026-11-23T10:00:00Z'); // a Monday, after 09:00 in London
  return createTutor(testDeps({ storeImpl: store, clock }));
}

const admin = { isAdmin: async () => true };
const member = { isAdmin: async () => false };

describe('Feature: /aws daily on|off|status', () => {
  it('lets an admin subscribe, tells everyone, and says when the next question comes', async () => {
    const tutor = await setup();
    const on = await tutor.handleCommand(asker(), 'daily on', admin);
    expect(on.visibility).toBe('channel');
    expect(on.sections[0]).toMatch(/turned on the daily question/);
    expect(on.sections[0]).toMatch(/Tuesday 24 November at 09:00 \(Europe\/London\)/);
    const status = await tutor.handleCommand(asker(), 'daily status', member);
    expect(status.sections[0]).toMatch(/gets the daily question.*Tuesday 24 November at 09:00/);
    const again = await tutor.handleCommand(asker(), 'daily on', admin);
    expect(again.sections[0]).toMatch(/already gets/);
  });

  it('refuses on and off to members who are not admins, changing nothing', async () => {
    const tutor = await setup();
    const on = await tutor.handleCommand(asker(), 'daily on', member);
    expect(on.sections[0]).toMatch(/Only admins can/);
    const status = await tutor.handleCommand(asker(), 'daily', member);
    expect(status.sections[0]).toMatch(/not subscribed/);
  });

  it('treats a missing admin check as "not an admin"', async () => {
    const tutor = await setup();
    expect((await tutor.handleCommand(asker(), 'daily on')).sections[0]).toMatch(/Only admins/);
  });

  it('unsubscribes, and says so when there was nothing to turn off', async () => {
    const tutor = await setup();
    await tutor.handleCommand(asker(), 'daily on', admin);
    const off = await tutor.handleCommand(asker(), 'daily off', admin);
    expect(off.sections[0]).toMatch(/turned off/);
    const offAgain = await tutor.handleCommand(asker(), 'daily off', admin);
    expect(offAgain.sections[0]).toMatch(/was not subscribed/);
  });

  it('keeps channels and workspaces apart', async () => {
    const tutor = await setup();
    await tutor.handleCommand(asker(), 'daily on', admin);
    const other = await tutor.handleCommand(asker({ channelId: 'C2' }), 'daily status');
    expect(other.sections[0]).toMatch(/not subscribed/);
    const team = await tutor.handleCommand(asker({ workspaceId: 'T2' }), 'daily status');
    expect(team.sections[0]).toMatch(/not subscribed/);
  });
});
