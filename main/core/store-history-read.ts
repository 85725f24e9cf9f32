/**
 * Reading the history folder: month snapshots (`YYYY-MM.json`), their journals (`YYYY-MM.jsonl`,
 * one record a line) and files an older version wrote for impossible times. Damaged files are
 * set aside or, when they cannot be moved, marked frozen so nothing overwrites them.
 */
import { notice, tell, type Warn } from '../../shared/engine-messages';
import fs from 'node:fs';
import path from 'node:path';
import { emptyHistory, type History } from '../../shared/history';
import { readJsonFile, setAside, describeReadError, parseJsonText, fileStats, MAX_FILE_BYTES } from './store-files';
import { HISTORY_KINDS, HISTORY_SCHEMA_VERSION, acceptRecord, type AnyHistoryRecord, type HistoryKind, type ReadCounts } from './store-history-records';

export const MONTH_FILE = /^(\d{4}-\d{2})\.json$/;
export const MONTH_JOURNAL = /^(\d{4}-\d{2})\.jsonl$/;
/** Files an older version wrote for records with impossible times (`+010000.json`, `-000001.json`). */
export const ODD_FILE = /^[+-]\d{6}(-\d{2})?\.jsonl?$/;

export const monthFile = (dir: string, month: string) => path.join(dir, `${month}.json`);
export const journalFile = (dir: string, month: string) => path.join(dir, `${month}.jsonl`);

/** What the reader needs and what it learns about each month. */
export interface HistoryReadContext {
  dataDir: string;
  dir: string;
  readOnly: boolean;
  warn: Warn;
  /** Months that must not be overwritten, and why. */
  frozen: Map<string, string>;
  /** Months whose snapshot file is on disk. */
  onDisk: Set<string>;
}

/** The folder's file names, sorted; `blocked` says why nothing may be written there, when that is so. */
export function listHistoryFolder(ctx: HistoryReadContext): { names: string[]; blocked: string | null } {
  try {
    return { names: fs.readdirSync(ctx.dir).sort(), blocked: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const dataDirIsFolder = (() => {
      try {
        return fs.statSync(ctx.dataDir).isDirectory();
      } catch {
        return true; // missing: created on the first write
      }
    })();
    if (!dataDirIsFolder) {
      tell(ctx.warn, notice('history.data-folder-is-file', { dataDir: ctx.dataDir }));
      return { names: [], blocked: 'the data folder is a file' };
    }
    if (code === 'ENOTDIR') {
      const aside = setAside(ctx.readOnly, ctx.dir, 'invalid');
      if (aside.includes('left in place')) {
        tell(ctx.warn, notice('history.folder-is-file-kept'));
        return { names: [], blocked: 'a file is where the history folder should be' };
      }
      tell(ctx.warn, notice('history.folder-is-file-moved', { aside }));
      return { names: [], blocked: null };
    }
    if (code !== 'ENOENT') {
      const blocked = describeReadError(error);
      tell(ctx.warn, notice('history.folder-unreadable', { error: blocked }));
      return { names: [], blocked };
    }
    return { names: [], blocked: null };
  }
}

/** A month's snapshot into `partition`: 'rewrite' when it loaded but should be written again (stray bytes, a BOM). */
export function readMonthFile(ctx: HistoryReadContext, month: string, partition: History, counts: ReadCounts): 'ok' | 'rewrite' | 'none' {
  const file = monthFile(ctx.dir, month);
  const read = readJsonFile(file);
  if (read.kind === 'missing') return 'none';
  if (read.kind === 'unreadable') {
    const movable = read.directory || /too large/.test(read.error);
    const aside = movable ? setAside(ctx.readOnly, file, 'invalid') : `${month}.json (left in place)`;
    if (!movable || aside.includes('left in place')) ctx.frozen.set(month, 'its file cannot be read');
    tell(ctx.warn, notice('history.month-unreadable', { month, error: read.error, aside }));
    return 'none';
  }
  if (read.kind === 'unparsable') {
    const aside = setAside(ctx.readOnly, file, 'corrupt');
    if (aside.includes('left in place') && !ctx.readOnly) ctx.frozen.set(month, 'its damaged file could not be moved aside');
    tell(ctx.warn, notice('history.month-unreadable', { month, error: read.error, aside }));
    return 'none';
  }
  const raw = read.value as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    const aside = setAside(ctx.readOnly, file, 'invalid');
    if (aside.includes('left in place') && !ctx.readOnly) ctx.frozen.set(month, 'its damaged file could not be moved aside');
    tell(ctx.warn, notice('history.month-malformed', { month, aside }));
    return 'none';
  }
  ctx.onDisk.add(month);
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > HISTORY_SCHEMA_VERSION) {
    ctx.frozen.set(month, 'that month\u2019s file belongs to a newer version of Movesnack');
    tell(ctx.warn, notice('history.month-newer', { month }));
  }
  for (const kind of HISTORY_KINDS) {
    if (raw[kind] !== undefined && !Array.isArray(raw[kind])) counts.dropped++;
    const list = Array.isArray(raw[kind]) ? (raw[kind] as unknown[]) : [];
    for (const item of list) {
      const record = acceptRecord(kind, item, counts);
      if (record) (partition[kind] as unknown[]).push(record);
    }
  }
  if (read.trailing) {
    const aside = setAside(ctx.readOnly, file, 'corrupt', { copy: true });
    tell(ctx.warn, notice('history.month-stray-bytes', { month, bytes: read.trailing, aside }));
    return 'rewrite';
  }
  return read.bom ? 'rewrite' : 'ok';
}

/** Journal records for a month: every complete line that parses; a torn last line (a write cut off) is ignored. */
export function readJournal(ctx: HistoryReadContext, month: string, counts: ReadCounts): [HistoryKind, AnyHistoryRecord][] {
  const file = journalFile(ctx.dir, month);
  let text: string;
  try {
    fileStats.reads++;
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) {
      const aside = setAside(ctx.readOnly, file, 'invalid');
      const error = st.isFile() ? 'the file is far too large' : 'a folder is where the file should be';
      tell(ctx.warn, notice('history.journal-unreadable', { month, error, aside }));
      return [];
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    ctx.frozen.set(month, 'its file cannot be read');
    tell(ctx.warn, notice('history.journal-unreadable-kept', { month, error: describeReadError(error) }));
    return [];
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  const out: [HistoryKind, AnyHistoryRecord][] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const torn = i === lines.length - 1; // no newline after it: the write was cut off, never acknowledged
    const parsed = parseJsonText(line);
    const entry = parsed.kind === 'ok' ? (parsed.value as { kind?: unknown; record?: unknown }) : null;
    const kind = entry && typeof entry === 'object' ? (entry.kind as HistoryKind) : undefined;
    if (!entry || !kind || !HISTORY_KINDS.includes(kind)) {
      if (!torn) counts.dropped++;
      return;
    }
    const record = acceptRecord(kind, entry.record, counts);
    if (record) out.push([kind, record]);
  });
  return out;
}

/**
 * One month, snapshot and journal together (a record in both, from a crash between folding the
 * journal in and removing it, counted once). `journal` is the journal's record count, or
 * undefined when there is no journal file.
 */
export function readMonth(ctx: HistoryReadContext, month: string): { partition: History; journal: number | undefined; rewrite: boolean } {
  const counts = { dropped: 0, repaired: 0 };
  const partition = emptyHistory();
  const state = readMonthFile(ctx, month, partition, counts);
  const records = readJournal(ctx, month, counts);
  let journal: number | undefined;
  if (records.length > 0) {
    const seen = new Set<string>();
    for (const kind of HISTORY_KINDS) for (const r of partition[kind]) seen.add(`${kind}\u0000${JSON.stringify(r)}`);
    for (const [kind, record] of records) {
      const key = `${kind}\u0000${JSON.stringify(record)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (partition[kind] as unknown[]).push(record);
    }
    journal = records.length;
  } else if (fs.existsSync(journalFile(ctx.dir, month))) {
    journal = 0;
  }
  const frozen = ctx.frozen.has(month);
  if (counts.dropped > 0 && !frozen && state !== 'none') {
    const aside = setAside(ctx.readOnly, monthFile(ctx.dir, month), 'invalid', { copy: true });
    tell(ctx.warn, notice('history.records-dropped-kept', { count: counts.dropped, month, aside }));
  } else if (counts.dropped > 0 && !frozen) {
    tell(ctx.warn, notice('history.journal-records-dropped', { count: counts.dropped, month }));
  }
  if (counts.repaired > 0) {
    tell(ctx.warn, notice('history.discomfort-repaired', { count: counts.repaired, month }));
  }
  const rewrite = !frozen && (counts.dropped > 0 || counts.repaired > 0 || state === 'rewrite');
  return { partition, journal, rewrite };
}

/** `+010000.json` and the like: the usable records to re-file; the file is set aside. */
export function readOddFile(ctx: HistoryReadContext, name: string): [HistoryKind, AnyHistoryRecord][] {
  const file = path.join(ctx.dir, name);
  const counts = { dropped: 0, repaired: 0 };
  const read = readJsonFile(file);
  const out: [HistoryKind, AnyHistoryRecord][] = [];
  if (read.kind === 'ok' && read.value && typeof read.value === 'object') {
    const raw = read.value as Record<string, unknown>;
    for (const kind of HISTORY_KINDS) {
      for (const item of Array.isArray(raw[kind]) ? (raw[kind] as unknown[]) : []) {
        const record = acceptRecord(kind, item, counts);
        if (record) out.push([kind, record]);
      }
    }
  }
  const aside = setAside(ctx.readOnly, file, 'invalid');
  tell(ctx.warn, notice('history.out-of-range', { name, count: counts.dropped, kept: out.length, aside }));
  return out;
}
