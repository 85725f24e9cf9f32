import { afterEach, expect, it, vi } from 'vitest';
import { rig } from './harness';

afterEach(() => {
  vi.useRealTimers();
});

// Found by the invariants property test: a break started again in the same millisecond as the
// last one ended had the same (dueAt, at) key, so an export and import merged the two into one.
it('two breaks ended in the same millisecond stay two records, through export and import', async () => {
  const r = rig();
  const c = r.companion;
  c.dispatch({ type: 'break/start' });
  c.dispatch({ type: 'routine/complete', feeling: 'better' });
  c.dispatch({ type: 'break/start' });
  c.dispatch({ type: 'routine/complete', feeling: 'same' });
  const breaks = c.exportData().breaks;
  expect(breaks).toHaveLength(2);
  expect(new Set(breaks.map((b) => `${b.dueAt}|${b.at}`)).size).toBe(2);
  const file = c.exportData();
  await c.stop();
  const fresh = rig();
  fresh.companion.importData(file);
  expect(fresh.companion.exportData().breaks.map((b) => b.feeling)).toEqual(['better', 'same']);
  await fresh.companion.stop();
});
