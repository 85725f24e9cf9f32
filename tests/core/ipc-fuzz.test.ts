import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import fc from 'fast-check';
import { createCompanion, type Companion } from '../../main/core';
import { handleInvoke } from '../../main/ipc';
import { INVOKE_CHANNELS } from '../../shared/ipc-contract';
import { ACTION_TYPES } from '../../shared/actions';
import { tempDir } from './harness';

/** At least 10,000 generated payloads in the suite; `npm run fuzz:nightly` raises FUZZ_RUNS. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_500);

let companion: Companion;
let dir: string;
beforeAll(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
  dir = tempDir();
  companion = createCompanion({ dataDir: dir });
  companion.start();
});
afterAll(async () => {
  await companion.stop();
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fingerprint = () => {
  const d = companion.exportData();
  return JSON.stringify([companion.getState(), d.stretches, d.breaks, d.checkins, d.checklists, companion.getProfile()]);
};

/** Values shaped like our payloads, but wrong in every way a sender could make them wrong. */
const nasty = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, NaN, Infinity, -1, 1e308, '', '__proto__', '<img src=x onerror=alert(1)>', '2026-13-45T99:99:99Z'),
  fc.string(),
  fc.object(),
);

const mutatedAction = fc
  .record({
    type: fc.oneof(fc.constantFrom(...ACTION_TYPES), fc.string()),
    routineId: fc.option(nasty, { nil: undefined }),
    feeling: fc.option(fc.oneof(fc.constantFrom('better', 'same', 'worse'), nasty), { nil: undefined }),
    until: fc.option(fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), nasty), { nil: undefined }),
    settings: fc.option(fc.oneof(fc.dictionary(fc.constantFrom('breakIntervalMin', 'snoozeMin', 'workingHours', 'theme', 'bogus'), nasty), nasty), { nil: undefined }),
    checkin: fc.option(fc.oneof(fc.dictionary(fc.constantFrom('painLow', 'painHigh', 'note', 'confidence'), nasty), nasty), { nil: undefined }),
    answers: fc.option(fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.constantFrom('yes', 'no', 'unsure'), nasty)), nasty), { nil: undefined }),
    profile: fc.option(fc.oneof(fc.dictionary(fc.constantFrom('directionalPreference', 'heightCm', 'redFlags'), nasty), nasty), { nil: undefined }),
    extra: fc.option(nasty, { nil: undefined }),
  })
  .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)));

describe('fuzzing every IPC channel', () => {
  it(`survives ${RUNS * 4} generated calls: no crash, refusals explained, refusals change nothing`, () => {
    let refused = 0;
    let accepted = 0;
    const property = (channel: unknown, args: unknown) => {
      const before = fingerprint();
      const result = handleInvoke(companion, channel, args);
      expect(typeof result).toBe('object');
      if (result.ok) {
        accepted++;
        return;
      }
      refused++;
      expect(typeof result.error).toBe('string');
      expect(result.error.length).toBeGreaterThan(8);
      expect(result.error).not.toMatch(/\[object Object\]|undefined is not|Cannot read prop/);
      expect(fingerprint()).toBe(before);
    };
    // Unknown channels and garbage arguments.
    fc.assert(fc.property(fc.oneof(fc.string(), nasty), nasty, property), { numRuns: RUNS });
    // Known channels, garbage arguments.
    fc.assert(fc.property(fc.constantFrom(...INVOKE_CHANNELS), fc.array(nasty, { maxLength: 3 }), property), { numRuns: RUNS });
    // dispatch with near-miss actions.
    fc.assert(fc.property(mutatedAction, (action) => property('dispatch', [action])), { numRuns: RUNS });
    // importData with near-miss export files.
    const valid = companion.exportData();
    fc.assert(
      fc.property(
        fc.record({ key: fc.constantFrom(...Object.keys(valid)), value: nasty }),
        ({ key, value }) => property('importData', [{ ...valid, [key]: value }]),
      ),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS * 3);
    expect(accepted + refused).toBe(RUNS * 4);
  }, 600_000);
});
