/**
 * The history's files on disk: a month is written as an atomic snapshot or grows by one journal
 * line; a failed write keeps the month in memory and is retried; a data folder deleted while
 * running is written back whole. Which months are frozen (never overwritten) is decided here.
 */
import { notice, tell, type Warn } from '../../shared/engine-messages';
import fs from 'node:fs';
import { emptyHistory, type History } from '../../shared/history';
import { writeJsonTextAtomic, describeWriteError, appendLineDurable, retryPendingWrites } from './store-files';
import { DataLock } from './store-lock';
import { HISTORY_KINDS, HISTORY_SCHEMA_VERSION, type AnyHistoryRecord, type HistoryKind } from './store-history-records';
import { journalFile, monthFile } from './store-history-read';

/** A journal is folded into its month file once it holds this many records. */
export const JOURNAL_COMPACT_AT = 2000;

export class HistoryFiles {
  /** Months whose snapshot file is on disk (a journal may be appended to it). */
  readonly onDisk = new Set<string>();
  /** Months that must not be overwritten, and why (a newer version wrote them; they cannot be read). */
  readonly frozen = new Map<string, string>();
  /** Months whose last write failed; retried on the next write and on flush. */
  readonly unsaved = new Set<string>();
  /** Records in each month's journal. */
  readonly journalRecords = new Map<string, number>();
  /** Each month's lists already turned into JSON, so a rewrite re-serialises changed lists only. */
  private readonly serialized = new Map<string, Partial<Record<HistoryKind, string>>>();
  /** True between a failed write and the next one that succeeds. */
  private failing = false;
  /** Set when history/ itself cannot be read: then nothing is written there (it could overwrite what we cannot see). */
  blocked: string | null = null;
  /** True once this folder has held our files; its disappearance is then a fault to repair. */
  hadFolder = false;

  constructor(
    private readonly dataDir: string,
    private readonly dir: string,
    private readonly warn: Warn,
    private readonly readOnly: boolean,
    /** The records of each month, as the store holds them. */
    private readonly months: ReadonlyMap<string, History>,
    /** Called when the data folder vanished while running, after history was written back. */
    private readonly onFolderLost: () => void,
  ) {}

  /** A month's list changed in memory: its cached JSON is stale. */
  changed(month: string, kind: HistoryKind): void {
    delete this.serialized.get(month)?.[kind];
  }

  /** One new record: a journal line when the month's snapshot is on disk and current, else the whole month. */
  append(month: string, kind: HistoryKind, record: AnyHistoryRecord): void {
    this.save(month, () => {
      if (!this.onDisk.has(month) || this.unsaved.has(month) || (this.journalRecords.get(month) ?? 0) >= JOURNAL_COMPACT_AT) {
        this.writeMonthFile(month);
        return;
      }
      const count = this.journalRecords.get(month);
      appendLineDurable(journalFile(this.dir, month), `${JSON.stringify({ kind, record })}\n`, count === undefined);
      this.journalRecords.set(month, (count ?? 0) + 1);
    });
  }

  /** The whole month written afresh (an import, a repaired file). */
  rewrite(month: string): boolean {
    return this.save(month, () => this.writeMonthFile(month));
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
      monthFile(this.dir, month),
      `{"schemaVersion":${HISTORY_SCHEMA_VERSION},"month":${JSON.stringify(month)},${parts.join(',')}}`,
    );
    this.onDisk.add(month);
    if (this.journalRecords.has(month)) {
      // The snapshot now holds the journal's records; a crash before this removal only duplicates them, and load skips duplicates.
      fs.rmSync(journalFile(this.dir, month), { force: true });
      this.journalRecords.delete(month);
    }
  }

  /** Folds a month's journal into its snapshot. */
  compact(month: string): boolean {
    if (this.readOnly || this.frozen.has(month) || this.blocked) return false;
    if (!this.journalRecords.has(month)) return true;
    return this.rewrite(month);
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

  /** Retries failed months and folds journals into their months; true when everything is on disk. */
  flush(): boolean {
    if (this.readOnly) return true;
    if (this.unsaved.size > 0) this.retryUnsaved();
    else retryPendingWrites(this.dataDir);
    for (const month of [...this.journalRecords.keys()]) if (!this.unsaved.has(month)) this.compact(month);
    return this.unsaved.size === 0;
  }
}
