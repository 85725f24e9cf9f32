import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCompanion } from '../../main/core';

let dir: string;
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z') });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-'));
});
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('smoke', () => {
  it('comes due after the interval', async () => {
    let idle = 0;
    const c = createCompanion({ dataDir: dir, idleSeconds: () => idle });
    c.start();
    expect(c.getState().phase).toBe('sitting');
    vi.advanceTimersByTime(30 * 60_000);
    expect(c.getState().phase).toBe('due');
    c.dispatch({ type: 'break/snooze' });
    expect(c.getState().snoozesLeft).toBe(2);
    vi.advanceTimersByTime(5 * 60_000);
    expect(c.getState().phase).toBe('due');
    c.dispatch({ type: 'break/start' });
    expect(c.getState().phase).toBe('routine');
    c.dispatch({ type: 'routine/complete', feeling: 'better' });
    const s = c.weeklySummary();
    expect(s.breaks.taken).toBe(1);
    expect(s.breaks.snoozes).toBe(1);
    await c.stop();
    idle = 0;
  });
});
