import { tell, type EngineNotice, type Warn } from '../../shared/engine-messages';
import path from 'node:path';
import { emptyHistory, type History } from '../../shared/history';
import { replaceLinkNotice, takeNotices, removeStaleTempFiles } from './store-files';
import { HISTORY_KINDS, byTime, mergeByTime, monthOf, recordTime, type AnyHistoryRecord, type HistoryKind } from './store-history-records';
import { MONTH_FILE, MONTH_JOURNAL, ODD_FILE, listHistoryFolder, readMonth, readOddFile, type HistoryReadContext } from './store-history-read';
import { HistoryFiles } from './store-history-files';

export { HISTORY_SCHEMA_VERSION, HISTORY_KINDS, recordSchemas, recordTime, type HistoryKind } from './store-history-records';
export { JOURNAL_COMPACT_AT } from './store-history-files';

/**
 * History partitioned by calendar month (UTC). Each month is a snapshot, `history/YYYY-MM.json`,
 * plus a journal, `history/YYYY-MM.jsonl` (JSON lines, one record each): an append writes and
 * fdatasyncs one line, so it costs the same however full the month is. Journals are folded into
 * their month (an atomic, synced rewrite) at start, at stop and once they hold JOURNAL_COMPACT_AT
 * records. Everything is held in memory after `load()`.
 *
 * This class holds the records; reading the folder is store-history-read.ts, writing it (and
 * what happens when a write fails or the folder vanishes) is store-history-files.ts.
 */
export class HistoryStore {
  readonly dir: string;
  /** All records, each list sorted by its record time. */
  readonly all: History = emptyHistory();
  private readonly months = new Map<string, History>();
  private readonly files: HistoryFiles;

  constructor(
    private readonly dataDir: string,
    private readonly warn: Warn,
    /** Called when the data folder vanished while running, after history was written back. */
    onFolderLost: () => void = () => {},
    /** Read-only (the CLI, a second process): nothing is written or moved. */
    private readonly readOnly = false,
  ) {
    this.dir = path.join(dataDir, 'history');
    this.files = new HistoryFiles(dataDir, this.dir, warn, readOnly, this.months, onFolderLost);
  }

  load(): void {
    for (const early of takeNotices(this.dataDir)) tell(this.warn, early);
    if (!this.readOnly) {
      const link = replaceLinkNotice(this.dir, 'folder', this.dataDir);
      if (link) tell(this.warn, link);
      // Temporary files of writes that were killed part-way.
      for (const d of [this.dataDir, this.dir, path.join(this.dataDir, 'backups')]) removeStaleTempFiles(d);
    }
    const ctx: HistoryReadContext = {
      dataDir: this.dataDir,
      dir: this.dir,
      readOnly: this.readOnly,
      warn: this.warn,
      frozen: this.files.frozen,
      onDisk: this.files.onDisk,
    };
    const { names, blocked } = listHistoryFolder(ctx);
    this.files.blocked = blocked;
    this.files.hadFolder = names.some((n) => MONTH_FILE.test(n) || MONTH_JOURNAL.test(n));
    const months = new Set<string>();
    for (const name of names) {
      const m = MONTH_FILE.exec(name) ?? MONTH_JOURNAL.exec(name);
      if (m) months.add(m[1]!);
    }
    for (const month of months) {
      const { partition, journal, rewrite } = readMonth(ctx, month);
      if (journal !== undefined) this.files.journalRecords.set(month, journal);
      if (rewrite) this.files.unsaved.add(month);
      this.months.set(month, partition);
      for (const kind of HISTORY_KINDS) {
        const list = this.all[kind] as unknown[];
        for (const r of partition[kind]) list.push(r);
      }
    }
    for (const name of names) {
      if (!ODD_FILE.test(name)) continue;
      for (const [kind, record] of readOddFile(ctx, name)) {
        this.insert(kind, record);
        this.files.unsaved.add(monthOf(recordTime(kind, record)));
      }
    }
    // Stored times are UTC ISO strings, so plain string order is time order.
    for (const kind of HISTORY_KINDS) (this.all[kind] as AnyHistoryRecord[]).sort(byTime(kind));
    if (!this.readOnly) {
      for (const month of [...this.files.unsaved]) this.files.rewrite(month);
      for (const month of [...this.files.journalRecords.keys()]) this.files.compact(month);
    }
  }

  append<K extends HistoryKind>(kind: K, record: History[K][number]): void {
    if (kind === 'breaks') record = this.distinctBreak(record as History['breaks'][number]) as History[K][number];
    this.insert(kind, record);
    this.files.append(monthOf(recordTime(kind, record)), kind, record);
  }

  /** Adds many records (an import): sorted once and merged, each touched month written once. */
  appendMany(records: { [K in HistoryKind]?: History[K] }): void {
    const touched = new Set<string>();
    for (const kind of HISTORY_KINDS) {
      const incoming = [...((records[kind] ?? []) as AnyHistoryRecord[])];
      if (incoming.length === 0) continue;
      incoming.sort(byTime(kind));
      for (const record of incoming) {
        const month = monthOf(recordTime(kind, record));
        (this.partition(month)[kind] as unknown[]).push(record);
        this.files.changed(month, kind);
        touched.add(month);
      }
      const list = this.all[kind] as AnyHistoryRecord[];
      const merged = mergeByTime(kind, list, incoming);
      list.length = 0;
      for (const r of merged) list.push(r);
    }
    for (const month of [...touched].sort()) this.files.rewrite(month);
  }

  /**
   * Breaks are told apart (on import, in backups) by when they were due and when they ended. Two
   * breaks ended in the same millisecond (a break started again at once) would look like one
   * and be merged away, so the later one is recorded a millisecond later.
   */
  private distinctBreak(record: History['breaks'][number]): History['breaks'][number] {
    const recent = this.all.breaks.slice(-8);
    let at = Date.parse(record.at);
    while (recent.some((b) => b.dueAt === record.dueAt && Date.parse(b.at) === at)) at++;
    return at === Date.parse(record.at) ? record : { ...record, at: new Date(at).toISOString() };
  }

  private partition(month: string): History {
    let partition = this.months.get(month);
    if (!partition) this.months.set(month, (partition = emptyHistory()));
    return partition;
  }

  private insert<K extends HistoryKind>(kind: K, record: History[K][number]): void {
    const month = monthOf(recordTime(kind, record));
    (this.partition(month)[kind] as unknown[]).push(record);
    this.files.changed(month, kind);
    const list = this.all[kind] as History[K][number][];
    const time = recordTime(kind, record);
    // Records almost always arrive in time order: append, else insert in place.
    let i = list.length;
    while (i > 0 && recordTime(kind, list[i - 1]!) > time) i--;
    list.splice(i, 0, record);
  }

  /**
   * Tries again to write every month that failed and folds journals into their months. Returns
   * true when everything is on disk; false (and the records stay in memory, retried on the next
   * write or flush) when the disk still refuses. See `unsavedRecords` for what is at stake.
   */
  flush(): boolean {
    return this.files.flush();
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
    return [...this.files.unsaved];
  }

  /** How many records are held in memory only because their month could not be written. */
  get unsavedRecords(): number {
    let n = 0;
    for (const month of this.files.unsaved) {
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
