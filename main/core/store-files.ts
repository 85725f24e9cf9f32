import { notice, type EngineNotice } from '../../shared/engine-messages';
import fs from 'node:fs';
import path from 'node:path';

/** Counts file reads so the benchmark can prove the engine reads nothing during the day. */
export const fileStats = { reads: 0, writes: 0, syncs: 0 };

/** Files larger than this are not read: set aside with a warning (a 1 GB "month" would stall or crash start). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; value: unknown; text: string; bom?: boolean; trailing?: number }
  | { kind: 'unparsable'; text: string; error: string }
  /** Exists but cannot be read as a file: no permission, a folder in its place, far too large. */
  | { kind: 'unreadable'; error: string; directory?: boolean };

/**
 * Index just after the first complete JSON value in `text` (skipping leading whitespace), or -1.
 * Used to read a file that has stray bytes after its content (a torn append, a copy tool's padding).
 */
export function endOfFirstJsonValue(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return -1;
    } else if (depth === 0 && /[\s,]/.test(ch!)) return i;
  }
  return depth === 0 && !inString ? text.length : -1;
}

/** Parses JSON, tolerating a byte-order mark in front and stray bytes after the value. */
export function parseJsonText(raw: string): ReadResult {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const text = bom ? raw.slice(1) : raw;
  if (text.trim() === '') return { kind: 'unparsable', text: raw, error: 'the file is empty' };
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown, text, ...(bom ? { bom } : {}) };
  } catch (error) {
    const end = endOfFirstJsonValue(text);
    if (end > 0 && end < text.length) {
      try {
        return { kind: 'ok', value: JSON.parse(text.slice(0, end)) as unknown, text: text.slice(0, end), trailing: text.length - end, ...(bom ? { bom } : {}) };
      } catch {
        // fall through: the value itself is damaged
      }
    }
    return { kind: 'unparsable', text: raw, error: (error as Error).message };
  }
}

export function readJsonFile(file: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let raw: string;
  try {
    fileStats.reads++;
    const st = fs.statSync(file);
    if (st.isDirectory()) return { kind: 'unreadable', error: 'a folder is where the file should be', directory: true };
    if (st.size > maxBytes) return { kind: 'unreadable', error: `the file is far too large (${Math.round(st.size / 1024 / 1024)} MB)` };
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'unreadable', error: 'a folder is where the file should be', directory: true };
    return { kind: 'unreadable', error: describeReadError(error) };
  }
  return parseJsonText(raw);
}

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'Movesnack is not allowed to read it';
  if (code === 'ENOTDIR') return 'a file is where a folder should be';
  if (code === 'EISDIR') return 'a folder is where the file should be';
  return (error as Error)?.message ?? String(error);
}

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

const DATA_TEMP = /^\..+\.(\d+)(-\d+|-link)?\.tmp$/;
const CONF_TEMP = /\.tmp-\d{10}[a-f0-9]{6}$/;
const LOCK_TEMP = /^\.movesnack\.lock\.\d+\.[0-9a-f]+\.tmp$/;

const pidRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Temporary files left by writes that were killed part-way (ours and conf's). Called at start by
 * the process that holds the lock. Files of running processes are kept, and so are young ones
 * whose writer we cannot tell (a lock being taken right now).
 */
export function removeStaleTempFiles(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const data = DATA_TEMP.exec(name);
    const lockTemp = LOCK_TEMP.test(name);
    if (!data && !lockTemp && !CONF_TEMP.test(name)) continue;
    const target = path.join(dir, name);
    try {
      const st = fs.lstatSync(target);
      if (!st.isFile()) continue;
      if (lockTemp || !data) {
        if (Date.now() - st.mtimeMs < 60_000) continue;
      } else {
        const pid = Number(data[1]);
        if (pid === process.pid || pidRunning(pid)) continue;
      }
      fs.rmSync(target, { force: true });
      removed++;
    } catch {
      // Cannot remove it: harmless, tried again next start.
    }
  }
  return removed;
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/**
 * Keeps a damaged file for the user: `settings.json` becomes `settings.corrupt-<time>.json`
 * (never overwriting an earlier one). With `copy`, the original stays in place too.
 * Returns the new file's name.
 */
export function keepAside(file: string, reason: 'corrupt' | 'invalid' | 'newer', { copy = false } = {}): string {
  const dir = path.dirname(file);
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  let target = path.join(dir, `${base}.${reason}-${stamp(new Date())}${ext}`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}.${reason}-${stamp(new Date())}-${n}${ext}`);
  if (copy) fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
  else fs.renameSync(file, target);
  return path.basename(target);
}

/**
 * `keepAside` for stores that may be opened read-only (the CLI, a second process): then the file
 * stays where it is and the message says so. When the folder refuses the move (read-only), the
 * file stays in place too: that is reported, never thrown.
 */
export function setAside(
  readOnly: boolean,
  file: string,
  reason: 'corrupt' | 'invalid' | 'newer',
  options: { copy?: boolean } = {},
): string {
  if (readOnly) return `${path.basename(file)} (left in place: opened read-only)`;
  try {
    return keepAside(file, reason, options);
  } catch (error) {
    return `${path.basename(file)} (left in place: it could not be moved aside, ${describeWriteError(error)})`;
  }
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
 * No write may leave the data folder. A link in place of one of our files or folders would
 * send writes elsewhere (conf follows links), so it is replaced by a real file or folder holding
 * a copy of what the link pointed at. Returns a sentence for the user, or null when there was no link.
 */
/** replaceLink's English text (older callers). */
export function replaceLink(target: string, kind: 'file' | 'folder', dataDir: string): string | null {
  return replaceLinkNotice(target, kind, dataDir)?.text ?? null;
}

export function replaceLinkNotice(target: string, kind: 'file' | 'folder', dataDir: string): EngineNotice | null {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(target);
  } catch {
    return null;
  }
  if (!st.isSymbolicLink()) return null;
  const name = path.relative(dataDir, target) || path.basename(target);
  try {
    if (kind === 'file') {
      let content: Buffer | null = null;
      try {
        if (fs.statSync(target).isFile()) content = fs.readFileSync(target);
      } catch {
        content = null;
      }
      fs.rmSync(target);
      if (content) {
        const tmp = `${target}.${process.pid}-link${TEMP_SUFFIX}`;
        fs.writeFileSync(tmp, content);
        fs.renameSync(tmp, target);
      }
    } else {
      const files: [string, Buffer][] = [];
      try {
        for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
          if (entry.isFile()) files.push([entry.name, fs.readFileSync(path.join(target, entry.name))]);
        }
      } catch {
        // A dangling or unreadable link: an empty folder replaces it.
      }
      fs.rmSync(target);
      fs.mkdirSync(target);
      for (const [n, content] of files) fs.writeFileSync(path.join(target, n), content);
    }
  } catch (error) {
    return notice('link.not-replaced', { name, error: describeWriteError(error) });
  }
  return notice('link.replaced', { name, kind });
}

/** Notices raised before the stores can warn (the lock is taken first); the first store to load passes them on. */
const notices = new Map<string, EngineNotice[]>();
export function addNotice(dataDir: string, message: EngineNotice): void {
  const key = path.resolve(dataDir);
  notices.set(key, [...(notices.get(key) ?? []), message]);
}
export function takeNotices(dataDir: string): EngineNotice[] {
  const key = path.resolve(dataDir);
  const list = notices.get(key) ?? [];
  notices.delete(key);
  return list;
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
