/**
 * Issue 16, crash consistency: a child process writes records through createCompanion's dispatch
 * and prints an acknowledgement after each dispatch returned; it is killed with SIGKILL at a
 * random moment. The next run must find every acknowledged record, never a duplicate, and no
 * temporary file left behind. CRASH_CYCLES sets the number of cycles (in CI 30, the nightly script 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createCompanion } from '../../main/core';
import { tempDir, listFiles } from './harness';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 30);
const dir = tempDir();
const bundleDir = tempDir();
/** The worker bundled into one plain JavaScript file, so each of the many children starts fast. */
const WORKER = path.join(bundleDir, 'store-worker.mjs');
beforeAll(() => {
  buildSync({
    entryPoints: [path.join(__dirname, 'workers', 'store-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: WORKER,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

/** Runs one writer, kills it after `killAfterMs` of writing; returns what it acknowledged. */
function cycle(name: string, killAfterMs: number): Promise<{ checkins: string[]; discomforts: number; error?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, name], { stdio: ['pipe', 'pipe', 'inherit'] });
    const acked = { checkins: [] as string[], discomforts: 0, error: undefined as string | undefined };
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line) as { hello?: string; ready?: boolean; ack?: number; kind?: string; error?: string };
      if (msg.hello) child.stdin.write(`${JSON.stringify({ op: 'write', dir })}\n`);
      else if (msg.ready) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      else if (msg.error) {
        acked.error = msg.error;
        child.kill('SIGKILL');
      } else if (msg.ack !== undefined) {
        if (msg.kind === 'checkins') acked.checkins.push(`${name}-${msg.ack}`);
        else acked.discomforts++;
      }
    });
    child.on('exit', () => setTimeout(() => resolve(acked), 5)); // let the last lines drain
  });
}

describe('crash consistency', () => {
  it(`${CYCLES} kill -9 cycles mid-write lose no acknowledged record`, async () => {
    const expected = new Set<string>();
    let discomforts = 0;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < CYCLES; i++) {
      const acked = await cycle(`c${i}`, Math.floor(random() * 120));
      expect(acked.error, `cycle ${i}`).toBeUndefined();
      for (const note of acked.checkins) expected.add(note);
      discomforts += acked.discomforts;
      const data = createCompanion({ dataDir: dir, readOnly: true }).exportData();
      const notes = data.checkins.map((c) => c.note);
      const missing = [...expected].filter((n) => !notes.includes(n));
      expect(missing, `cycle ${i}: acknowledged check-ins missing`).toEqual([]);
      expect(new Set(notes).size, `cycle ${i}: duplicates`).toBe(notes.length);
      expect(data.discomforts!.length, `cycle ${i}`).toBeGreaterThanOrEqual(discomforts);
    }
    // A normal start cleans up after the killed writes: no temporary files, journals folded in.
    const c = createCompanion({ dataDir: dir });
    c.start();
    await c.stop();
    expect(listFiles(dir).filter((f) => /\.tmp/.test(f))).toEqual([]);
    expect(listFiles(path.join(dir, 'history')).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
    expect(createCompanion({ dataDir: dir, readOnly: true }).exportData().checkins.length).toBeGreaterThanOrEqual(expected.size);
  }, Math.max(120_000, CYCLES * 3000));
});
