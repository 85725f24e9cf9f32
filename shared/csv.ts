import type { BreakRecord, Checkin, Stretch } from './history';

/**
 * CSV export of stretches, breaks and check-ins: one table, one row per record, a `record`
 * column saying which kind it is, rows in time order. Pure.
 *
 * - RFC 4180: fields holding a comma, a semicolon, a double quote, CR or LF are wrapped in double quotes and
 *   inner quotes doubled; lines end with CRLF, including the last one.
 * - Formula injection guard: a text field starting with =, +, -, @ (also after leading spaces,
 *   NBSP, LF or a BOM, and in any part after a `;`), or with a tab or CR, gets a leading apostrophe, so a note such as
 *   "=HYPERLINK(…)" shows as text instead of running. The apostrophe is visible in plain-text
 *   tools; that is the price of opening safely in Excel, LibreOffice and Google Sheets. Numbers
 *   and dates we write ourselves are never changed.
 * - Times stay as stored: ISO 8601 in UTC ("…Z"), exact and sortable.
 * - With `bom`, the text starts with a UTF-8 byte order mark so Excel reads accents in notes
 *   correctly (pandas and LibreOffice skip it).
 */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A formula start: =, +, - or @, also behind leading white space (space, NBSP, LF, a byte order
 * mark: spreadsheets skip these), or a tab or CR first. Checked at the start of the value and at
 * the start of every part after a `;`, since locales that use `;` as the separator (most of
 * Europe) split the cell there.
 */
const FORMULA_START = /^[\s\uFEFF\u200B]*[=+\-@]|^[\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

/** True when a spreadsheet could read some part of this text as a formula. */
export function looksLikeFormula(value: string): boolean {
  return value.split(';').some((part) => FORMULA_START.test(part));
}

/** Text from people (notes, ids): guarded against formulas, then quoted when needed (`;` too, so `;` locales do not split it). */
export function csvText(value: string): string {
  const guarded = looksLikeFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One field. Numbers are written plainly (non-finite ones as empty), null and undefined as empty. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvText(value);
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** A header and rows, CRLF line ends, ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => `${csvLine(r)}\r\n`).join('');
}

export const CSV_COLUMNS = [
  'record',
  'time',
  'end',
  'minutes',
  'ended_by',
  'discomfort_at',
  'minutes_to_discomfort',
  'due_at',
  'outcome',
  'snoozes',
  'routine_id',
  'routine_seconds',
  'feeling',
  'pain_low',
  'pain_high',
  'stiffness_min',
  'walking_min',
  'confidence',
  'note',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const MINUTE = 60_000;
const minutesBetween = (from: string, to: string) =>
  Math.round(((Date.parse(to) - Date.parse(from)) / MINUTE) * 100) / 100;

function row(values: Partial<Record<Column, CsvValue>>): CsvValue[] {
  return CSV_COLUMNS.map((c) => values[c] ?? null);
}

export interface CsvSource {
  stretches: readonly Stretch[];
  breaks: readonly BreakRecord[];
  checkins: readonly Checkin[];
}

/** Stretches (by start), breaks (by the time they were resolved) and check-ins, in time order. */
export function exportCsv(data: CsvSource, options: { bom?: boolean } = {}): string {
  const records: { time: string; order: number; cells: CsvValue[] }[] = [];
  for (const s of data.stretches) {
    records.push({
      time: s.start,
      order: 0,
      cells: row({
        record: 'stretch',
        time: s.start,
        end: s.end,
        minutes: minutesBetween(s.start, s.end),
        ended_by: s.endedBy,
        discomfort_at: s.discomfortAt,
        minutes_to_discomfort: s.discomfortAt ? minutesBetween(s.start, s.discomfortAt) : null,
      }),
    });
  }
  for (const b of data.breaks) {
    records.push({
      time: b.at,
      order: 1,
      cells: row({
        record: 'break',
        time: b.at,
        due_at: b.dueAt,
        outcome: b.outcome,
        snoozes: b.snoozes,
        routine_id: b.routineId,
        routine_seconds: b.seconds,
        feeling: b.feeling,
      }),
    });
  }
  for (const c of data.checkins) {
    records.push({
      time: c.at,
      order: 2,
      cells: row({
        record: 'checkin',
        time: c.at,
        pain_low: c.painLow,
        pain_high: c.painHigh,
        stiffness_min: c.stiffnessMin,
        walking_min: c.walkingMin,
        confidence: c.confidence,
        note: c.note,
      }),
    });
  }
  records.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.order - b.order);
  const text = toCsv(
    CSV_COLUMNS,
    records.map((r) => r.cells),
  );
  return options.bom ? `\uFEFF${text}` : text;
}
