/**
 * History records as data: the kinds, their schemas, the time each is filed under, and the
 * repair of what an older version could store. No file access here.
 */
import type { z } from 'zod';
import {
  BreakRecordSchema,
  CheckinSchema,
  ChecklistSchema,
  DiscomfortSchema,
  StretchSchema,
  type History,
} from '../../shared/history';

export const HISTORY_SCHEMA_VERSION = 1;
export type HistoryKind = keyof History;
export type HistoryRecordOf<K extends HistoryKind> = History[K][number];
export type AnyHistoryRecord = History[HistoryKind][number];
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

/** The month partition (UTC, `YYYY-MM`) of an ISO time. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

export const byTime =
  (kind: HistoryKind) =>
  (a: AnyHistoryRecord, b: AnyHistoryRecord): number => {
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

/** What reading a month cost: records that could not be used, and records repaired. */
export interface ReadCounts {
  dropped: number;
  repaired: number;
}

/** Validates one record, repairing what can be repaired; null (and counted) when it cannot be used. */
export function acceptRecord(kind: HistoryKind, item: unknown, counts: ReadCounts): AnyHistoryRecord | null {
  const fixed = repair(kind, item);
  const parsed = recordSchemas[kind].safeParse(fixed.item);
  if (!parsed.success) {
    counts.dropped++;
    return null;
  }
  if (fixed.repaired) counts.repaired++;
  return parsed.data;
}

/** Both lists merged in time order (each already sorted); existing records first on equal times. */
export function mergeByTime(kind: HistoryKind, list: AnyHistoryRecord[], incoming: AnyHistoryRecord[]): AnyHistoryRecord[] {
  const merged: AnyHistoryRecord[] = new Array(list.length + incoming.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < list.length && j < incoming.length) {
    merged[k++] = recordTime(kind, incoming[j]!) < recordTime(kind, list[i]!) ? incoming[j++]! : list[i++]!;
  }
  while (i < list.length) merged[k++] = list[i++]!;
  while (j < incoming.length) merged[k++] = incoming[j++]!;
  return merged;
}
