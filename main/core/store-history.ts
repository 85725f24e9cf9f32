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
import { readJsonFile, writeJsonTextAtomic, setAside, describeWriteError } from './store-files';

export const HISTORY_SCHEMA_VERSION = 1;
export type HistoryKind = keyof History;
export const HISTORY_KINDS: HistoryKind[] = ['stretches', 'breaks', 'checkins', 'checklists', 'discomforts'];

const recordSchemas: { [K in HistoryKind]: z.ZodType<History[K][number]> } = {
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

/**
 * History partitioned by calendar month (UTC) into `history/YYYY-MM.json`, so an append
 * rewrites one month and never years of data. Everything is held in memory after `load()`.
 */
export class HistoryStore {
  readonly dir: string;
  /** All records, each list sorted by its record time. */
  readonly all: History = emptyHistory();
  private readonly months = new Map<string, History>();
  /** Months whose last write failed; retried on the next write and on flush. */
  private readonly unsaved = new Set<string>();
  /** Months that must not be overwritten (written by a newer version of the app). */
  private readonly frozen = new Set<string>();
  /** Each month's lists already turned into JSON, so an append re-serialises one list only. */
  private readonly serialized = new Map<string, Partial<Record<HistoryKind, string>>>();

  /** True once this folder has held our files; its disappearance is then a fault to repair. */
  private hadFolder = false;

  constructor(
    dataDir: string,
    private readonly warn: (message: string) => void,
    /** Called when the data folder vanished while running, after history was written back. */
    private readonly onFolderLost: () => void = () => {},
    /** Read-only (the CLI, a second process): nothing is written or moved. */
    private readonly readOnly = false,
  ) {
    this.dir = path.join(dataDir, 'history');
  }

  load(): void {
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir).filter((n) => MONTH_FILE.test(n)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.hadFolder = names.length > 0;
    for (const name of names) this.loadMonth(name.replace('.json', ''));
    for (const kind of HISTORY_KINDS) this.sortKind(kind);
  }

  private loadMonth(month: string): void {
    const file = path.join(this.dir, `${month}.json`);
    const read = readJsonFile(file);
    if (read.kind === 'missing') return;
    if (read.kind === 'unparsable') {
      const aside = setAside(this.readOnly, file, 'corrupt');
      this.warn(`History for ${month} could not be read (${read.error}). The file was kept as history/${aside}; other months are fine.`);
      return;
    }
    const raw = read.value as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      const aside = setAside(this.readOnly, file, 'invalid');
      this.warn(`History for ${month} was not in the expected form. The file was kept as history/${aside}.`);
      return;
    }
    const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
    if (version > HISTORY_SCHEMA_VERSION) {
      this.frozen.add(month);
      this.warn(`History for ${month} was saved by a newer version of Movesnack. It is shown as far as this version understands it and will not be changed.`);
    }
    const partition = emptyHistory();
    let dropped = 0;
    for (const kind of HISTORY_KINDS) {
      const list = Array.isArray(raw[kind]) ? (raw[kind] as unknown[]) : [];
      if (raw[kind] !== undefined && !Array.isArray(raw[kind])) dropped++;
      for (const item of list) {
        const parsed = recordSchemas[kind].safeParse(item);
        if (parsed.success) (partition[kind] as unknown[]).push(parsed.data);
        else dropped++;
      }
    }
    if (dropped > 0 && !this.frozen.has(month)) {
      const aside = setAside(this.readOnly, file, 'invalid', { copy: true });
      this.warn(
        `${dropped} record${dropped === 1 ? '' : 's'} in the history for ${month} could not be read and ${dropped === 1 ? 'was' : 'were'} left out. The original file was kept as history/${aside}.`,
      );
      this.unsaved.add(month);
    }
    this.months.set(month, partition);
    for (const kind of HISTORY_KINDS) (this.all[kind] as unknown[]).push(...partition[kind]);
    if (this.unsaved.has(month)) this.writeMonth(month);
  }

  private sortKind(kind: HistoryKind): void {
    // Stored times are UTC ISO strings, so plain string order is time order.
    (this.all[kind] as History[HistoryKind][number][]).sort((a, b) => {
      const x = recordTime(kind, a);
      const y = recordTime(kind, b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  append<K extends HistoryKind>(kind: K, record: History[K][number]): void {
    this.insert(kind, record);
    this.writeMonth(monthOf(recordTime(kind, record)));
  }

  /** Adds many records and writes each touched month once. */
  appendMany(records: { [K in HistoryKind]?: History[K] }): void {
    const touched = new Set<string>();
    for (const kind of HISTORY_KINDS) {
      for (const record of records[kind] ?? []) {
        this.insert(kind, record);
        touched.add(monthOf(recordTime(kind, record)));
      }
    }
    for (const month of touched) this.writeMonth(month);
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

  private writeMonth(month: string): boolean {
    if (this.readOnly) return false;
    if (this.hadFolder && !fs.existsSync(this.dir)) {
      // Someone deleted the data folder under us: write back everything we hold.
      for (const m of this.months.keys()) if (!this.frozen.has(m) && m !== month) this.unsaved.add(m);
      this.serialized.clear();
      this.warn('Movesnack\'s data folder was removed while it was running. Everything it knew has been written back.');
      this.onFolderLost();
    }
    if (this.frozen.has(month)) {
      this.warn(`A new record for ${month} is kept in memory only, because that month's file belongs to a newer version of Movesnack.`);
      return false;
    }
    try {
      this.writeMonthFile(month);
      this.hadFolder = true;
      const hadFailures = this.unsaved.size > 0;
      this.unsaved.delete(month);
      if (hadFailures) {
        this.retryUnsaved();
        if (this.unsaved.size === 0) this.warn('Saving works again: all of your history is on disk.');
      }
      return true;
    } catch (error) {
      const first = this.unsaved.size === 0;
      this.unsaved.add(month);
      if (first) {
        this.warn(`Your history could not be saved (${describeWriteError(error)}). Nothing is lost: it is kept in memory and saved as soon as writing works again.`);
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
  }

  private retryUnsaved(): void {
    for (const month of [...this.unsaved]) {
      try {
        this.writeMonthFile(month);
        this.unsaved.delete(month);
      } catch {
        return;
      }
    }
  }

  /** Tries again to write every month that failed; true when nothing is left unsaved. */
  flush(): boolean {
    if (this.unsaved.size === 0 || this.readOnly) return true;
    this.retryUnsaved();
    if (this.unsaved.size === 0) this.warn('Saving works again: all of your history is on disk.');
    return this.unsaved.size === 0;
  }

  get pendingMonths(): string[] {
    return [...this.unsaved];
  }
}
