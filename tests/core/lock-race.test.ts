/**
 * Issue 16, items 1 and 2: the data-folder lock, with real second processes.
 * Two worker processes (tests/core/workers/store-worker.ts, each a full engine) open the same
 * folder in the same millisecond, over every kind of lock a crash or a hostile file can leave
 * (in CI 110 trials, ten of each kind; LOCK_TRIALS sets the number, the nightly script 2000):
 * exactly one may become the writer, and its record must be on disk afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createCompanion } from '../../main/core';
import { DataLock, processStart } from '../../main/core/store-lock';
import { tempDir } from './harness';

const WORKER = path.join(__dirname, 'workers', 'store-worker.ts');
const TRIALS = Number(process.env.LOCK_TRIALS ?? 110);

interface Worker {
  child: ChildProcess;
  send(cmd: object): void;
  next(): Promise<Record<string, unknown>>;
}

function startWorker(name: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, name], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  return {
    child,
    send: (cmd) => child.stdin!.write(`${JSON.stringify(cmd)}\n`),
    next: () =>
      new Promise((resolve) => {
        const line = lines.shift();
        if (line !== undefined) resolve(JSON.parse(line));
        else waiting.push((l) => resolve(JSON.parse(l)));
      }),
  };
}

const dirs: string[] = [];
let a: Worker;
let b: Worker;
let sleeper: ChildProcess;

beforeAll(async () => {
  a = startWorker('a');
  b = startWorker('b');
  sleeper = spawn('sleep', ['120']);
  await Promise.all([a.next(), b.next()]);
}, 30_000);

afterAll(() => {
  for (const c of [a?.child, b?.child, sleeper]) c?.kill();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Every kind of lock file found on disks after crashes, reboots and hostile edits. */
const staleLocks: [string, () => string | 'dir' | null][] = [
  ['no lock at all', () => null],
  ['a lock of a process that is gone', () => JSON.stringify({ pid: 2 ** 22 + 4321 })],
  ['{"pid":1} (init)', () => '{"pid":1}'],
  ['{"pid":0}', () => '{"pid":0}'],
  ['{"pid":-1}', () => '{"pid":-1}'],
  ['{"pid":"1"}', () => '{"pid":"1"}'],
  ['a pid now used by an unrelated sleep process', () => JSON.stringify({ pid: sleeper.pid })],
  ['a reused pid (the start time differs)', () => JSON.stringify({ pid: sleeper.pid, start: 1, nonce: 'reused', since: '' })],
  ['a lock from before a reboot (boot id differs)', () => JSON.stringify({ pid: sleeper.pid, start: processStart(sleeper.pid!), boot: 'another-boot', nonce: 'reboot', since: '' })],
  ['an empty lock file left by a crash', () => ''],
  ['a lock that is a directory', () => 'dir'],
];

describe('the data-folder lock between processes', () => {
  it(`${TRIALS} trials of two processes starting together: exactly one writer, and its record survives`, async () => {
    const counts = new Map<string, number>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const [label, make] = staleLocks[trial % staleLocks.length]!;
      const dir = tempDir();
      dirs.push(dir);
      const lock = make();
      const lockFile = path.join(dir, 'movesnack.lock.json');
      if (lock === 'dir') fs.mkdirSync(lockFile);
      else if (lock !== null) {
        fs.writeFileSync(lockFile, lock);
        if (lock === '') fs.utimesSync(lockFile, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      }
      const at = Date.now() + 40;
      a.send({ op: 'open', id: trial, dir, at });
      b.send({ op: 'open', id: trial, dir, at });
      const [ra, rb] = await Promise.all([a.next(), b.next()]);
      const writers = [ra, rb].filter((r) => r.writer === true).length;
      expect(writers, `trial ${trial} (${label}): ${JSON.stringify([ra, rb])}`).toBe(1);
      a.send({ op: 'finish', id: trial });
      b.send({ op: 'finish', id: trial });
      await Promise.all([a.next(), b.next()]);
      const winner = ra.writer ? 'a' : 'b';
      const notes = createCompanion({ dataDir: dir, readOnly: true })
        .exportData()
        .checkins.map((c) => c.note);
      expect(notes, `trial ${trial} (${label})`).toEqual([`${winner}-${trial}`]);
      expect(fs.readdirSync(dir).filter((f) => f.includes('lock')), `trial ${trial} (${label})`).toEqual(
        lock === 'dir' ? [expect.stringMatching(/^movesnack\.lock\.invalid-/)] : [],
      );
      counts.set(label, (counts.get(label) ?? 0) + 1);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(counts.size).toBe(Math.min(TRIALS, staleLocks.length));
  }, Math.max(60_000, TRIALS * 500));

  it('a live Movesnack in another process keeps the folder, however the pid looks', async () => {
    const dir = tempDir();
    dirs.push(dir);
    a.send({ op: 'open', id: -1, dir, at: 0 });
    expect(await a.next()).toMatchObject({ writer: true });
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'movesnack.lock.json'), 'utf8'));
    expect(lock).toMatchObject({ pid: a.child.pid, start: processStart(a.child.pid!), nonce: expect.any(String) });
    const second = createCompanion({ dataDir: dir });
    expect(second.getState().warnings.join('\n')).toMatch(new RegExp(`Another Movesnack \\(process ${a.child.pid}\\)`));
    a.send({ op: 'finish', id: -1 });
    await a.next();
    // Released on stop: the next start writes.
    const third = createCompanion({ dataDir: dir });
    expect(third.getState().warnings).toEqual([]);
    await third.stop();
  }, 20_000);
});

describe('the lock in one process', () => {
  const stale = JSON.stringify({ pid: 2 ** 22 + 777, nonce: 'stale0001', since: '' });

  it('takes over a stale lock whose claimer died mid-takeover', async () => {
    const dir = tempDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'movesnack.lock.json'), stale);
    fs.writeFileSync(path.join(dir, 'movesnack.lock.claim-stale0001'), JSON.stringify({ pid: 2 ** 22 + 778, nonce: 'claim0002', since: '' }));
    const c = createCompanion({ dataDir: dir });
    expect(c.getState().warnings).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'movesnack.lock.json'), 'utf8')).pid).toBe(process.pid);
    expect(fs.readdirSync(dir).filter((f) => f.includes('claim'))).toEqual([]);
    await c.stop();
  });

  it('never writes beside a live process that holds the claim on a stale lock', async () => {
    const dir = tempDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'movesnack.lock.json'), stale);
    const claimer = { pid: sleeper.pid, start: processStart(sleeper.pid!), nonce: 'claim0003', since: '' };
    fs.writeFileSync(path.join(dir, 'movesnack.lock.claim-stale0001'), JSON.stringify(claimer));
    const c = createCompanion({ dataDir: dir });
    expect(c.getState().warnings.join('\n')).toMatch(new RegExp(`Another Movesnack \\(process ${sleeper.pid}\\)`));
    await c.stop();
    expect(fs.readFileSync(path.join(dir, 'movesnack.lock.json'), 'utf8')).toBe(stale);
  });

  it('re-takes the lock when the data folder is written back after being deleted', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const c = createCompanion({ dataDir: dir });
    c.start();
    c.dispatch({ type: 'checkin/save', checkin: { painLow: 1, painHigh: 2, stiffnessMin: 0, walkingMin: 0, confidence: 5, note: 'before' } });
    fs.rmSync(dir, { recursive: true, force: true });
    c.dispatch({ type: 'checkin/save', checkin: { painLow: 1, painHigh: 2, stiffnessMin: 0, walkingMin: 0, confidence: 5, note: 'after' } });
    expect(c.getState().warnings.join('\n')).toMatch(/removed while it was running/);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'movesnack.lock.json'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    expect(DataLock.heldFor(dir)?.holds).toBe(true);
    await c.stop();
    expect(fs.existsSync(path.join(dir, 'movesnack.lock.json'))).toBe(false);
    expect(createCompanion({ dataDir: dir, readOnly: true }).exportData().checkins.map((x) => x.note)).toEqual(['before', 'after']);
  });
});
