/**
 * The home program's therapist-report rows (engine: shared/program/summaries.ts
 * programReportRows) in the user's language: the label by the row's key, the value from its
 * plain parts where the engine's English is known; anything else is shown as the engine gave it.
 */
import type { TFunction } from 'i18next';
import { formatMinutes, formatNumber } from '../../../shared/i18n/format';
import { PROGRAM_EXERCISES } from '../../../shared/program/exercises';
import type { ReportRow } from '../../../shared/program/summaries';

const ROW_KEYS = [
  'program',
  'lane',
  'stage',
  'moves',
  'sessions',
  'answers',
  'lingering',
  'leg',
  'soreness',
  'progressions',
  'stiffness',
  'walking',
  'confidence',
] as const;
type RowKey = (typeof ROW_KEYS)[number];
const isRowKey = (key: string): key is RowKey => (ROW_KEYS as readonly string[]).includes(key);

/** The engine's English values that have their own words (summaries.ts LANE_LABEL and plan). */
const KNOWN: Record<string, string> = {
  'Not started': 'homeProgram:report.notStarted',
  'Not logged': 'homeProgram:notLogged',
  'Calm (settling symptoms)': 'homeProgram:report.lane.calm',
  'Control (motion and control)': 'homeProgram:report.lane.control',
  'Capacity (strength)': 'homeProgram:report.lane.capacity',
  'Short sessions, two or three a day': 'homeProgram:report.stage.early',
  'Three sessions a week plus movement snacks': 'homeProgram:report.stage.later',
};

const byName = new Map(PROGRAM_EXERCISES.map((e) => [e.name, e.id]));

function value(t: TFunction, locale: string, row: ReportRow): { text: string; translated: boolean } {
  const known = KNOWN[row.value];
  if (known) return { text: t(known), translated: true };
  if (row.key === 'moves') {
    // Names may hold commas themselves: take the longest known name at each point.
    const ids: string[] = [];
    let rest = row.value;
    while (rest) {
      const name = [...byName.keys()].filter((n) => rest === n || rest.startsWith(`${n}, `)).sort((a, b) => b.length - a.length)[0];
      if (!name) break;
      ids.push(byName.get(name)!);
      rest = rest.slice(name.length + 2);
    }
    if (!rest && ids.length) {
      return { text: ids.map((id) => t(`program:exercise.${id}.name`)).join(', '), translated: true };
    }
  }
  if (row.key === 'stiffness') {
    const m = /^(\d+) min$/.exec(row.value);
    if (m) return { text: formatMinutes(locale, Number(m[1])), translated: true };
  }
  if (row.key === 'walking') {
    const parts = row.value.split(', ').map((part) => {
      const min = /^(\d+) min$/.exec(part);
      if (min) return formatMinutes(locale, Number(min[1]));
      const km = /^(\d+(?:\.\d+)?) km$/.exec(part);
      if (km) return formatNumber(locale, Number(km[1]), { style: 'unit', unit: 'kilometer', unitDisplay: 'short', maximumFractionDigits: 1 });
      return null;
    });
    if (parts.every((p) => p !== null)) return { text: parts.join(', '), translated: true };
  }
  if (row.key === 'confidence') {
    const m = /^(.*): (\d+) → (\d+) of 10$/.exec(row.value);
    // The task is the user's own words: kept as written (marked translate="no" by the caller).
    if (m) return { text: t('homeProgram:report.confidence', { task: m[1], first: m[2], last: m[3] }), translated: true };
  }
  // Counts ("3 / 10", "2") have no words to translate.
  return { text: row.value, translated: !/\p{L}/u.test(row.value) };
}

export interface ProgramRowText {
  key: string;
  label: string;
  value: string;
  /** False when the value is the engine's English as it came (shown with translate="no"). */
  translated: boolean;
}

export function programRowText(t: TFunction, locale: string, row: ReportRow): ProgramRowText {
  const label = isRowKey(row.key) ? t(`homeProgram:report.rows.${row.key}`) : row.label;
  const { text, translated } = value(t, locale, row);
  return { key: row.key, label, value: text, translated };
}
