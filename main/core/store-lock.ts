import fs from 'node:fs';
import path from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One writer per data folder across processes: `movesnack.lock.json` holds the writer's pid. The app
 * has Electron's single-instance lock too; this one also covers a second app started with another
 * profile path, and anything else that would write. A lock left by a dead process is taken over.
 */
export class DataLock {
  readonly file: string;
  private held = false;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'movesnack.lock.json');
  }

  /** Returns null when we hold the lock, or the pid of the live process that does. */
  acquire(): number | null {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(this.file, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
        this.held = true;
        return null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null; // cannot lock (read-only disk): go on, writes will report
      }
      let owner = NaN;
      try {
        owner = Number((JSON.parse(fs.readFileSync(this.file, 'utf8')) as { pid?: unknown }).pid);
      } catch {
        // unreadable lock: treat as stale
      }
      if (owner === process.pid) {
        this.held = true;
        return null;
      }
      if (Number.isInteger(owner) && alive(owner)) return owner;
      fs.rmSync(this.file, { force: true });
    }
    return null;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      const owner = Number((JSON.parse(fs.readFileSync(this.file, 'utf8')) as { pid?: unknown }).pid);
      if (owner === process.pid) fs.rmSync(this.file, { force: true });
    } catch {
      // Already gone.
    }
  }
}
