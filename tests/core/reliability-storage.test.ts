/**
 * Issue 16 ("Nothing lost, ever"), the storage items: times out of range, writes that fail at
 * quit, export version 2, fsync, damaged files, bad folder layouts, large imports, append cost,
 * links out of the data folder, import validation, left-over temporary files.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createCompanion, type Companion } from '../../main/core';
import { HistoryStore } from '../../main/core/store-history';
import type { ImportResult } from '../../main/core/data-transfer';
import { rig, MIN, tempDir, listFiles, snapshotDir, failWritesUnder, type Rig } from './harness';

let r: Rig | null = null;
const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await r?.companion.stop();
  vi.useRealTimers();
  for (const d of [...(r ? [r.dir] : []), ...dirs.splice(0)]) fs.rmSync(d, { recursive: true, force: true });
  r = null;
});
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

const checkinInput = { painLow: 1, painHigh: 3, stiffnessMin: 5, walkingMin: 20, confidence: 6, note: '' };
const checkin = (note = '') => ({ type: 'checkin/save' as const, checkin: { ...checkinInput, note } });
const allWarnings = (c: Companion) => c.getState().warnings.join('\n');
const goodStretch = { start: '2026-11-20T09:00:00.000Z', end: '2026-11-20T09:30:00.000Z', endedBy: 'routine', discomfortAt: '2026-11-20T09:20:00.000Z' };
const goodBreak = { dueAt: '2026-11-20T09:30:00.000Z', outcome: 'taken', at: '2026-11-20T09:31:00.000Z', snoozes: 0, routineId: 'desk-reset', seconds: 90, feeling: 'better' };
const exportFile = (records: Record<string, unknown[]>, version = 2) => ({
  format: 'movesnack-export',
  version,
  exportedAt: '2026-11-23T09:00:00.000Z',
  stretches: [],
  breaks: [],
  checkins: [],
  checklists: [],
  ...records,
});

describe('item 4: one validation of times, with a sane range', () => {
  const farFuture = '9999-12-31T23:59:59-23:59';
  const yearZero = '0000-01-01T00:00:00+01:00';

  it('pause refuses times outside 2000-2100', () => {
    r = rig();
    for (const until of [farFuture, yearZero, '2101-01-01T00:00:00Z']) {
      expect(() => r!.companion.dispatch({ type: 'pause', until })).toThrow(/between the years 2000 and 2100/);
    }
    expect(r.companion.getState().phase).toBe('sitting');
  });

  it('import keeps the good records and reports the bad ones instead of refusing the file', () => {
    r = rig();
    const before = r.companion.exportData();
    const result: ImportResult = r.companion.importData(
      exportFile({
        stretches: [goodStretch, { ...goodStretch, start: yearZero }],
        checkins: [{ at: farFuture, ...checkinInput }, { at: '2026-11-20T18:00:00.000Z', ...checkinInput }],
      }),
    );
    expect(result).toMatchObject({ imported: 2, skipped: 2 });
    expect(result.problems!.join('\n')).toMatch(/stretches\.1\.start: must be a time between the years 2000 and 2100/);
    expect(allWarnings(r.companion)).toMatch(/2 records in the file could not be used and were left out/);
    const after = r.companion.exportData();
    expect(after.stretches).toHaveLength(before.stretches.length + 1);
    expect(after.checkins.map((c) => c.at)).toEqual(['2026-11-20T18:00:00.000Z']);
  });

  it('restore does the same with a backup holding a bad record', async () => {
    r = rig();
    r.companion.dispatch(checkin('kept'));
    await r.companion.stop();
    const backups = path.join(r.dir, 'backups');
    const name = 'history-2026-11-22T09-00-00-000Z.json';
    fs.mkdirSync(backups, { recursive: true });
    fs.writeFileSync(path.join(backups, name), JSON.stringify(exportFile({ checkins: [{ at: farFuture, ...checkinInput }, { at: '2026-11-21T10:00:00.000Z', ...checkinInput, note: 'restored' }] }, 1)));
    r.companion = createCompanion({ dataDir: r.dir });
    r.companion.start();
    expect(r.companion.restoreBackup(name)).toMatchObject({ imported: 1, skipped: 1 });
    expect(r.companion.exportData().checkins.map((c) => c.note)).toEqual(['restored', 'kept']);
  });

  it('records an older version filed under impossible months are reported at start and set aside; export and backup then import cleanly', async () => {
    const d = dir();
    fs.mkdirSync(path.join(d, 'history'));
    const odd = { schemaVersion: 1, month: '+010000', stretches: [], breaks: [], checkins: [{ at: farFuture, ...checkinInput }], checklists: [], discomforts: [] };
    fs.writeFileSync(path.join(d, 'history', '+010000.json'), JSON.stringify(odd));
    fs.writeFileSync(path.join(d, 'history', '-000001.json'), JSON.stringify({ ...odd, month: '-000001', checkins: [{ at: yearZero, ...checkinInput }] }));
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const c = createCompanion({ dataDir: d });
    c.start();
    c.dispatch(checkin('today'));
    expect(allWarnings(c)).toMatch(/history\/\+010000\.json held 1 record with a time Movesnack cannot use.*kept as history\/\+010000\.invalid-/);
    expect(allWarnings(c)).toMatch(/history\/-000001\.json held 1 record/);
    expect(listFiles(path.join(d, 'history')).filter((f) => /^[+-]\d{6}\.json$/.test(f))).toEqual([]);
    const fresh = createCompanion({ dataDir: dir() });
    expect(fresh.importData(c.exportData())).toEqual({ imported: 1 });
    await c.stop();
  });
});

describe('item 5: failed writes at quit are reported, kept and retried', () => {
  const failWrites = (prefix: string) => failWritesUnder(prefix, 'ENOSPC');

  it('flush() reports failure, keeps the unsaved records, and saves them when the disk has room', async () => {
    const d = dir();
    const warnings: string[] = [];
    const store = new HistoryStore(d, (m) => warnings.push(m));
    store.load();
    store.append('checkins', { at: '2026-11-20T09:00:00.000Z', ...checkinInput });
    const spy = failWrites(d);
    store.append('checkins', { at: '2026-11-20T10:00:00.000Z', ...checkinInput, note: 'during the outage' });
    expect(store.flush()).toBe(false);
    expect(await store.flushRetrying(60, 20)).toBe(false);
    expect(store.pendingMonths).toEqual(['2026-11']);
    expect(store.unsavedRecords).toBe(2);
    expect(warnings.join('\n')).toMatch(/disk is full.*Nothing is lost yet.*keep Movesnack running/);
    spy.mockRestore();
    expect(store.flush()).toBe(true);
    expect(warnings.at(-1)).toMatch(/Saving works again/);
    const reread = new HistoryStore(d, () => {});
    reread.load();
    expect(reread.all.checkins.map((c) => c.note)).toEqual(['', 'during the outage']);
  });

  it('a settings change made during an outage is saved once writing works, without another change', () => {
    r = rig();
    const settingsFile = path.join(r.dir, 'settings.json');
    // The outage: conf's write of settings.json fails (a non-empty folder is in its way).
    const saved = fs.readFileSync(settingsFile, 'utf8');
    fs.rmSync(settingsFile);
    fs.mkdirSync(path.join(settingsFile, 'blocked'), { recursive: true });
    r.companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 45 } });
    expect(r.companion.getState().settings.breakIntervalMin).toBe(45);
    expect(allWarnings(r.companion)).toMatch(/Settings could not be saved/);
    fs.rmSync(settingsFile, { recursive: true });
    fs.writeFileSync(settingsFile, saved);
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).settings.breakIntervalMin).toBe(30);
    r.companion.dispatch(checkin()); // any successful write in the folder retries the settings
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).settings.breakIntervalMin).toBe(45);
    expect(allWarnings(r.companion)).toMatch(/Saving works again: your settings are on disk/);
  });
});

describe('item 7: export version 2', () => {
  it('carries discomfort reports and held breaks, and imports versions 1 and 2', () => {
    r = rig();
    r.advance(10 * MIN);
    r.companion.dispatch({ type: 'discomfort/report' });
    const data = r.companion.exportData();
    expect(data.version).toBe(2);
    expect(data.discomforts).toEqual([{ at: '2026-11-23T09:10:00.000Z', inStretch: true }]);
    const other = createCompanion({ dataDir: dir() });
    expect(other.importData(data)).toEqual({ imported: 1 });
    expect(other.exportData().discomforts).toEqual(data.discomforts);
    // Version 1 (no discomforts) still imports.
    expect(other.importData(exportFile({ stretches: [goodStretch] }, 1))).toEqual({ imported: 1 });
    // deferredMin on a break: whole minutes, bounded.
    expect(other.importData(exportFile({ breaks: [{ ...goodBreak, deferredMin: 12 }] }))).toEqual({ imported: 1 });
    expect(other.exportData().breaks[0]).toMatchObject({ deferredMin: 12 });
    for (const bad of [-1, 2.5, 1e9]) {
      expect(() => other.importData(exportFile({ breaks: [{ ...goodBreak, at: '2026-11-20T11:00:00.000Z', deferredMin: bad }] }))).toThrow(/deferredMin/);
    }
  });

  it('optional sections a later version adds are ignored, not refused', () => {
    const other = createCompanion({ dataDir: dir() });
    expect(other.importData({ ...exportFile({ stretches: [goodStretch] }), homeProgram: { version: 1, moves: [] }, smartInterval: { minutes: 40 } })).toEqual({ imported: 1 });
  });
});

describe('item 8: writes survive a power cut (fsync of file and folder)', () => {
  it('history appends, month rewrites, runtime and backups are fsynced, with their folder', async () => {
    r = rig();
    const synced: string[] = [];
    const realOpen = fs.openSync;
    const fds = new Map<number, string>();
    vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      const fd = realOpen(...args);
      fds.set(fd, String(args[0]));
      return fd;
    });
    // Files are fdatasynced (data and size), folders fsynced: either counts as synced here.
    const realSync = fs.fsyncSync;
    const realDataSync = fs.fdatasyncSync;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      synced.push(path.relative(r!.dir, fds.get(fd) ?? '?') || '.');
      return realSync(fd);
    });
    vi.spyOn(fs, 'fdatasyncSync').mockImplementation((fd: number) => {
      synced.push(path.relative(r!.dir, fds.get(fd) ?? '?') || '.');
      return realDataSync(fd);
    });
    r.companion.dispatch(checkin('first')); // a new month: a snapshot, written atomically
    r.companion.dispatch(checkin('second')); // then a journal line
    r.advance(2 * MIN); // the runtime heartbeat
    await r.companion.stop(); // the journal is folded into the month
    expect(synced.some((f) => /^history\/\.2026-11\.json\.\d+-\d+\.tmp$/.test(f))).toBe(true);
    expect(synced).toContain('history'); // the folder, so the rename is durable
    expect(synced).toContain('history/2026-11.jsonl');
    expect(synced.some((f) => /^\.runtime\.json\.\d+-\d+\.tmp$/.test(f))).toBe(true);
    expect(synced).toContain('.');
    synced.length = 0;
    r.companion = createCompanion({ dataDir: r.dir });
    vi.setSystemTime(new Date('2026-11-25T09:00:00.000Z'));
    r.companion.start(); // a day later: the daily backup
    expect(synced.some((f) => /^backups\/\.history-.*\.tmp$/.test(f))).toBe(true);
    expect(synced).toContain('backups');
  });
});

describe('issue 11 item 7: an append is one write and one fdatasync', () => {
  it('appends to an existing journal with one open, one write and one fdatasync, no folder fsync; a heartbeat skips the folder fsync too', async () => {
    r = rig();
    r.companion.dispatch(checkin('first')); // a new month: the snapshot
    r.companion.dispatch(checkin('second')); // a new journal: its folder is fsynced once
    const calls: string[] = [];
    const realOpen = fs.openSync;
    const fds = new Map<number, string>();
    const name = (fd: number) => path.relative(r!.dir, fds.get(fd) ?? '?') || '.';
    vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      const fd = realOpen(...args);
      fds.set(fd, String(args[0]));
      calls.push(`open ${path.relative(r!.dir, String(args[0])) || '.'}`);
      return fd;
    });
    const realWrite = fs.writeSync as (...a: unknown[]) => number;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      calls.push(`write ${name(fd)}`);
      return realWrite(fd, ...rest);
    }) as typeof fs.writeSync);
    const realSync = fs.fsyncSync;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      calls.push(`fsync ${name(fd)}`);
      return realSync(fd);
    });
    const realDataSync = fs.fdatasyncSync;
    vi.spyOn(fs, 'fdatasyncSync').mockImplementation((fd: number) => {
      calls.push(`fdatasync ${name(fd)}`);
      return realDataSync(fd);
    });
    r.companion.dispatch(checkin('third'));
    expect(calls).toEqual(['open history/2026-11.jsonl', 'write history/2026-11.jsonl', 'fdatasync history/2026-11.jsonl']);
    calls.length = 0;
    r.advance(6 * MIN); // sitting: the runtime heartbeat (on the 2-minute idle poll) moves savedAt only
    expect(calls.filter((c) => c.startsWith('fsync') || c.startsWith('fdatasync'))).toEqual([
      expect.stringMatching(/^fdatasync \.runtime\.json\.\d+-\d+\.tmp$/),
    ]);
    vi.restoreAllMocks();
    await r.companion.stop();
    const lines = fs.readFileSync(path.join(r.dir, 'history', '2026-11.json'), 'utf8');
    expect(JSON.parse(lines).checkins.map((c: { note: string }) => c.note)).toEqual(['first', 'second', 'third']);
  });
});

describe('item 9: a byte-order mark or stray bytes never hide a file', () => {
  it('settings.json with a BOM keeps the profile, red-flag answers included', async () => {
    r = rig();
    r.companion.dispatch({ type: 'profile/save', profile: { canStand: false, confidenceTask: 'carry the shopping' } });
    await r.companion.stop();
    const file = path.join(r.dir, 'settings.json');
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8')}`);
    r.companion = createCompanion({ dataDir: r.dir });
    r.companion.start();
    expect(r.companion.getProfile()).toMatchObject({ canStand: false, confidenceTask: 'carry the shopping' });
    expect(r.companion.getState().warnings).toEqual([]);
    expect(fs.readFileSync(file, 'utf8').charCodeAt(0)).toBe('{'.charCodeAt(0));
  });

  it('a month with trailing garbage keeps every record; the original is kept aside', async () => {
    r = rig();
    r.companion.dispatch(checkin('one'));
    r.companion.dispatch(checkin('two'));
    await r.companion.stop();
    const file = path.join(r.dir, 'history', '2026-11.json');
    fs.appendFileSync(file, '\u0000\u0000garbage}{');
    r.companion = createCompanion({ dataDir: r.dir });
    r.companion.start();
    expect(r.companion.exportData().checkins.map((c) => c.note)).toEqual(['one', 'two']);
    expect(allWarnings(r.companion)).toMatch(/History for 2026-11 had 11 stray bytes after its records\. Every record was read; the original file was kept as history\/2026-11\.corrupt-/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).checkins).toHaveLength(2);
  });

  it('a torn last journal line (a write cut off) costs nothing that was acknowledged', async () => {
    r = rig();
    r.companion.dispatch(checkin('one'));
    r.companion.dispatch(checkin('two'));
    const journal = path.join(r.dir, 'history', '2026-11.jsonl');
    fs.appendFileSync(journal, '{"kind":"checkins","record":{"at":"2026-11-23T09:0');
    const reader = createCompanion({ dataDir: r.dir, readOnly: true });
    expect(reader.exportData().checkins.map((c) => c.note)).toEqual(['one', 'two']);
    expect(reader.getState().warnings).toEqual([]);
  });
});

describe('item 10: bad folder layouts are warnings, never a crash', () => {
  function running(c: Companion) {
    c.start();
    c.dispatch(checkin('still works'));
    expect(c.getState().phase).toBe('sitting');
    expect(c.exportData().checkins.some((x) => x.note === 'still works')).toBe(true);
  }

  it('folders where files should be: settings, runtime, adaptations, a month', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    for (const f of ['settings.json', 'runtime.json', 'adaptations.json', 'history/2026-10.json']) fs.mkdirSync(path.join(d, f), { recursive: true });
    const c = createCompanion({ dataDir: d });
    expect(allWarnings(c)).toMatch(/settings file could not be read \(a folder is where the file should be\)/);
    expect(allWarnings(c)).toMatch(/History for 2026-10 could not be read \(a folder is where the file should be\)/);
    running(c);
    await c.stop();
    expect(fs.statSync(path.join(d, 'settings.json')).isFile()).toBe(true);
  });

  it('a file where history/ should be', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    fs.writeFileSync(path.join(d, 'history'), 'not a folder');
    const c = createCompanion({ dataDir: d });
    expect(allWarnings(c)).toMatch(/A file named "history" was where Movesnack keeps its history folder/);
    running(c);
    await c.stop();
    expect(createCompanion({ dataDir: d, readOnly: true }).exportData().checkins).toHaveLength(1);
  });

  it('a lock that is a directory', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    fs.mkdirSync(path.join(d, 'movesnack.lock.json'));
    const c = createCompanion({ dataDir: d });
    expect(allWarnings(c)).toMatch(/The lock file was a folder; it was moved aside/);
    running(c);
    await c.stop();
  });

  it('unreadable files and folders (no permission)', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    const seed = createCompanion({ dataDir: d });
    seed.start();
    seed.dispatch(checkin('before'));
    await seed.stop();
    const settingsBefore = fs.readFileSync(path.join(d, 'settings.json'), 'utf8');
    const denied = (p: unknown) => {
      const s = String(p);
      return s === path.join(d, 'settings.json') || s === path.join(d, 'history');
    };
    const realRead = fs.readFileSync;
    const realDir = fs.readdirSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: unknown) => {
      if (denied(p)) throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
      return realRead(p, o as BufferEncoding);
    }) as typeof fs.readFileSync);
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (denied(p)) throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
      return realDir(p, o as undefined);
    }) as typeof fs.readdirSync);
    const c = createCompanion({ dataDir: d });
    expect(allWarnings(c)).toMatch(/settings file could not be read \(Movesnack is not allowed to read it\)/);
    expect(allWarnings(c)).toMatch(/history folder could not be read \(Movesnack is not allowed to read it\)/);
    running(c);
    await c.stop();
    vi.restoreAllMocks();
    // Nothing it could not read was written over.
    expect(fs.readFileSync(path.join(d, 'settings.json'), 'utf8')).toBe(settingsBefore);
    expect(createCompanion({ dataDir: d, readOnly: true }).exportData().checkins.map((x) => x.note)).toEqual(['before']);
  });

  it('a 1 GB month file is set aside, not read', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    fs.mkdirSync(path.join(d, 'history'));
    const fd = fs.openSync(path.join(d, 'history', '2026-10.json'), 'w');
    fs.ftruncateSync(fd, 1024 ** 3); // sparse: no real gigabyte on disk
    fs.closeSync(fd);
    const c = createCompanion({ dataDir: d });
    expect(allWarnings(c)).toMatch(/History for 2026-10 could not be read \(the file is far too large \(1024 MB\)\)\. The file was kept as history\/2026-10\.invalid-/);
    running(c);
    await c.stop();
  });

  it('a corrupt month in a folder that refuses to move it aside stays untouched', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    fs.mkdirSync(path.join(d, 'history'));
    const month = path.join(d, 'history', '2026-11.json');
    fs.writeFileSync(month, '{"schemaVersion":1,"checkins":[{"at":"2026-11-2');
    const realRename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from) === month) throw Object.assign(new Error('EROFS: simulated'), { code: 'EROFS' });
      return realRename(from, to);
    });
    const c = createCompanion({ dataDir: d });
    expect(allWarnings(c)).toMatch(/History for 2026-11 could not be read.*left in place: it could not be moved aside/);
    running(c);
    expect(allWarnings(c)).toMatch(/A new record for 2026-11 is kept in memory only, because its damaged file could not be moved aside/);
    await c.stop();
    expect(fs.readFileSync(month, 'utf8')).toBe('{"schemaVersion":1,"checkins":[{"at":"2026-11-2');
  });
});

describe('item 11: large imports', () => {
  const records = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(), ...checkinInput }));

  it.each([
    ['oldest first', false],
    ['newest first', true],
  ])('100,000 records %s import whole and sorted (their speed is in npm run bench)', (_name, reverse) => {
    const list = records(100_000);
    if (reverse) list.reverse();
    const c = createCompanion({ dataDir: dir() });
    expect(c.importData(exportFile({ checkins: list }))).toEqual({ imported: 100_000 });
    const at = c.exportData().checkins.map((x) => x.at);
    expect(at.every((t, i) => i === 0 || at[i - 1]! <= t)).toBe(true);
  }, 30_000);
});

describe('item 12: appends cost the same however full the month is', () => {
  it('an append writes one journal line, not the month: the median stays flat from 0 to 30,000 records', () => {
    const d = dir();
    const store = new HistoryStore(d, () => {});
    store.load();
    const base = Date.UTC(2026, 10, 1);
    const median = (offset: number) => {
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        store.append('discomforts', { at: new Date(base + offset + i * 1000).toISOString(), inStretch: false });
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[30]!;
    };
    const empty = median(0);
    store.appendMany({ discomforts: Array.from({ length: 30_000 }, (_, i) => ({ at: new Date(base + 86_400_000 + i * 1000).toISOString(), inStretch: false })) });
    const full = median(20 * 86_400_000);
    const month = path.join(d, 'history', '2026-11.json');
    expect(fs.statSync(month).size).toBeGreaterThan(1_000_000);
    // What an append writes: one line, whatever the month holds (the old code rewrote 1.5 MB here).
    const written: number[] = [];
    const real = fs.writeSync as (...a: unknown[]) => number;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Buffer, offset: number, length: number) => {
      written.push(length);
      return real(fd, data, offset, length);
    }) as typeof fs.writeSync);
    const monthBefore = fs.readFileSync(month, 'utf8');
    store.append('discomforts', { at: new Date(base + 25 * 86_400_000).toISOString(), inStretch: true });
    spy.mockRestore();
    expect(written).toEqual([expect.any(Number)]);
    expect(written[0]).toBeLessThan(100);
    expect(fs.readFileSync(month, 'utf8')).toBe(monthBefore);
    // And the time: the fsync dominates both, so the medians are alike (generous bound: a shared, noisy disk).
    expect(full).toBeLessThan(empty * 5 + 5);
    expect(fs.readFileSync(path.join(d, 'history', '2026-11.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(61);
  }, 30_000);
});

describe('item 13: no write leaves the data folder', () => {
  it('a symlinked settings.json and backups/ are replaced by real ones, with a warning; the outside stays untouched', async () => {
    const outside = dir();
    const d = dir();
    const outsideSettings = path.join(outside, 'elsewhere.json');
    fs.writeFileSync(outsideSettings, JSON.stringify({ schemaVersion: 1, settings: { breakIntervalMin: 50 }, profile: {} }));
    fs.mkdirSync(path.join(outside, 'backups'));
    fs.symlinkSync(outsideSettings, path.join(d, 'settings.json'));
    fs.symlinkSync(path.join(outside, 'backups'), path.join(d, 'backups'));
    const before = snapshotDir(outside);
    // Some history, so the start makes its daily backup.
    const seedStore = new HistoryStore(d, () => {});
    seedStore.load();
    seedStore.append('checkins', { at: '2026-11-20T09:00:00.000Z', ...checkinInput });
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const c = createCompanion({ dataDir: d });
    c.start();
    c.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 40 } });
    expect(c.getState().settings.breakIntervalMin).toBe(40);
    expect(allWarnings(c)).toMatch(/settings\.json was a link to a place outside Movesnack's data folder/);
    expect(allWarnings(c)).toMatch(/backups was a link to a place outside Movesnack's data folder/);
    await c.stop();
    expect(snapshotDir(outside)).toEqual(before);
    expect(fs.lstatSync(path.join(d, 'settings.json')).isSymbolicLink()).toBe(false);
    expect(fs.lstatSync(path.join(d, 'backups')).isDirectory()).toBe(true);
    expect(listFiles(path.join(d, 'backups'))).toHaveLength(1);
  });
});

describe('item 14: import validation', () => {
  it.each([
    ['painLow above painHigh', { checkins: [{ at: '2026-11-20T18:00:00.000Z', ...checkinInput, painLow: 7, painHigh: 2 }] }, /lowest pain cannot be above highest pain/],
    ['discomfortAt outside its stretch', { stretches: [{ ...goodStretch, discomfortAt: '2026-11-20T12:00:00.000Z' }] }, /within its stretch/],
    ['seconds of 1e308', { breaks: [{ ...goodBreak, seconds: 1e308 }] }, /seconds/],
    ['snoozes of 1e15', { breaks: [{ ...goodBreak, snoozes: 1e15 }] }, /snoozes/],
    ['a 1 MB routineId', { breaks: [{ ...goodBreak, routineId: 'x'.repeat(1_000_000) }] }, /routineId/],
  ])('refuses %s (and keeps the good records beside it)', (_name, bad, message) => {
    const c = createCompanion({ dataDir: dir() });
    expect(() => c.importData(exportFile(bad as Record<string, unknown[]>))).toThrow(message);
    const kinds = Object.keys(bad);
    const mixed = exportFile({ ...(bad as Record<string, unknown[]>), checklists: [{ at: '2026-11-20T19:00:00.000Z', answers: { 'feet-flat': 'yes' } }] });
    expect(c.importData(mixed)).toMatchObject({ imported: 1, skipped: 1, problems: [expect.stringMatching(new RegExp(`^${kinds[0]}\\.0`))] });
  });
});

describe('item 18: small ones', () => {
  it('temporary files left by killed writes are removed at start; those of live processes are kept', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    fs.mkdirSync(path.join(d, 'history'));
    const dead = 2 ** 22 + 999;
    const leftovers = [`.settings.json.${dead}.tmp`, `history/.2026-11.json.${dead}-3.tmp`, `.runtime.json.${dead}-1.tmp`];
    for (const f of leftovers) fs.writeFileSync(path.join(d, f), 'x'.repeat(1000));
    const live = `history/.2026-11.json.${process.ppid}-1.tmp`;
    fs.writeFileSync(path.join(d, live), 'in progress');
    const c = createCompanion({ dataDir: d });
    c.start();
    await c.stop();
    expect(listFiles(d).filter((f) => f.endsWith('.tmp'))).toEqual([live]);
  });

  it('no "Saving works again" when no save failed (a month repaired at start)', () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
    const d = dir();
    fs.mkdirSync(path.join(d, 'history'));
    fs.writeFileSync(
      path.join(d, 'history', '2026-11.json'),
      JSON.stringify({ schemaVersion: 1, month: '2026-11', stretches: [], breaks: [], checkins: [{ at: '2026-11-20T18:00:00.000Z', ...checkinInput }, { at: 'nonsense' }], checklists: [], discomforts: [] }),
    );
    const c = createCompanion({ dataDir: d });
    c.start();
    expect(allWarnings(c)).toMatch(/1 record in the history for 2026-11 could not be read/);
    expect(allWarnings(c)).not.toMatch(/Saving works again/);
  });
});
