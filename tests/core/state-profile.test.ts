import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompanionState } from '../../shared/state';
import { rig } from './harness';

afterEach(() => {
  vi.useRealTimers();
});

describe('the profile rides in the state event (one home for the answers, no renderer cache)', () => {
  it('getState carries the same answers as getProfile', async () => {
    const r = rig();
    expect(r.companion.getState().profile).toEqual(r.companion.getProfile());
    await r.companion.stop();
  });

  it('a profile change is announced to subscribers, with the new answers', async () => {
    const r = rig();
    const seen: CompanionState[] = [];
    r.companion.subscribe((s) => seen.push(s));
    r.companion.dispatch({ type: 'profile/save', profile: { legSymptoms: true } });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.profile?.legSymptoms).toBe(true);
    expect(r.companion.getProfile().legSymptoms).toBe(true);
    await r.companion.stop();
  });

  it('the snapshot is a copy: changing it changes nothing in the engine', async () => {
    const r = rig();
    const state = r.companion.getState();
    state.profile!.legSymptoms = !state.profile!.legSymptoms;
    expect(r.companion.getProfile().legSymptoms).toBe(!state.profile!.legSymptoms);
    await r.companion.stop();
  });
});
