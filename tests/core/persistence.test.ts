import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createCompanion } from '../../main/core';
import { migrateSettingsFile, SETTINGS_SCHEMA_VERSION } from '../../main/core/store-settings';
import { rig, at, MIN, tempDir, listFiles, snapshotDir, type Rig } from './harness';

let r: Rig;
afterEach(async () => {
  await r?.companion.stop();
  vi.useRealTimers();
  fs.rmSync(r.dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-11-23T09:00:00.000Z');

describe('restart', () => {
  it('restores settings, profile, history and the current stretch', async () => {
    r = rig();
    r.companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 40, snoozeMin: 7 } });
    r.companion.dispatch({ type: 'profile/save', profile: { directionalPreference: 'flexion', legSymptoms: true } });
    r.advance(40 * MIN);
    r.companion.dispatch({ type: 'break/start' });
    r.companion.dispatch({ type: 'routine/complete', feeling: 'better' });
    r.advance(10 * MIN);
    r.companion.dispatch({ type: 'discomfort/report' });
    const before = r.companion.getState();
    const exported = r.companion.exportData();
    r.advance(MIN);
    const c = await r.restart();
    const after = c.getState();
    expect(after.settings).toEqual(before.settings);
    expect(after.stretchStart).toBe(before.stretchStart);
    expect(after.nextBreakAt).toBe(before.nextBreakAt);
    expect(c.getProfile()).toMatchObject({ directionalPreference: 'flexion', legSymptoms: true });
    expect(c.exportData().breaks).toEqual(exported.breaks);
    expect(c.exportData().stretches).toEqual(exported.stretches);
    // The discomfort report made before the restart still belongs to the open stretch.
    c.dispatch({ type: 'break/start' });
    expect(c.exportData().stretches.at(-1)?.discomfortAt).toBe(new Date(T0 + 50 * MIN).toISOString());
  });

  it('keeps a pending snoozed break across a quick restart', async () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'break/snooze' });
    const c = await r.restart();
    expect(c.getState()).toMatchObject({ phase: 'sitting', snoozesLeft: 2 });
    expect(at(c.getState().nextBreakAt)).toBe(T0 + 35 * MIN);
    r.advance(5 * MIN);
    expect(c.getState().phase).toBe('due');
  });

  it('closes the saved stretch at the last save when the restart comes later', async () => {
    r = rig();
    r.advance(20 * MIN);
    await r.companion.stop();
    r.advance(30 * MIN);
    const c = createCompanion({ dataDir: r.dir, idleSeconds: r.user.idleSeconds });
    r.companion = c;
    c.start();
    expect(c.exportData().stretches).toEqual([
      { start: new Date(T0).toISOString(), end: new Date(T0 + 20 * MIN).toISOString(), endedBy: 'quit', discomfortAt: null },
    ]);
    expect(at(c.getState().stretchStart)).toBe(T0 + 50 * MIN);
  });

  it('keeps a pause across a restart', async () => {
    r = rig();
    const until = new Date(T0 + 2 * 60 * MIN).toISOString();
    r.companion.dispatch({ type: 'pause', until });
    const c = await r.restart();
    expect(c.getState()).toMatchObject({ phase: 'paused', pausedUntil: until });
    r.advance(2 * 60 * MIN);
    expect(c.getState()).toMatchObject({ phase: 'sitting', pausedUntil: null, stretchStart: until });
  });

  it('partitions history by month and touches only the month written', async () => {
    r = rig({ now: '2026-10-31T23:00:00.000Z' });
    r.companion.dispatch({ type: 'checkin/save', checkin: { painLow: 2, painHigh: 5, stiffnessMin: 10, walkingMin: 20, confidence: 6, note: '' } });
    r.advance(2 * 60 * MIN);
    r.companion.dispatch({ type: 'checkin/save', checkin: { painLow: 1, painHigh: 4, stiffnessMin: 5, walkingMin: 30, confidence: 7, note: 'Walked to the shop' } });
    expect(listFiles(path.join(r.dir, 'history'))).toEqual(['2026-10.json', '2026-11.json']);
    const october = fs.statSync(path.join(r.dir, 'history', '2026-10.json')).mtimeMs;
    const octoberText = fs.readFileSync(path.join(r.dir, 'history', '2026-10.json'), 'utf8');
    r.companion.dispatch({ type: 'discomfort/report' });
    expect(fs.readFileSync(path.join(r.dir, 'history', '2026-10.json'), 'utf8')).toBe(octoberText);
    expect(fs.statSync(path.join(r.dir, 'history', '2026-10.json')).mtimeMs).toBe(october);
    const c = await r.restart();
    expect(c.exportData().checkins.map((x) => x.painLow)).toEqual([2, 1]);
  });
});

describe('damaged files', () => {
  it('keeps a corrupt settings file aside, reports it, and starts on defaults', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion":1,"settings":{"breakIntervalMin":4');
    r = rig({ dir });
    const s = r.companion.getState();
    expect(s.settings.breakIntervalMin).toBe(30);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/settings file could not be read.*kept as settings\.corrupt-/);
    const aside = listFiles(dir).find((f) => f.startsWith('settings.corrupt-'))!;
    expect(fs.readFileSync(path.join(dir, aside), 'utf8')).toBe('{"schemaVersion":1,"settings":{"breakIntervalMin":4');
    // The new file is valid and loads cleanly next time.
    r.companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 35 } });
    const again = createCompanion({ dataDir: dir });
    expect(again.getState().settings.breakIntervalMin).toBe(35);
    expect(again.getState().warnings).toEqual([]);
  });

  it('keeps the good settings from a schema-invalid file and reports the bad ones', () => {
    const dir = tempDir();
    const original = JSON.stringify({ schemaVersion: 1, settings: { breakIntervalMin: 45, snoozeMin: 999, theme: 'dark' }, profile: {} });
    fs.writeFileSync(path.join(dir, 'settings.json'), original);
    r = rig({ dir });
    const s = r.companion.getState();
    expect(s.settings).toMatchObject({ breakIntervalMin: 45, snoozeMin: 5, theme: 'dark' });
    expect(s.warnings[0]).toMatch(/snoozeMin/);
    const aside = listFiles(dir).find((f) => f.startsWith('settings.invalid-'))!;
    expect(fs.readFileSync(path.join(dir, aside), 'utf8')).toBe(original);
  });

  it('keeps a corrupt history month aside and loads the other months', () => {
    r = rig({ now: '2026-10-15T09:00:00.000Z' });
    r.companion.dispatch({ type: 'checkin/save', checkin: { painLow: 3, painHigh: 6, stiffnessMin: 15, walkingMin: 10, confidence: 5, note: '' } });
    // A month's holiday, paused so that nothing polls.
    r.companion.dispatch({ type: 'pause', until: new Date(Date.now() + 31 * 24 * 60 * MIN).toISOString() });
    r.advance(31 * 24 * 60 * MIN);
    r.companion.dispatch({ type: 'checkin/save', checkin: { painLow: 2, painHigh: 4, stiffnessMin: 10, walkingMin: 20, confidence: 6, note: '' } });
    const dir = r.dir;
    return r.companion.stop().then(() => {
      fs.writeFileSync(path.join(dir, 'history', '2026-11.json'), '{"stretches":[{"start":');
      const c = createCompanion({ dataDir: dir });
      r.companion = c;
      expect(c.exportData().checkins.map((x) => x.painLow)).toEqual([3]);
      expect(c.getState().warnings[0]).toMatch(/History for 2026-11 could not be read.*history\/2026-11\.corrupt-/);
      expect(listFiles(dir).some((f) => f.startsWith('history/2026-11.corrupt-'))).toBe(true);
    });
  });

  it('drops only the invalid records of a month and keeps the original aside', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'history'));
    const good = { start: '2026-11-02T09:00:00.000Z', end: '2026-11-02T09:30:00.000Z', endedBy: 'routine', discomfortAt: null };
    const bad = { start: 'yesterday', end: 5, endedBy: 'teleport' };
    const text = JSON.stringify({ schemaVersion: 1, month: '2026-11', stretches: [good, bad], breaks: [], checkins: [], checklists: [], discomforts: [] });
    fs.writeFileSync(path.join(dir, 'history', '2026-11.json'), text);
    r = rig({ dir });
    expect(r.companion.exportData().stretches).toEqual([good]);
    expect(r.companion.getState().warnings[0]).toMatch(/1 record in the history for 2026-11 could not be read/);
    const aside = listFiles(dir).find((f) => f.startsWith('history/2026-11.invalid-'))!;
    expect(fs.readFileSync(path.join(dir, aside), 'utf8')).toBe(text);
  });

  it('an empty settings file is kept aside too', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '');
    r = rig({ dir });
    expect(r.companion.getState().warnings[0]).toMatch(/empty/);
    expect(listFiles(dir).some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
  });

  it('does not overwrite a settings file from a newer version', () => {
    const dir = tempDir();
    const text = JSON.stringify({ schemaVersion: 99, settings: { breakIntervalMin: 50, hoverboard: true }, profile: {} });
    fs.writeFileSync(path.join(dir, 'settings.json'), text);
    r = rig({ dir });
    expect(r.companion.getState().settings.breakIntervalMin).toBe(50);
    expect(r.companion.getState().warnings[0]).toMatch(/newer version/);
    r.companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 20 } });
    expect(r.companion.getState().settings.breakIntervalMin).toBe(20);
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(text);
  });
});

describe('migrations', () => {
  it('moves a version-0 file (plain settings at the top) to the current shape', () => {
    expect(migrateSettingsFile({ breakIntervalMin: 40, theme: 'dark' })).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      settings: { breakIntervalMin: 40, theme: 'dark' },
      profile: {},
    });
  });

  it('loads a version-0 file from disk and rewrites it as the current version', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ breakIntervalMin: 40 }));
    r = rig({ dir });
    expect(r.companion.getState().settings.breakIntervalMin).toBe(40);
    expect(r.companion.getState().warnings).toEqual([]);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(saved.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    expect(saved.settings.breakIntervalMin).toBe(40);
  });
});

describe('bad input', () => {
  const bad: [unknown, RegExp][] = [
    [null, /expected an object/],
    ['break/start', /expected an object/],
    [{}, /unknown type undefined/],
    [{ type: 'break/teleport' }, /unknown type "break\/teleport"/],
    [{ type: 'break/snooze', extra: 1 }, /unknown field "extra"/],
    [{ type: 'routine/complete', feeling: 'ecstatic' }, /feeling/],
    [{ type: 'pause' }, /until/],
    [{ type: 'pause', until: 'tomorrow' }, /until: must be an ISO date-time/],
    [{ type: 'settings/update', settings: { breakIntervalMin: 5 } }, /Break interval must be between 10 and 120/],
    [{ type: 'settings/update', settings: { breakIntervalMin: 30.5 } }, /whole number/],
    [{ type: 'settings/update', settings: { volume: 3 } }, /unknown field "volume"/],
    [{ type: 'settings/update', settings: { workingHours: { days: [1], start: '09:00', end: '09:00' } } }, /different times/],
    [{ type: 'settings/update', settings: { workingHours: { days: [7], start: '09:00', end: '17:00' } } }, /0 \(Sunday\) to 6/],
    [{ type: 'settings/update', settings: { workingHours: { days: [1], start: '9am', end: '17:00' } } }, /HH:MM/],
    [{ type: 'checkin/save', checkin: { painLow: 7, painHigh: 3, stiffnessMin: 0, walkingMin: 0, confidence: 5, note: '' } }, /lowest pain cannot be above highest/],
    [{ type: 'checkin/save', checkin: { painLow: 1, painHigh: 11, stiffnessMin: 0, walkingMin: 0, confidence: 5, note: '' } }, /between 0 and 10/],
    [{ type: 'checkin/save', checkin: { painLow: 1 } }, /painHigh/],
    [{ type: 'checklist/save', answers: { 'screen-height': 'maybe' } }, /answers/],
    [{ type: 'checklist/save', answers: {} }, /at least one item/],
    [{ type: 'profile/save', profile: { directionalPreference: 'sideways' } }, /directionalPreference/],
  ];

  it.each(bad)('refuses %j with a clear message and changes nothing', (payload, message) => {
    r = rig();
    r.advance(3 * MIN);
    const state = r.companion.getState();
    const files = snapshotDir(r.dir);
    expect(() => r.companion.dispatch(payload)).toThrow(message);
    expect(r.companion.getState()).toEqual(state);
    expect(snapshotDir(r.dir)).toEqual(files);
  });

  it('needs a data folder', () => {
    r = rig();
    expect(() => createCompanion({} as never)).toThrow(/dataDir/);
  });
});

describe('stop and start on the same companion', () => {
  it('carries on like a restart and loses no stretch', async () => {
    r = rig();
    r.advance(10 * MIN);
    await r.companion.stop();
    r.advance(MIN);
    r.companion.start();
    expect(at(r.companion.getState().stretchStart)).toBe(T0);
    await r.companion.stop();
    r.advance(10 * MIN);
    r.companion.start();
    expect(r.companion.exportData().stretches).toMatchObject([{ start: new Date(T0).toISOString(), endedBy: 'quit' }]);
    expect(at(r.companion.getState().stretchStart)).toBe(T0 + 21 * MIN);
  });
});
