/** Reading store files: whole JSON files, size-capped, with the reads counted. */
import fs from 'node:fs';

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
