import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCompanion } from '../../main/core';
import { reasonsToProbe, refreshWhenDue } from '../../main/desk-presence';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ClockUser, ManualClock } from '../support/manual-clock';
import { CLEAR_SCREEN, MIN, tempDir } from '../core/harness';

describe('desk presence, shared by both shells', () => {
  it('always looks for calls and fullscreen (they count as sitting); DND and apps only when they may hold a break', () => {
    expect(reasonsToProbe(DEFAULT_SETTINGS)).toEqual(['fullscreen', 'dnd', 'meeting']);
    expect(reasonsToProbe({ ...DEFAULT_SETTINGS, deferApps: ['obs'] })).toEqual(['fullscreen', 'dnd', 'meeting', 'app']);
    const none = { fullscreen: false, dnd: false, meeting: false, app: false };
    expect(reasonsToProbe({ deferFor: none, deferApps: ['obs'] })).toEqual(['fullscreen', 'meeting']);
  });

  it('looks at the desktop again the moment a break comes due, and the engine holds it if a call began', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00.000Z');
    const dir = tempDir();
    const c = createCompanion({ dataDir: dir, idleSeconds: new ClockUser(clock).idleSeconds, clock });
    c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
    c.start();
    let refreshes = 0;
    const off = refreshWhenDue(c, async () => {
      refreshes++;
      c.dispatch({ type: 'presence/update', busy: ['meeting'] }); // what the monitor reports
    });
    clock.advance(30 * MIN);
    await Promise.resolve();
    expect(refreshes).toBe(1);
    expect(c.getState().phase).toBe('deferred');
    off();
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
