/**
 * Lock identity: who holds a data folder's lock (pid, boot, process start time) and whether
 * that owner is still alive. Pure reads of /proc and process state; no lock files here.
 */
import fs from 'node:fs';

/** Who holds (or held) a lock: enough to tell a live Movesnack from a pid the OS gave to another process. */
export interface LockOwner {
  pid: number;
  /** Process start time in clock ticks since boot (/proc/PID/stat field 22), where the OS tells it. */
  start?: number;
  /** /proc/sys/kernel/random/boot_id, where the OS tells it: a lock from before a reboot is stale. */
  boot?: string;
  /** Unique per lock taken, so a takeover can claim exactly the lock it judged stale. */
  nonce: string;
  since: string;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
export const sleepMs = (ms: number) => Atomics.wait(sleepCell, 0, 0, ms);

let bootIdCache: string | undefined | null = null;
export function bootId(): string | undefined {
  if (bootIdCache === null) {
    try {
      bootIdCache = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
    } catch {
      bootIdCache = undefined;
    }
  }
  return bootIdCache;
}

/** Start time of a process in clock ticks since boot, or undefined where /proc does not tell. */
export function processStart(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]); // field 22 overall; fields[0] is field 3
    return Number.isFinite(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

const procAvailable = () => processStart(process.pid) !== undefined;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Parses a lock file's text; null when it does not name a usable process ({"pid":0}, "1", -1 …). */
export function parseOwner(text: string): LockOwner | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  // kill(0) and kill(-1) signal process groups, and a pid in a string is not what we write.
  if (typeof r.pid !== 'number' || !Number.isSafeInteger(r.pid) || r.pid <= 0) return null;
  return {
    pid: r.pid,
    start: typeof r.start === 'number' ? r.start : undefined,
    boot: typeof r.boot === 'string' ? r.boot : undefined,
    nonce: typeof r.nonce === 'string' ? r.nonce : `legacy:${text}`,
    since: typeof r.since === 'string' ? r.since : '',
  };
}

/**
 * True when the process that wrote this lock is still running. Where /proc exists (Linux) the
 * boot id and the process start time must match, so a pid reused after a crash or a reboot does
 * not hold the folder. A lock from an older Movesnack (pid only) counts when that pid is a
 * running Node or Electron program other than init. Elsewhere the pid alone decides.
 */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return owner.start === undefined || owner.start === processStart(process.pid);
  if (!pidAlive(owner.pid)) return false;
  if (!procAvailable()) return true;
  const here = bootId();
  if (owner.boot !== undefined && here !== undefined && owner.boot !== here) return false;
  if (owner.start !== undefined) return processStart(owner.pid) === owner.start;
  if (owner.pid === 1) return false;
  try {
    const cmd = fs.readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8').toLowerCase();
    return /node|electron|movesnack/.test(cmd);
  } catch {
    return false;
  }
}
