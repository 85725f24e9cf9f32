import { describe, expect, it } from 'vitest';
import { runSoak } from './soak';

process.env.TZ = 'Europe/Berlin';

describe('soak (short version; `npm run soak` runs 90 days)', () => {
  it('three weeks across the end of summer time keep the invariants and the history', async () => {
    const result = await runSoak(21, 11, '2026-10-12T06:00:00.000Z');
    expect(result.violations).toEqual([]);
    expect(result.recorded.taken).toBe(result.did.taken);
    expect(result.recorded.skipped).toBe(result.did.skipped);
    expect(result.recorded.snoozes).toBeGreaterThanOrEqual(result.did.snoozed - result.recorded.natural * 10);
    expect(result.recorded.taken).toBeGreaterThan(100);
    expect(result.recorded.natural).toBeGreaterThan(0);
  }, 240_000);
});
