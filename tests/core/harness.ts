import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';

export const MIN = 60_000;

/**
 * A person at the desk: typing (idle 0) or gone since a moment. Like the OS idle counter, idle
 * time grows with the monotonic clock, so a change of the wall clock does not move it.
 */
export class FakeUser {
  private leftAt: number | null = null;
  idleSeconds = (): number => (this.leftAt === null ? 0 : Math.max(0, (performance.now() - this.leftAt) / 1000));
  /** `at` is a wall-clock time, converted to the monotonic clock. */
  leave(at = Date.now()): void {
    this.leftAt = performance.now() - (Date.now() - at);
  }
  returns(): void {
    this.leftAt = null;
  }
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-test-'));
}

export interface Rig {
  dir: string;
  user: FakeUser;
  companion: Companion;
  restart(): Promise<Companion>;
  advance(ms: number): void;
  states: string[];
}

/** A safety check answered with no warning signs: guided routines may run (DESIGN.md "Safety gate"). */
export const CLEAR_SCREEN = { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null };

/**
 * Fake timers at a fixed Monday morning, a temp data folder, and a started companion. The
 * user has answered the safety check with no warning signs unless `screened: false`.
 */
export function rig(options: { now?: string; dir?: string; start?: boolean; screened?: boolean } = {}): Rig {
  vi.useFakeTimers({ now: new Date(options.now ?? '2026-11-23T09:00:00.000Z') });
  const dir = options.dir ?? tempDir();
  const user = new FakeUser();
  const states: string[] = [];
  const make = () => {
    const c = createCompanion({ dataDir: dir, idleSeconds: user.idleSeconds });
    c.subscribe((s) => states.push(s.phase));
    return c;
  };
  const r: Rig = {
    dir,
    user,
    companion: make(),
    states,
    async restart() {
      await r.companion.stop();
      r.companion = make();
      r.companion.start();
      return r.companion;
    },
    advance(ms: number) {
      vi.advanceTimersByTime(ms);
    },
  };
  if (options.screened !== false && !options.dir) {
    r.companion.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
  }
  if (options.start !== false) r.companion.start();
  return r;
}

export const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listFiles(dir)) out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

/**
 * Writes under `prefix` fail with `code` (a full disk, a read-only folder): whole-file writes and
 * files opened for writing (the store writes through a descriptor: open, write, fdatasync).
 */
export function failWritesUnder(prefix: string, code = 'ENOSPC'): { mockRestore(): void } {
  const fail = () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
  const realWrite = fs.writeFileSync;
  const realOpen = fs.openSync;
  const writes = vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
    if (String(args[0]).startsWith(prefix)) fail();
    return realWrite(...args);
  });
  const opens = vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
    if (String(args[0]).startsWith(prefix) && /[wa+]/.test(String(args[1] ?? 'r'))) fail();
    return realOpen(...args);
  });
  return {
    mockRestore() {
      writes.mockRestore();
      opens.mockRestore();
    },
  };
}
