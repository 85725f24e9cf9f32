import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCompanion } from '../../main/core';
import { tempDir, snapshotDir, listFiles } from './harness';

let dir: string;
let other: ChildProcess | null = null;
afterEach(() => {
  other?.kill();
  other = null;
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const checkin = { type: 'checkin/save' as const, checkin: { painLow: 1, painHigh: 2, stiffnessMin: 0, walkingMin: 0, confidence: 5, note: '' } };

describe('one writer per data folder', () => {
  it('a second process finds the folder locked, says so, and writes nothing', async () => {
    dir = tempDir();
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    fs.writeFileSync(path.join(dir, 'movesnack.lock.json'), JSON.stringify({ pid: other.pid }));
    const before = snapshotDir(dir);
    const c = createCompanion({ dataDir: dir });
    c.start();
    c.dispatch(checkin);
    expect(c.getState().warnings[0]).toMatch(new RegExp(`Another Movesnack \\(process ${other.pid}\\)`));
    expect(c.exportData().checkins).toHaveLength(1); // it still works, in memory
    await c.stop();
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('takes over a lock left by a process that is gone, and releases it on stop', async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'movesnack.lock.json'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const c = createCompanion({ dataDir: dir });
    c.start();
    c.dispatch(checkin);
    expect(c.getState().warnings).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'movesnack.lock.json'), 'utf8')).pid).toBe(process.pid);
    await c.stop();
    expect(listFiles(dir)).not.toContain('movesnack.lock.json');
    expect(listFiles(dir)).toContain('settings.json');
  });

  it('readOnly (the CLI) reads everything and changes nothing, even on damaged files', async () => {
    dir = tempDir();
    const writer = createCompanion({ dataDir: dir });
    writer.start();
    writer.dispatch(checkin);
    await writer.stop();
    fs.writeFileSync(path.join(dir, 'runtime.json'), '{ torn');
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ breakIntervalMin: 50 })); // an old, unmigrated file
    const before = snapshotDir(dir);
    const reader = createCompanion({ dataDir: dir, readOnly: true });
    expect(reader.exportData().checkins).toHaveLength(1);
    expect(reader.getState().settings.breakIntervalMin).toBe(50);
    expect(reader.weeklySummary().checkins.count).toBe(1);
    expect(snapshotDir(dir)).toEqual(before);
  });
});
