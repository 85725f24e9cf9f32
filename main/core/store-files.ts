import fs from 'node:fs';
import path from 'node:path';

/** Counts file reads so the benchmark can prove the engine reads nothing during the day. */
export const fileStats = { reads: 0, writes: 0 };

export type ReadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; value: unknown; text: string }
  | { kind: 'unparsable'; text: string; error: string };

export function readJsonFile(file: string): ReadResult {
  let text: string;
  try {
    fileStats.reads++;
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (text.trim() === '') return { kind: 'unparsable', text, error: 'the file is empty' };
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown, text };
  } catch (error) {
    return { kind: 'unparsable', text, error: (error as Error).message };
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file behind. */
export function writeJsonFileAtomic(file: string, value: unknown): void {
  writeJsonTextAtomic(file, JSON.stringify(value));
}

export function writeJsonTextAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
    fileStats.writes++;
  } catch (error) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // The temporary file is harmless; the original error matters.
    }
    throw error;
  }
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/**
 * Keeps a damaged file for the user: `settings.json` becomes `settings.corrupt-<time>.json`
 * (never overwriting an earlier one). With `copy`, the original stays in place too.
 * Returns the new file's name.
 */
export function keepAside(file: string, reason: 'corrupt' | 'invalid' | 'newer', { copy = false } = {}): string {
  const dir = path.dirname(file);
  const base = path.basename(file, '.json');
  let target = path.join(dir, `${base}.${reason}-${stamp(new Date())}.json`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}.${reason}-${stamp(new Date())}-${n}.json`);
  if (copy) fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
  else fs.renameSync(file, target);
  return path.basename(target);
}

/**
 * `keepAside` for stores that may be opened read-only (the CLI, a second process): then the file
 * stays where it is and the message says so.
 */
export function setAside(
  readOnly: boolean,
  file: string,
  reason: 'corrupt' | 'invalid' | 'newer',
  options: { copy?: boolean } = {},
): string {
  if (readOnly) return `${path.basename(file)} (left in place: opened read-only)`;
  return keepAside(file, reason, options);
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
    default:
      return (error as Error)?.message ?? String(error);
  }
}
