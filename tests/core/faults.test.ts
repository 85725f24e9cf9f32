import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createCompanion, type Companion } from '../../main/core';
import { rig, MIN, listFiles, failWritesUnder, type Rig } from './harness';

let r: Rig;
afterEach(async () => {
  vi.restoreAllMocks();
  await r?.companion.stop();
  vi.useRealTimers();
  fs.rmSync(r.dir, { recursive: true, force: true });
});

const records = (c: Companion) => {
  const d = c.exportData();
  return d.stretches.length + d.breaks.length + d.checkins.length + d.checklists.length;
};
const checkin = { type: 'checkin/save' as const, checkin: { painLow: 1, painHigh: 4, stiffnessMin: 10, walkingMin: 20, confidence: 6, note: '' } };

/** Some real use: two stretches, a taken and a skipped break, a check-in. */
function use(rr: Rig) {
  rr.advance(30 * MIN);
  rr.companion.dispatch({ type: 'break/skip' });
  rr.advance(30 * MIN);
  rr.companion.dispatch({ type: 'break/start' });
  rr.companion.dispatch({ type: 'routine/complete', feeling: 'better' });
  rr.companion.dispatch(checkin);
}

const failWrites = (code: string) => failWritesUnder(r.dir, code);

describe.each([
  ['ENOSPC', /disk is full/],
  ['EROFS', /read-only/],
])('writes failing with %s', (code, message) => {
  it('keeps running, tells the user, keeps every record, and saves them once writing works', async () => {
    r = rig();
    use(r);
    const before = records(r.companion);
    const spy = failWrites(code);
    r.companion.dispatch(checkin);
    r.companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 40 } });
    r.advance(40 * MIN);
    r.companion.dispatch({ type: 'break/skip' });
    const state = r.companion.getState();
    expect(state.warnings.join('\n')).toMatch(message);
    expect(state.warnings.join('\n')).toMatch(/Nothing is lost/);
    expect(state.settings.breakIntervalMin).toBe(40);
    expect(records(r.companion)).toBe(before + 2);
    spy.mockRestore();
    r.companion.dispatch(checkin); // the next write succeeds and carries the others with it
    expect(r.companion.getState().warnings.at(-1)).toMatch(/Saving works again/);
    const c = await r.restart();
    expect(records(c)).toBe(before + 3);
  });
});

describe('damaged or foreign files at start', () => {
  it('a month torn in the middle of a write is kept aside; other months load', async () => {
    r = rig({ now: '2026-10-30T09:00:00.000Z' });
    use(r);
    r.companion.dispatch({ type: 'pause', until: '2026-11-02T09:00:00.000Z' });
    r.advance(3 * 24 * 60 * MIN);
    use(r);
    await r.companion.stop();
    const october = records(r.companion) - 4; // November held one stretch, two breaks and a check-in
    const file = path.join(r.dir, 'history', '2026-11.json');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    r.companion = createCompanion({ dataDir: r.dir });
    r.companion.start();
    expect(records(r.companion)).toBe(october);
    expect(r.companion.getState().warnings[0]).toMatch(/History for 2026-11 could not be read.*kept as history\/2026-11\.corrupt-/);
    expect(fs.readFileSync(path.join(r.dir, listFiles(r.dir).find((f) => f.includes('2026-11.corrupt-'))!), 'utf8')).toBe(
      text.slice(0, Math.floor(text.length / 2)),
    );
  });

  it('an empty history file is kept aside and reported', () => {
    r = rig({ start: false });
    fs.mkdirSync(path.join(r.dir, 'history'));
    fs.writeFileSync(path.join(r.dir, 'history', '2026-11.json'), '');
    const c = createCompanion({ dataDir: r.dir });
    r.companion = c;
    expect(c.getState().warnings[0]).toMatch(/2026-11 could not be read \(the file is empty\)/);
  });

  it('a month from a newer version is read and never overwritten; new records stay in memory', () => {
    r = rig({ start: false });
    fs.mkdirSync(path.join(r.dir, 'history'));
    const future = JSON.stringify({
      schemaVersion: 7,
      month: '2026-11',
      stretches: [{ start: '2026-11-02T09:00:00.000Z', end: '2026-11-02T09:30:00.000Z', endedBy: 'routine', discomfortAt: null }],
      breaks: [],
      checkins: [],
      checklists: [],
      discomforts: [],
      hologram: [{ anything: true }],
    });
    fs.writeFileSync(path.join(r.dir, 'history', '2026-11.json'), future);
    const c = createCompanion({ dataDir: r.dir });
    r.companion = c;
    c.start();
    expect(c.exportData().stretches).toHaveLength(1);
    c.dispatch(checkin);
    expect(c.exportData().checkins).toHaveLength(1);
    expect(c.getState().warnings.join('\n')).toMatch(/newer version/);
    expect(fs.readFileSync(path.join(r.dir, 'history', '2026-11.json'), 'utf8')).toBe(future);
  });

  it('a runtime file that is not valid is kept aside and a new stretch starts', () => {
    r = rig({ start: false });
    fs.writeFileSync(path.join(r.dir, 'runtime.json'), '{"schemaVersion":1,"savedAt":"not a date"}');
    const c = createCompanion({ dataDir: r.dir });
    r.companion = c;
    c.start();
    expect(c.getState().phase).toBe('sitting');
    expect(c.getState().warnings[0]).toMatch(/current sitting stretch could not be read/);
    expect(listFiles(r.dir).some((f) => f.startsWith('runtime.invalid-'))).toBe(true);
  });
});

describe('the data folder deleted while running', () => {
  it('writes everything back at the next save and says so', async () => {
    r = rig({ now: '2026-10-30T09:00:00.000Z' });
    use(r);
    r.companion.dispatch({ type: 'pause', until: '2026-11-02T09:00:00.000Z' });
    r.advance(3 * 24 * 60 * MIN);
    use(r);
    r.companion.dispatch({ type: 'settings/update', settings: { snoozeMin: 9 } });
    const before = records(r.companion);
    fs.rmSync(r.dir, { recursive: true, force: true });
    r.companion.dispatch(checkin);
    expect(r.companion.getState().warnings.join('\n')).toMatch(/data folder was removed.*written back/);
    expect(listFiles(r.dir)).toEqual(expect.arrayContaining(['history/2026-10.json', 'history/2026-11.json', 'settings.json']));
    const c = await r.restart();
    expect(records(c)).toBe(before + 1);
    expect(c.getState().settings.snoozeMin).toBe(9);
  });
});

describe('backups', () => {
  it('keeps a daily copy of the history and restores what was lost, without duplicates', async () => {
    r = rig();
    use(r);
    await r.restart(); // a start with history makes the first backup
    const backups = r.companion.listBackups();
    expect(backups).toHaveLength(1);
    const kept = records(r.companion);
    // The month file is lost to an accident outside the app.
    await r.companion.stop();
    fs.rmSync(path.join(r.dir, 'history'), { recursive: true });
    r.companion = createCompanion({ dataDir: r.dir });
    r.companion.start();
    expect(records(r.companion)).toBe(0);
    expect(r.companion.restoreBackup(backups[0]!.name)).toEqual({ imported: kept });
    expect(r.companion.restoreBackup(backups[0]!.name)).toEqual({ imported: 0 });
    expect(() => r.companion.restoreBackup('../settings.json')).toThrow(/no backup called/);
  });

  it('keeps only the last seven copies, one a day', () => {
    r = rig();
    use(r);
    r.companion.dispatch({ type: 'pause', until: new Date(Date.now() + 10 * 24 * 60 * MIN).toISOString() });
    r.advance(10 * 24 * 60 * MIN);
    const list = r.companion.listBackups();
    expect(list.length).toBe(7);
    expect(Date.parse(list[0]!.createdAt) - Date.parse(list[1]!.createdAt)).toBe(24 * 60 * MIN);
  });
});

describe('quitting while the disk refuses writes (issue 16, item 5)', () => {
  it('stop() says records are unsaved instead of pretending, and a later start keeps them', async () => {
    r = rig();
    use(r);
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
    });
    const append = vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
    });
    const failing = failWrites('ENOSPC');
    r.companion.dispatch(checkin);
    await expect(r.companion.stop()).rejects.toThrow(/could not be saved before quitting/);
    spy.mockRestore();
    append.mockRestore();
    failing.mockRestore();
    // The app stays open (as the shell offers) and saves as soon as the disk allows.
    r.companion.start();
    r.companion.dispatch(checkin);
    const kept = records(r.companion);
    const c = await r.restart();
    expect(records(c)).toBe(kept);
  });
});
