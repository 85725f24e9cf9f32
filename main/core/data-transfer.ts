import type { Settings } from '../../shared/settings';
import type { Profile } from '../../shared/profile';
import type { BreakRecord, Checkin, Checklist, Stretch } from '../../shared/history';
import { describeIssues } from '../../shared/actions';
import { EXPORT_FORMAT, EXPORT_VERSION, MovesnackExportSchema, type MovesnackExport } from '../../shared/export-format';
import type { HistoryStore } from './store-history';

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
  });
}

/** Stored times are always UTC ("Z"), so they sort and compare as strings. */
const utc = (iso: string) => new Date(iso).toISOString();
const utcOrNull = (iso: string | null) => (iso === null ? null : utc(iso));

const stretchKey = (s: Stretch) => s.start;
const breakKey = (b: BreakRecord) => `${b.dueAt}|${b.at}`;
const atKey = (r: { at: string }) => r.at;

function fresh<T>(incoming: T[], existing: readonly T[], key: (r: T) => string): T[] {
  const seen = new Set(existing.map(key));
  const out: T[] = [];
  for (const record of incoming) {
    const k = key(record);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(record);
  }
  return out;
}

/**
 * Merges history from an export file: settings and profile in it are ignored; records already
 * present (a stretch's start, a break's due time and time, the time of anything else) are
 * skipped. A file that does not validate is refused whole and nothing changes.
 */
export function importHistory(history: HistoryStore, data: unknown): { imported: number } {
  const parsed = MovesnackExportSchema.safeParse(data);
  if (!parsed.success) throw new Error(describeIssues(parsed.error, 'import file'));
  const file = parsed.data;
  for (const s of file.stretches) {
    if (Date.parse(s.end) < Date.parse(s.start)) {
      throw new Error(`Invalid import file: a stretch ends before it starts (${s.start})`);
    }
  }
  const stretches = fresh(
    file.stretches.map((s) => ({ ...s, start: utc(s.start), end: utc(s.end), discomfortAt: utcOrNull(s.discomfortAt) })),
    history.all.stretches,
    stretchKey,
  );
  const breaks = fresh(
    file.breaks.map((b) => ({ ...b, dueAt: utc(b.dueAt), at: utc(b.at) })),
    history.all.breaks,
    breakKey,
  );
  const checkins = fresh<Checkin>(file.checkins.map((c) => ({ ...c, at: utc(c.at) })), history.all.checkins, atKey);
  const checklists = fresh<Checklist>(file.checklists.map((c) => ({ ...c, at: utc(c.at) })), history.all.checklists, atKey);
  history.appendMany({ stretches, breaks, checkins, checklists });
  return { imported: stretches.length + breaks.length + checkins.length + checklists.length };
}
