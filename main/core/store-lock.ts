import { notice } from '../../shared/engine-messages';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { addNotice } from './store-files';

import { ownerAlive, parseOwner, bootId, processStart, sleepMs, type LockOwner } from './store-lock-owner';

export { bootId, ownerAlive, parseOwner, processStart, type LockOwner } from './store-lock-owner';

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
      if (!fs.lstatSync(aside).isDirectory()) {
        // Another process moved the folder first and has since made its lock file, which is
        // what we just moved: put it back (only if nothing took its place) and look again.
        try {
          fs.linkSync(aside, this.file);
        } catch {
          // Someone else's lock is in place now: theirs stands, and the next look will see it.
        }
        fs.rmSync(aside, { force: true });
        return true;
      }
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
