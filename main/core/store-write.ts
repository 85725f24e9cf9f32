/**
 * Safe writes of store files: atomic replace through a temporary file, durable appends, and
 * retries of a failed write once another write in the same folder succeeds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileStats } from './store-read';

/** fsync a folder so a rename in it survives a power cut. Not possible on every platform (Windows): then skipped. */
export function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fileStats.syncs++;
  } catch {
    // Folders cannot be opened or synced on some platforms; the file itself was synced.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file behind. */
export function writeJsonFileAtomic(file: string, value: unknown): void {
  writeJsonTextAtomic(file, JSON.stringify(value));
}

export const TEMP_SUFFIX = '.tmp';
let tempCounter = 0;

/**
 * The write counts as done only when it survives a power cut: the temporary file is written and
 * fsynced, renamed over the target (a link in the target's place is replaced, never followed),
 * and the folder is fsynced so the rename itself is durable.
 */
export function writeJsonTextAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${++tempCounter}${TEMP_SUFFIX}`);
  try {
    try {
      fs.writeFileSync(tmp, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(tmp, text);
    }
    syncFile(tmp);
    fs.renameSync(tmp, file);
    syncDir(dir);
    fileStats.writes++;
  } catch (error) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // The temporary file is harmless (and removed at the next start); the original error matters.
    }
    throw error;
  }
}

/** fsync a file's content (through its own descriptor: the data written by path is the same inode). */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
    fileStats.syncs++;
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends one line and fsyncs it before returning. */
export function appendLineDurable(file: string, line: string, newFile = false): void {
  let created = newFile;
  try {
    fs.writeFileSync(file, line, { flag: 'a' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, line, { flag: 'a' });
    created = true;
  }
  syncFile(file);
  fileStats.writes++;
  if (created) syncDir(path.dirname(file));
}

export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'the data folder is read-only';
    case 'ENOENT':
      return 'the data folder has disappeared';
    case 'ENOTDIR':
      return 'a file is where a folder should be';
    case 'EISDIR':
      return 'a folder is where a file should be';
    default:
      return (error as Error)?.message ?? String(error);
  }
}

/**
 * Stores whose last write failed register a retry here; any store that writes successfully in
 * the same folder (the runtime heartbeat, a history append) runs them, so a settings change made
 * while the disk was full is saved once it has room, without waiting for the next change.
 */
const retries = new Map<string, Map<string, () => boolean>>();
export function needRetry(dataDir: string, key: string, fn: () => boolean): void {
  const k = path.resolve(dataDir);
  if (!retries.has(k)) retries.set(k, new Map());
  retries.get(k)!.set(key, fn);
}
export function retryDone(dataDir: string, key: string): void {
  retries.get(path.resolve(dataDir))?.delete(key);
}
let retrying = false;
export function retryPendingWrites(dataDir: string): void {
  const pending = retries.get(path.resolve(dataDir));
  if (!pending || pending.size === 0 || retrying) return;
  retrying = true;
  try {
    for (const [key, fn] of [...pending]) {
      let ok = false;
      try {
        ok = fn();
      } catch {
        ok = false;
      }
      if (ok) pending.delete(key);
    }
  } finally {
    retrying = false;
  }
}
