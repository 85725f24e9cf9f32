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
export function writeJsonFileAtomic(file: string, value: unknown, options: AtomicWriteOptions = {}): void {
  writeJsonTextAtomic(file, JSON.stringify(value), options);
}

export const TEMP_SUFFIX = '.tmp';
let tempCounter = 0;

export interface AtomicWriteOptions {
  /**
   * false: the folder is not fsynced after the rename. Only for a file that already exists and
   * whose newer copy may be lost in a power cut without harm (the runtime heartbeat): the rename
   * is atomic, so the file is then the old copy or the new one, never half of either.
   */
  durableRename?: boolean;
}

/** Opens `file` with `flags`, writes all of `text`, and fdatasyncs it: one open, one write, one sync. */
function writeAndSync(file: string, flags: string, text: string): void {
  const fd = fs.openSync(file, flags);
  try {
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    // fdatasync flushes the data and what reading it back needs (the file's size, on Linux and
    // macOS alike); the timestamps it skips are not ours to keep.
    fs.fdatasyncSync(fd);
    fileStats.syncs++;
  } finally {
    fs.closeSync(fd);
  }
}

/** writeAndSync, creating the folder when it is missing. Returns true when the folder had to be made. */
function writeAndSyncMakingDir(file: string, flags: string, text: string): boolean {
  try {
    writeAndSync(file, flags, text);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeAndSync(file, flags, text);
    return true;
  }
}

/**
 * The write counts as done only when it survives a power cut: the temporary file is written and
 * fdatasynced, renamed over the target (a link in the target's place is replaced, never followed),
 * and the folder is fsynced so the rename itself is durable.
 */
export function writeJsonTextAtomic(file: string, text: string, options: AtomicWriteOptions = {}): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${++tempCounter}${TEMP_SUFFIX}`);
  try {
    const madeDir = writeAndSyncMakingDir(tmp, 'w', text);
    fs.renameSync(tmp, file);
    if (options.durableRename !== false || madeDir) syncDir(dir);
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

/**
 * Appends one line durably: one open, one write, one fdatasync. The folder is fsynced only when
 * the file is new (`newFile`, or it had to be created here), so its name survives a power cut too.
 */
export function appendLineDurable(file: string, line: string, newFile = false): void {
  const madeDir = writeAndSyncMakingDir(file, 'a', line);
  fileStats.writes++;
  if (newFile || madeDir) syncDir(path.dirname(file));
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
