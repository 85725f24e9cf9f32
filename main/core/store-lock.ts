import { notice } from '../../shared/engine-messages';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { addNotice } from './store-files';

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
const sleepMs = (ms: number) => Atomics.wait(sleepCell, 0, 0, ms);

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

const heldLocks = new Map<string, DataLock>();

/**
 * One writer per data folder across processes. `movesnack.lock.json` names the writer: its pid,
 * its start time and the boot id (where the OS tells them), and a nonce.
 *
 * - Taking a free lock is atomic: the complete file is written under a temporary name, then
 *   hard-linked to `movesnack.lock.json`, which fails if the name exists. Nobody ever sees a
 *   half-written lock. (Where hard links are not supported, an exclusive create is used.)
 * - Taking over a stale lock is atomic too: the taker first creates `movesnack.lock.claim-NONCE`
 *   exclusively, NONCE being the stale lock's; only one process can, and only it replaces the
 *   lock (by rename, after checking the lock is still the one it judged). A claimer that died
 *   is itself taken over the same way.
 * - Stale means: no such process, another process with that pid (start time differs), or a
 *   lock from before a reboot (boot id differs); and a lock file that names no valid process.
 */
export class DataLock {
  readonly file: string;
  private readonly dir: string;
  private held = false;
  private me: LockOwner | null = null;

  constructor(dataDir: string) {
    this.dir = dataDir;
    this.file = path.join(dataDir, 'movesnack.lock.json');
  }

  /** The lock held for a folder in this process, if any (so a folder written back after deletion re-takes it). */
  static heldFor(dataDir: string): DataLock | undefined {
    return heldLocks.get(path.resolve(dataDir));
  }

  private identity(): LockOwner {
    return {
      pid: process.pid,
      start: processStart(process.pid),
      boot: bootId(),
      nonce: randomBytes(12).toString('hex'),
      since: new Date().toISOString(),
    };
  }

  /** Writes our identity to a fresh temporary file and returns its name. */
  private writeTemp(owner: LockOwner): string {
    const tmp = path.join(this.dir, `.movesnack.lock.${process.pid}.${owner.nonce}.tmp`);
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, JSON.stringify(owner));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return tmp;
  }

  /** Creates `target` holding `owner`, only if it does not exist. */
  private createExclusive(target: string, owner: LockOwner): void {
    const tmp = this.writeTemp(owner);
    try {
      fs.linkSync(tmp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP')) throw error;
      // No hard links on this file system: an exclusive create, then the content.
      fs.writeFileSync(target, JSON.stringify(owner), { flag: 'wx' });
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  private readText(file: string): { text: string; ageMs: number } | 'missing' | 'directory' {
    try {
      const st = fs.lstatSync(file);
      if (st.isDirectory()) return 'directory';
      return { text: fs.readFileSync(file, 'utf8'), ageMs: Date.now() - st.mtimeMs };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return 'missing';
      if (code === 'EISDIR') return 'directory';
      throw error;
    }
  }

  private take(): null {
    this.held = true;
    heldLocks.set(path.resolve(this.dir), this);
    return null;
  }

  /** Returns null when we hold the lock (or the folder cannot be locked at all), or the pid of the live process that does. */
  acquire(): number | null {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
    } catch {
      return null; // the stores report what they cannot read or write
    }
    this.me = this.identity();
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        this.createExclusive(this.file, this.me);
        return this.take();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue; // our temporary file vanished under us: try again
        if (code !== 'EEXIST') return null; // read-only disk: go on, writes will report
      }
      let seen: ReturnType<DataLock['readText']>;
      try {
        seen = this.readText(this.file);
      } catch {
        return null; // an unreadable lock: we cannot coordinate; the stores report what fails
      }
      if (seen === 'missing') continue;
      if (seen === 'directory') {
        if (!this.moveAsideDirectory()) return null;
        continue;
      }
      const owner = parseOwner(seen.text);
      if (owner && owner.nonce === this.me.nonce) return this.take();
      if (owner && owner.pid === process.pid && (owner.start === undefined || owner.start === this.me.start)) {
        // Another companion in this same process (tests, a reopened folder): one process, one writer.
        this.me = owner;
        return this.take();
      }
      if (owner && ownerAlive(owner)) return owner.pid;
      // A lock written without hard links may be seen empty for a moment: give its writer time.
      if (!owner && seen.ageMs < 2000 && seen.text.trim() === '') {
        sleepMs(5);
        continue;
      }
      const result = this.takeOver(owner?.nonce ?? `text:${seen.text}`, seen.text);
      if (result === 'taken') return this.take();
      if (result === 'error') return null;
      sleepMs(1 + (attempt % 5));
    }
    // Another live process kept claiming the stale lock all this time: let it be the writer.
    return this.blocker;
  }

  /** The live process that held a claim on a stale lock while we waited, if any. */
  private blocker: number | null = null;

  /** One claim file per stale lock: only its creator may replace that lock. */
  private takeOver(staleNonce: string, staleText: string): 'taken' | 'lost' | 'error' {
    const claim = (nonce: string) =>
      path.join(this.dir, `movesnack.lock.claim-${nonce.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'x'}`);
    let target = claim(staleNonce);
    for (let depth = 0; depth < 8; depth++) {
      const mine = { ...this.me!, nonce: randomBytes(12).toString('hex') };
      try {
        this.createExclusive(target, mine);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return 'error';
        let seen: ReturnType<DataLock['readText']>;
        try {
          seen = this.readText(target);
        } catch {
          return 'error';
        }
        if (seen === 'missing') return 'lost';
        if (seen === 'directory') return 'error';
        const claimer = parseOwner(seen.text);
        if (claimer && ownerAlive(claimer)) {
          this.blocker = claimer.pid;
          return 'lost'; // someone else is taking over: look again
        }
        if (!claimer && seen.ageMs < 2000) return 'lost';
        target = claim(claimer?.nonce ?? `text:${seen.text}`); // the claimer died: claim its claim
        continue;
      }
      // We hold the claim. Replace the lock only if it is still the one judged stale.
      let now: ReturnType<DataLock['readText']>;
      try {
        now = this.readText(this.file);
      } catch {
        now = 'missing';
      }
      if (now === 'missing' || now === 'directory' || now.text !== staleText) {
        fs.rmSync(target, { force: true });
        return 'lost';
      }
      try {
        const tmp = this.writeTemp(this.me!);
        fs.renameSync(tmp, this.file);
      } catch {
        return 'error';
      }
      // Claims are removed once the lock names us: a late claimer then sees the lock changed.
      this.removeClaims();
      return 'taken';
    }
    return 'lost';
  }

  private removeClaims(): void {
    try {
      for (const name of fs.readdirSync(this.dir)) {
        if (name.startsWith('movesnack.lock.claim-')) fs.rmSync(path.join(this.dir, name), { force: true });
      }
    } catch {
      // Left-over claims are harmless: each names a lock that is gone.
    }
  }

  private moveAsideDirectory(): boolean {
    const aside = path.join(this.dir, `movesnack.lock.invalid-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
    try {
      fs.renameSync(this.file, aside);
      addNotice(this.dir, notice('lock.folder-moved', { aside: path.basename(aside) }));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
      addNotice(this.dir, notice('lock.folder-stuck'));
      return false;
    }
  }

  /** True while this process holds the lock. */
  get holds(): boolean {
    return this.held;
  }

  /**
   * After the data folder was deleted and written back: takes the lock again. Returns false when
   * another process took it meanwhile.
   */
  retake(): boolean {
    if (!this.held || !this.me) return false;
    const seen = (() => {
      try {
        return this.readText(this.file);
      } catch {
        return 'missing' as const;
      }
    })();
    if (seen !== 'missing' && seen !== 'directory' && parseOwner(seen.text)?.nonce === this.me.nonce) return true;
    if (seen !== 'missing') return false;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      this.createExclusive(this.file, this.me);
      return true;
    } catch {
      return false;
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    heldLocks.delete(path.resolve(this.dir));
    try {
      const owner = parseOwner(fs.readFileSync(this.file, 'utf8'));
      if (owner && owner.nonce === this.me?.nonce) fs.rmSync(this.file, { force: true });
    } catch {
      // Already gone.
    }
  }
}
