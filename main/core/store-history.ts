import { notice, tell, type EngineNotice, type Warn } from '../../shared/engine-messages';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  BreakRecordSchema,
  CheckinSchema,
  ChecklistSchema,
  DiscomfortSchema,
  StretchSchema,
  emptyHistory,
  type History,
} from '../../shared/history';
import {
  readJsonFile,
  writeJsonTextAtomic,
  setAside,
  describeWriteError,
  describeReadError,
  appendLineDurable,
  parseJsonText,
  removeStaleTempFiles,
  replaceLinkNotice,
  takeNotices,
  retryPendingWrites,
  fileStats,
  MAX_FILE_BYTES,
} from './store-files';
import { DataLock } from './store-lock';

export const HISTORY_SCHEMA_VERSION = 1;
export type HistoryKind = keyof History;
export const HISTORY_KINDS: HistoryKind[] = ['stretches', 'breaks', 'checkins', 'checklists', 'discomforts'];

export const recordSchemas: { [K in HistoryKind]: z.ZodType<History[K][number]> } = {
  stretches: StretchSchema,
  breaks: BreakRecordSchema,
  checkins: CheckinSchema,
  checklists: ChecklistSchema,
  discomforts: DiscomfortSchema,
};

/** The time a record is filed under (its month partition and its sort order). */
export const recordTime = <K extends HistoryKind>(kind: K, record: History[K][number]): string =>
  kind === 'stretches' ? (record as History['stretches'][number]).start : (record as { at: string }).at;

const monthOf = (iso: string) => iso.slice(0, 7);
const MONTH_FILE = /^(\d{4}-\d{2})\.json$/;
const MONTH_JOURNAL = /^(\d{4}-\d{2})\.jsonl$/;
/** Files an older version wrote for records with impossible times (`+010000.json`, `-000001.json`). */
const ODD_FILE = /^[+-]\d{6}(-\d{2})?\.jsonl?$/;
/** A journal is folded into its month file once it holds this many records. */
export const JOURNAL_COMPACT_AT = 2000;

const byTime =
  (kind: HistoryKind) =>
  (a: History[HistoryKind][number], b: History[HistoryKind][number]): number => {
    const x = recordTime(kind, a);
    const y = recordTime(kind, b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/**
 * Fixes what an older version (or a clock moved while sitting) could store and that would
 * otherwise cost a whole record: a discomfort time just outside its stretch is clamped into it.
 */
function repair(kind: HistoryKind, item: unknown): { item: unknown; repaired: boolean } {
  if (kind !== 'stretches' || !item || typeof item !== 'object') return { item, repaired: false };
  const s = item as { start?: unknown; end?: unknown; discomfortAt?: unknown };
  if (typeof s.start !== 'string' || typeof s.end !== 'string' || typeof s.discomfortAt !== 'string') return { item, repaired: false };
  const start = Date.parse(s.start);
  const end = Date.parse(s.end);
  const at = Date.parse(s.discomfortAt);
  if (![start, end, at].every(Number.isFinite) || end < start || (at >= start && at <= end)) return { item, repaired: false };
  return { item: { ...s, discomfortAt: new Date(Math.min(Math.max(at, start), end)).toISOString() }, repaired: true };
}

/**
 * History partitioned by calendar month (UTC). Each month is a snapshot, `history/YYYY-MM.json`,
 * plus a journal, `history/YYYY-MM.jsonl` (JSON lines, one record each): an append writes and
 * fsyncs one line, so it costs the same however full the month is. Journals are folded into their
 * month (an atomic, fsynced rewrite) at start, at stop and once they hold JOURNAL_COMPACT_AT records.
 * Everything is held in memory after `load()`.
 */
export class HistoryStore {
  readonly dir: string;
  /** All records, each list sorted by its record time. */
  readonly all: History = emptyHistory();
  private readonly months = new Map<string, History>();
  /** Months whose last write failed; retried on the next write and on flush. */
  private readonly unsaved = new Set<string>();
  /** Months that must not be overwritten, and why (a newer version wrote them; they cannot be read). */
  private readonly frozen = new Map<string, string>();
  /** Each month's lists already turned into JSON, so a rewrite re-serialises changed lists only. */
  private readonly serialized = new Map<string, Partial<Record<HistoryKind, string>>>();
  /** Months whose snapshot file is on disk (a journal may be appended to it). */
  private readonly onDisk = new Set<string>();
  /** Records in each month's journal. */
  private readonly journalRecords = new Map<string, number>();
  /** True between a failed write and the next one that succeeds. */
  private failing = false;
  /** Set when history/ itself cannot be read: then nothing is written there (it could overwrite what we cannot see). */
  private blocked: string | null = null;

  /** True once this folder has held our files; its disappearance is then a fault to repair. */
  private hadFolder = false;

  constructor(
    private readonly dataDir: string,
    private readonly warn: Warn,
    /** Called when the data folder vanished while running, after history was written back. */
    private readonly onFolderLost: () => void = () => {},
    /** Read-only (the CLI, a second process): nothing is written or moved. */
    private readonly readOnly = false,
  ) {
    this.dir = path.join(dataDir, 'history');
  }

  load(): void {
    for (const early of takeNotices(this.dataDir)) tell(this.warn, early);
    if (!this.readOnly) {
      const link = replaceLinkNotice(this.dir, 'folder', this.dataDir);
      if (link) tell(this.warn, link);
      // Temporary files of writes that were killed part-way.
      for (const d of [this.dataDir, this.dir, path.join(this.dataDir, 'backups')]) removeStaleTempFiles(d);
    }
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir).sort();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const dataDirIsFolder = (() => {
        try {
          return fs.statSync(this.dataDir).isDirectory();
        } catch {
          return true; // missing: created on the first write
        }
      })();
      if (!dataDirIsFolder) {
        this.blocked = 'the data folder is a file';
        tell(this.warn, notice('history.data-folder-is-file', { dataDir: this.dataDir }));
      } else if (code === 'ENOTDIR') {
        const aside = setAside(this.readOnly, this.dir, 'invalid');
        if (aside.includes('left in place')) {
          this.blocked = 'a file is where the history folder should be';
          tell(this.warn, notice('history.folder-is-file-kept'));
        } else {
          tell(this.warn, notice('history.folder-is-file-moved', { aside }));
        }
      } else if (code !== 'ENOENT') {
        this.blocked = describeReadError(error);
        tell(this.warn, notice('history.folder-unreadable', { error: this.blocked }));
      }
    }
    this.hadFolder = names.some((n) => MONTH_FILE.test(n) || MONTH_JOURNAL.test(n));
    const months = new Set<string>();
    for (const name of names) {
      const m = MONTH_FILE.exec(name) ?? MONTH_JOURNAL.exec(name);
      if (m) months.add(m[1]!);
    }
    for (const month of months) this.loadMonth(month);
    for (const name of names) if (ODD_FILE.test(name)) this.loadOddFile(name);
    for (const kind of HISTORY_KINDS) this.sortKind(kind);
    if (!this.readOnly) {
      for (const month of [...this.unsaved]) this.save(month, () => this.writeMonthFile(month));
      for (const month of [...this.journalRecords.keys()]) this.compact(month);
    }
  }

  /** Validates one record, repairing what can be repaired. */
  private accept(kind: HistoryKind, item: unknown, counts: { dropped: number; repaired: number }): History[HistoryKind][number] | null {
    const fixed = repair(kind, item);
    const parsed = recordSchemas[kind].safeParse(fixed.item);
    if (!parsed.success) {
      counts.dropped++;
      return null;
    }
    if (fixed.repaired) counts.repaired++;
    return parsed.data;
  }

  private readMonthFile(month: string, partition: History, counts: { dropped: number; repaired: number }): 'ok' | 'rewrite' | 'none' {
    const file = path.join(this.dir, `${month}.json`);
    const read = readJsonFile(file);
    if (read.kind === 'missing') return 'none';
    if (read.kind === 'unreadable') {
      const movable = read.directory || /too large/.test(read.error);
      const aside = movable ? setAside(this.readOnly, file, 'invalid') : `${month}.json (left in place)`;
      if (!movable || aside.includes('left in place')) this.frozen.set(month, 'its file cannot be read');
      tell(this.warn, notice('history.month-unreadable', { month, error: read.error, aside }));
      return 'none';
    }
    if (read.kind === 'unparsable') {
      const aside = setAside(this.readOnly, file, 'corrupt');
      if (aside.includes('left in place') && !this.readOnly) this.frozen.set(month, 'its damaged file could not be moved aside');
      tell(this.warn, notice('history.month-unreadable', { month, error: read.error, aside }));
      return 'none';
    }
    const raw = read.value as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      const aside = setAside(this.readOnly, file, 'invalid');
      if (aside.includes('left in place') && !this.readOnly) this.frozen.set(month, 'its damaged file could not be moved aside');
      tell(this.warn, notice('history.month-malformed', { month, aside }));
      return 'none';
    }
    this.onDisk.add(month);
    const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
    if (version > HISTORY_SCHEMA_VERSION) {
      this.frozen.set(month, 'that month\u2019s file belongs to a newer version of Movesnack');
      tell(this.warn, notice('history.month-newer', { month }));
    }
    for (const kind of HISTORY_KINDS) {
      if (raw[kind] !== undefined && !Array.isArray(raw[kind])) counts.dropped++;
      const list = Array.isArray(raw[kind]) ? (raw[kind] as unknown[]) : [];
      for (const item of list) {
        const record = this.accept(kind, item, counts);
        if (record) (partition[kind] as unknown[]).push(record);
      }
    }
    if (read.trailing) {
      const aside = setAside(this.readOnly, file, 'corrupt', { copy: true });
      tell(this.warn, notice('history.month-stray-bytes', { month, bytes: read.trailing, aside }));
      return 'rewrite';
    }
    return read.bom ? 'rewrite' : 'ok';
  }

  /** Journal records for a month: every complete line that parses; a torn last line (a write cut off) is ignored. */
  private readJournal(month: string, counts: { dropped: number; repaired: number }): [HistoryKind, History[HistoryKind][number]][] {
    const file = path.join(this.dir, `${month}.jsonl`);
    let text: string;
    try {
      fileStats.reads++;
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) {
        const aside = setAside(this.readOnly, file, 'invalid');
        tell(
          this.warn,
          notice('history.journal-unreadable', {
            month,
            error: st.isFile() ? 'the file is far too large' : 'a folder is where the file should be',
            aside,
          }),
        );
        return [];
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      this.frozen.set(month, 'its file cannot be read');
      tell(this.warn, notice('history.journal-unreadable-kept', { month, error: describeReadError(error) }));
      return [];
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = text.split('\n');
    const out: [HistoryKind, History[HistoryKind][number]][] = [];
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
      const record = this.accept(kind, entry.record, counts);
      if (record) out.push([kind, record]);
    });
    return out;
  }

  private loadMonth(month: string): void {
    const counts = { dropped: 0, repaired: 0 };
    const partition = emptyHistory();
    const state = this.readMonthFile(month, partition, counts);
    const journal = this.readJournal(month, counts);
    if (journal.length > 0) {
      // A crash between folding a journal into its month and removing it leaves records in both.
      const seen = new Set<string>();
      for (const kind of HISTORY_KINDS) for (const r of partition[kind]) seen.add(`${kind}\u0000${JSON.stringify(r)}`);
      for (const [kind, record] of journal) {
        const key = `${kind}\u0000${JSON.stringify(record)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        (partition[kind] as unknown[]).push(record);
      }
      this.journalRecords.set(month, journal.length);
    } else if (fs.existsSync(path.join(this.dir, `${month}.jsonl`))) {
      this.journalRecords.set(month, 0);
    }
    const frozen = this.frozen.has(month);
    if (counts.dropped > 0 && !frozen && state !== 'none') {
      const aside = setAside(this.readOnly, path.join(this.dir, `${month}.json`), 'invalid', { copy: true });
      tell(this.warn, notice('history.records-dropped-kept', { count: counts.dropped, month, aside }));
    } else if (counts.dropped > 0 && !frozen) {
      tell(this.warn, notice('history.journal-records-dropped', { count: counts.dropped, month }));
    }
    if (counts.repaired > 0) {
      tell(this.warn, notice('history.discomfort-repaired', { count: counts.repaired, month }));
    }
    if (!frozen && (counts.dropped > 0 || counts.repaired > 0 || state === 'rewrite')) this.unsaved.add(month);
    this.months.set(month, partition);
    for (const kind of HISTORY_KINDS) {
      const list = this.all[kind] as unknown[];
      for (const r of partition[kind]) list.push(r);
    }
  }

  /** `+010000.json` and the like: records with impossible times. Any usable record is re-filed; the file is set aside. */
  private loadOddFile(name: string): void {
    const file = path.join(this.dir, name);
    const counts = { dropped: 0, repaired: 0 };
    const read = readJsonFile(file);
    let kept = 0;
    if (read.kind === 'ok' && read.value && typeof read.value === 'object') {
      const raw = read.value as Record<string, unknown>;
      for (const kind of HISTORY_KINDS) {
        for (const item of Array.isArray(raw[kind]) ? (raw[kind] as unknown[]) : []) {
          const record = this.accept(kind, item, counts);
          if (record) {
            this.insert(kind, record);
            this.unsaved.add(monthOf(recordTime(kind, record)));
            kept++;
          }
        }
      }
    }
    const aside = setAside(this.readOnly, file, 'invalid');
    tell(this.warn, notice('history.out-of-range', { name, count: counts.dropped, kept, aside }));
  }

  private sortKind(kind: HistoryKind): void {
    // Stored times are UTC ISO strings, so plain string order is time order.
    (this.all[kind] as History[HistoryKind][number][]).sort(byTime(kind));
  }

  append<K extends HistoryKind>(kind: K, record: History[K][number]): void {
    const month = monthOf(recordTime(kind, record));
    this.insert(kind, record);
    this.save(month, () => {
      if (!this.onDisk.has(month) || this.unsaved.has(month) || (this.journalRecords.get(month) ?? 0) >= JOURNAL_COMPACT_AT) {
        this.writeMonthFile(month);
        return;
      }
      const count = this.journalRecords.get(month);
      appendLineDurable(path.join(this.dir, `${month}.jsonl`), `${JSON.stringify({ kind, record })}\n`, count === undefined);
      this.journalRecords.set(month, (count ?? 0) + 1);
    });
  }

  /** Adds many records (an import): sorted once and merged, each touched month written once. */
  appendMany(records: { [K in HistoryKind]?: History[K] }): void {
    const touched = new Set<string>();
    for (const kind of HISTORY_KINDS) {
      const incoming = [...((records[kind] ?? []) as History[HistoryKind][number][])];
      if (incoming.length === 0) continue;
      incoming.sort(byTime(kind));
      for (const record of incoming) {
        const month = monthOf(recordTime(kind, record));
        let partition = this.months.get(month);
        if (!partition) this.months.set(month, (partition = emptyHistory()));
        (partition[kind] as unknown[]).push(record);
        delete this.serialized.get(month)?.[kind];
        touched.add(month);
      }
      const list = this.all[kind] as History[HistoryKind][number][];
      const merged: History[HistoryKind][number][] = new Array(list.length + incoming.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < list.length && j < incoming.length) {
        // Existing records first on equal times, as one-by-one inserts did.
        merged[k++] = recordTime(kind, incoming[j]!) < recordTime(kind, list[i]!) ? incoming[j++]! : list[i++]!;
      }
      while (i < list.length) merged[k++] = list[i++]!;
      while (j < incoming.length) merged[k++] = incoming[j++]!;
      list.length = 0;
      for (const r of merged) list.push(r);
    }
    for (const month of [...touched].sort()) this.save(month, () => this.writeMonthFile(month));
  }

  private insert<K extends HistoryKind>(kind: K, record: History[K][number]): void {
    const month = monthOf(recordTime(kind, record));
    let partition = this.months.get(month);
    if (!partition) {
      partition = emptyHistory();
      this.months.set(month, partition);
    }
    (partition[kind] as unknown[]).push(record);
    delete this.serialized.get(month)?.[kind];
    const list = this.all[kind] as History[K][number][];
    const time = recordTime(kind, record);
    // Records almost always arrive in time order: append, else insert in place.
    let i = list.length;
    while (i > 0 && recordTime(kind, list[i - 1]!) > time) i--;
    list.splice(i, 0, record);
  }

  private folderLost(): boolean {
    if (!this.hadFolder) return false;
    try {
      return !fs.statSync(this.dir).isDirectory();
    } catch {
      return true;
    }
  }

  /** Runs one write for `month` with the shared failure handling; true when it is on disk. */
  private save(month: string, write: () => void): boolean {
    if (this.readOnly) return false;
    if (this.blocked) {
      tell(this.warn, notice('history.memory-only', { error: this.blocked }));
      return false;
    }
    if (this.folderLost()) {
      // Someone deleted the data folder under us: write back everything we hold, and lock it again.
      for (const m of this.months.keys()) if (!this.frozen.has(m) && m !== month) this.unsaved.add(m);
      this.serialized.clear();
      this.onDisk.clear();
      this.journalRecords.clear();
      DataLock.heldFor(this.dataDir)?.retake();
      tell(this.warn, notice('history.folder-removed'));
      this.onFolderLost();
    }
    const frozen = this.frozen.get(month);
    if (frozen !== undefined) {
      tell(this.warn, notice('history.month-memory-only', { month, reason: frozen }));
      return false;
    }
    try {
      write();
      this.hadFolder = true;
      this.unsaved.delete(month);
      if (this.failing || this.unsaved.size > 0) this.retryUnsaved();
      else retryPendingWrites(this.dataDir);
      return true;
    } catch (error) {
      const first = !this.failing;
      this.failing = true;
      this.unsaved.add(month);
      if (first) {
        tell(this.warn, notice('history.unsaved', { error: describeWriteError(error) }));
      }
      return false;
    }
  }

  private writeMonthFile(month: string): void {
    const partition = this.months.get(month) ?? emptyHistory();
    let cache = this.serialized.get(month);
    if (!cache) this.serialized.set(month, (cache = {}));
    const parts = HISTORY_KINDS.map((kind) => `${JSON.stringify(kind)}:${(cache[kind] ??= JSON.stringify(partition[kind]))}`);
    writeJsonTextAtomic(
      path.join(this.dir, `${month}.json`),
      `{"schemaVersion":${HISTORY_SCHEMA_VERSION},"month":${JSON.stringify(month)},${parts.join(',')}}`,
    );
    this.onDisk.add(month);
    if (this.journalRecords.has(month)) {
      // The snapshot now holds the journal's records; a crash before this removal only duplicates them, and load skips duplicates.
      fs.rmSync(path.join(this.dir, `${month}.jsonl`), { force: true });
      this.journalRecords.delete(month);
    }
  }

  /** Folds a month's journal into its snapshot. */
  private compact(month: string): boolean {
    if (this.readOnly || this.frozen.has(month) || this.blocked) return false;
    if (!this.journalRecords.has(month)) return true;
    return this.save(month, () => this.writeMonthFile(month));
  }

  private retryUnsaved(): void {
    for (const month of [...this.unsaved]) {
      if (this.frozen.has(month)) {
        this.unsaved.delete(month);
        continue;
      }
      try {
        this.writeMonthFile(month);
        this.unsaved.delete(month);
      } catch {
        return;
      }
    }
    if (this.unsaved.size === 0 && this.failing) {
      this.failing = false;
      tell(this.warn, notice('history.saved-again'));
    }
    retryPendingWrites(this.dataDir);
  }

  /**
   * Tries again to write every month that failed and folds journals into their months. Returns
   * true when everything is on disk; false (and the records stay in memory, retried on the next
   * write or flush) when the disk still refuses. See `unsavedRecords` for what is at stake.
   */
  flush(): boolean {
    if (this.readOnly) return true;
    if (this.unsaved.size > 0) this.retryUnsaved();
    else retryPendingWrites(this.dataDir);
    for (const month of [...this.journalRecords.keys()]) if (!this.unsaved.has(month)) this.compact(month);
    return this.unsaved.size === 0;
  }

  /** `flush()`, tried again every `everyMs` until it succeeds or `withinMs` has passed (a quit while the disk is full). */
  async flushRetrying(withinMs = 3000, everyMs = 250): Promise<boolean> {
    const until = Date.now() + withinMs;
    for (;;) {
      if (this.flush()) return true;
      if (Date.now() + everyMs > until) return false;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }

  get pendingMonths(): string[] {
    return [...this.unsaved];
  }

  /** How many records are held in memory only because their month could not be written. */
  get unsavedRecords(): number {
    let n = 0;
    for (const month of this.unsaved) {
      const p = this.months.get(month);
      if (p) for (const kind of HISTORY_KINDS) n += p[kind].length;
    }
    return n;
  }

  /** Lets other parts of the data layer (import, restore) report to the user. */
  report(warning: EngineNotice): void {
    tell(this.warn, warning);
  }
}
