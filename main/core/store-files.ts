import { notice, type EngineNotice } from '../../shared/engine-messages';
import fs from 'node:fs';
import path from 'node:path';
import { TEMP_SUFFIX, describeWriteError } from './store-write';

/** The store's file helpers in one place: reading and writing are in store-read.ts and store-write.ts. */
export * from './store-read';
export * from './store-write';

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
