import { notice } from '../../shared/engine-messages';
import type { Settings } from '../../shared/settings';
import type { Profile } from '../../shared/profile';
import type { BreakRecord, History, Stretch } from '../../shared/history';
import { describeIssues } from '../../shared/actions';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORT_RECORD_SCHEMAS, ExportEnvelopeSchema, type MovesnackExport } from '../../shared/export-format';
import type { HistoryKind, HistoryStore } from './store-history';

export function exportHistory(history: HistoryStore, settings: Settings, profile: Profile): MovesnackExport {
  const all = history.all;
  return structuredClone({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    settings: settings as unknown as Record<string, unknown>,
    profile: profile as unknown as Record<string, unknown>,
    stretches: all.stretches,
    breaks: all.breaks,
    checkins: all.checkins,
    checklists: all.checklists,
    discomforts: all.discomforts,
  });
}

/** Stored times are always UTC ("Z"), so they sort and compare as strings. */
const utc = (iso: string) => new Date(iso).toISOString();
const utcOrNull = (iso: string | null) => (iso === null ? null : utc(iso));

const normalise: { [K in HistoryKind]: (r: History[K][number]) => History[K][number] } = {
  stretches: (s: Stretch) => ({ ...s, start: utc(s.start), end: utc(s.end), discomfortAt: utcOrNull(s.discomfortAt) }),
  breaks: (b: BreakRecord) => ({ ...b, dueAt: utc(b.dueAt), at: utc(b.at) }),
  checkins: (c) => ({ ...c, at: utc(c.at) }),
  checklists: (c) => ({ ...c, at: utc(c.at) }),
  discomforts: (d) => ({ ...d, at: utc(d.at) }),
};

/** What makes two records the same record: a stretch's start, a break's due time and time, the time of anything else. */
const keyOf: { [K in HistoryKind]: (r: History[K][number]) => string } = {
  stretches: (s) => s.start,
  breaks: (b) => `${b.dueAt}|${b.at}`,
  checkins: (c) => c.at,
  checklists: (c) => c.at,
  discomforts: (d) => d.at,
};

const KINDS: HistoryKind[] = ['stretches', 'breaks', 'checkins', 'checklists', 'discomforts'];

export interface ImportResult {
  imported: number;
  /** Present only when some records were left out: how many, and the first reasons. */
  skipped?: number;
  problems?: string[];
}

/**
 * Merges history from an export file (versions 1 and 2; a restore reads backups the same way).
 * Settings and profile in it are ignored; records already present are skipped. Each record is
 * checked on its own: the good ones are merged and the bad ones reported (in the result and as a
 * warning), so one damaged record never costs the rest of the file. A file that is not an export
 * at all, or whose records are all unusable, is refused whole and nothing changes.
 */
export function importHistory(history: HistoryStore, data: unknown): ImportResult {
  const envelope = ExportEnvelopeSchema.safeParse(data);
  if (!envelope.success) throw new Error(describeIssues(envelope.error, 'import file'));
  const file = envelope.data as Record<HistoryKind, unknown[] | undefined>;
  const problems: string[] = [];
  let skipped = 0;
  let total = 0;
  const good: { [K in HistoryKind]: History[K] } = { stretches: [], breaks: [], checkins: [], checklists: [], discomforts: [] };
  for (const kind of KINDS) {
    const list = file[kind] ?? [];
    total += list.length;
    list.forEach((item, i) => {
      const parsed = (EXPORT_RECORD_SCHEMAS[kind] as (typeof EXPORT_RECORD_SCHEMAS)[HistoryKind]).safeParse(item);
      if (parsed.success) {
        (good[kind] as unknown[]).push((normalise[kind] as (r: unknown) => unknown)(parsed.data));
        return;
      }
      skipped++;
      if (problems.length < 5) {
        const issue = parsed.error.issues[0]!;
        const where = [kind, i, ...issue.path].join('.');
        problems.push(`${where}: ${issue.message}`);
      }
    });
  }
  if (skipped > 0 && skipped === total) throw new Error(`Invalid import file: ${problems.slice(0, 3).join('; ')}`);
  const fresh: { [K in HistoryKind]?: History[K] } = {};
  let imported = 0;
  for (const kind of KINDS) {
    const seen = new Set((history.all[kind] as History[HistoryKind][number][]).map((r) => (keyOf[kind] as (r: unknown) => string)(r)));
    const out: unknown[] = [];
    for (const record of good[kind]) {
      const k = (keyOf[kind] as (r: unknown) => string)(record);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(record);
    }
    (fresh as Record<string, unknown[]>)[kind] = out;
    imported += out.length;
  }
  history.appendMany(fresh);
  if (skipped === 0) return { imported };
  history.report(notice('import.records-skipped', { count: skipped, first: problems[0] ?? '' }));
  return { imported, skipped, problems };
}
