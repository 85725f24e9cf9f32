import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { rig, at, MIN, type Rig } from './harness';

let r: Rig;
afterEach(async () => {
  await r?.companion.stop();
  vi.useRealTimers();
  fs.rmSync(r.dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-11-23T09:00:00.000Z');

describe('wall-clock jumps', () => {
  it('a clock set two hours forward does not bring a break due early', () => {
    r = rig();
    r.advance(10 * MIN);
    r.companion.dispatch({ type: 'discomfort/report' });
    vi.setSystemTime(Date.now() + 2 * 60 * MIN);
    // Noticed at the next wake-up: the idle poll, due 2 min (naturalBreakMin) after the last.
    r.advance(2 * MIN);
    let s = r.companion.getState();
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBe(T0 + 2 * 60 * MIN);
    expect(at(s.nextBreakAt)).toBe(T0 + 2 * 60 * MIN + 30 * MIN);
    r.advance(18 * MIN - 1);
    expect(r.companion.getState().phase).toBe('sitting');
    r.advance(1);
    s = r.companion.getState();
    expect(s.phase).toBe('due');
    r.companion.dispatch({ type: 'break/start' });
    const stretch = r.companion.exportData().stretches[0]!;
    // Ten minutes in, the discomfort report moved with the stretch: still ten minutes after its start.
    expect(Date.parse(stretch.discomfortAt!) - Date.parse(stretch.start)).toBe(10 * MIN);
    expect(Date.parse(stretch.end) - Date.parse(stretch.start)).toBe(30 * MIN);
  });

  it('a clock set back an hour does not postpone the break', () => {
    r = rig();
    r.advance(20 * MIN);
    vi.setSystemTime(Date.now() - 60 * MIN);
    r.advance(10_000);
    expect(r.companion.getState().phase).toBe('sitting');
    r.advance(10 * MIN - 10_000);
    expect(r.companion.getState().phase).toBe('due');
  });

  it('small corrections under 30 s are left alone', () => {
    r = rig();
    vi.setSystemTime(Date.now() + 20_000);
    r.advance(10_000);
    expect(at(r.companion.getState().stretchStart)).toBe(T0);
  });

  it('a pause keeps its absolute end', () => {
    r = rig();
    const until = new Date(T0 + 60 * MIN).toISOString();
    r.companion.dispatch({ type: 'pause', until });
    vi.setSystemTime(Date.now() + 30 * MIN);
    r.advance(10_000);
    expect(r.companion.getState().pausedUntil).toBe(until);
  });

  it('a jump detected while away does not invent a stretch', () => {
    r = rig();
    r.user.leave();
    r.advance(3 * MIN);
    expect(r.companion.getState().phase).toBe('away');
    vi.setSystemTime(Date.now() + 3 * 60 * MIN);
    r.advance(10_000);
    expect(r.companion.getState().phase).toBe('away');
    expect(r.states.filter((p) => p === 'due')).toEqual([]);
  });
});
