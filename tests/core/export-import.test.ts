import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { createCompanion } from '../../main/core';
import { rig, MIN, tempDir, snapshotDir, type Rig } from './harness';

let r: Rig;
const dirs: string[] = [];
afterEach(async () => {
  await r?.companion.stop();
  vi.useRealTimers();
  for (const d of [r.dir, ...dirs.splice(0)]) fs.rmSync(d, { recursive: true, force: true });
});

function busyDay(rr: Rig) {
  const c = rr.companion;
  rr.advance(30 * MIN);
  c.dispatch({ type: 'break/snooze' });
  rr.advance(5 * MIN);
  c.dispatch({ type: 'break/start' });
  c.dispatch({ type: 'routine/complete', feeling: 'better' });
  rr.advance(20 * MIN);
  c.dispatch({ type: 'discomfort/report' });
  c.dispatch({ type: 'checkin/save', checkin: { painLow: 1, painHigh: 3, stiffnessMin: 5, walkingMin: 40, confidence: 8, note: 'Gardened for half an hour' } });
  c.dispatch({ type: 'checklist/save', answers: { 'screen-height': 'yes', 'feet-flat': 'no' } });
  c.dispatch({ type: 'break/start' });
  c.dispatch({ type: 'routine/abandon' });
}

describe('export and import', () => {
  it('exports the documented format', () => {
    r = rig();
    busyDay(r);
    const data = r.companion.exportData();
    expect(data).toMatchObject({ format: 'movesnack-export', version: 2 });
    const core = ['breaks', 'checkins', 'checklists', 'discomforts', 'exportedAt', 'format', 'profile', 'settings', 'stretches', 'version'];
    expect(Object.keys(data).filter((k) => core.includes(k)).sort()).toEqual(core);
    // Anything else is an optional section (shared/export-format.ts): an object a reader may ignore.
    for (const k of Object.keys(data).filter((key) => !core.includes(key))) expect(typeof (data as Record<string, unknown>)[k], k).toBe('object');
    expect(data.stretches).toHaveLength(2);
    expect(data.breaks).toHaveLength(2);
    expect(data.checkins).toHaveLength(1);
    expect(data.checklists).toEqual([{ at: expect.any(String), answers: { 'screen-height': 'yes', 'feet-flat': 'no' } }]);
    expect(data.settings).toMatchObject({ breakIntervalMin: 30 });
    // Round-trips through JSON unchanged.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('merges into another data folder without duplicates, ignoring settings and profile', () => {
    r = rig();
    busyDay(r);
    const data = r.companion.exportData();
    const dir = tempDir();
    dirs.push(dir);
    const other = createCompanion({ dataDir: dir });
    data.settings = { ...data.settings, breakIntervalMin: 99 };
    expect(other.importData(data)).toEqual({ imported: 7 }); // version 2 carries the discomfort report too
    expect(other.importData(data)).toEqual({ imported: 0 });
    expect(other.getState().settings.breakIntervalMin).toBe(30);
    const merged = other.exportData();
    expect(merged.stretches).toEqual(data.stretches);
    expect(merged.breaks).toEqual(data.breaks);
    expect(merged.checkins).toEqual(data.checkins);
    // And it was written to disk.
    expect(createCompanion({ dataDir: dir }).exportData().breaks).toEqual(data.breaks);
  });

  it('counts only new records when files overlap, and normalises time zones', () => {
    r = rig();
    r.companion.dispatch({ type: 'checkin/save', checkin: { painLow: 1, painHigh: 2, stiffnessMin: 0, walkingMin: 0, confidence: 5, note: '' } });
    const data = r.companion.exportData();
    const extra = { ...data.checkins[0]!, at: '2026-11-20T10:00:00+01:00', painLow: 2 };
    const result = r.companion.importData({ ...data, checkins: [...data.checkins, extra, extra] });
    expect(result).toEqual({ imported: 1 });
    expect(r.companion.exportData().checkins.map((c) => c.at)).toEqual(['2026-11-20T09:00:00.000Z', data.checkins[0]!.at]);
  });

  const badFiles: [string, unknown, RegExp][] = [
    ['not an object', 'hello', /Invalid import file/],
    ['another app', { format: 'stretchly', version: 1 }, /not a Movesnack export/],
    ['a future version', { format: 'movesnack-export', version: 3 }, /unsupported export version/],
    ['a bad record', { format: 'movesnack-export', version: 1, exportedAt: '2026-11-23T09:00:00.000Z', settings: {}, profile: {}, stretches: [{ start: 'x' }], breaks: [], checkins: [], checklists: [] }, /stretches\.0/],
    ['a backwards stretch', { format: 'movesnack-export', version: 1, exportedAt: '2026-11-23T09:00:00.000Z', settings: {}, profile: {}, stretches: [{ start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T08:00:00.000Z', endedBy: 'quit', discomfortAt: null }], breaks: [], checkins: [], checklists: [] }, /ends before it starts/],
  ];

  it.each(badFiles)('refuses %s with a clear message and changes nothing', (_name, file, message) => {
    r = rig();
    busyDay(r);
    const before = snapshotDir(r.dir);
    const exported = r.companion.exportData();
    expect(() => r.companion.importData(file)).toThrow(message);
    expect(snapshotDir(r.dir)).toEqual(before);
    expect({ ...r.companion.exportData(), exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  });
});
