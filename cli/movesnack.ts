#!/usr/bin/env tsx
/**
 * movesnack — the weekly summary and the export from the command line.
 *
 *   movesnack summary [--week YYYY-Www] [--json] [--data-dir DIR]
 *   movesnack export --out FILE [--csv] [--data-dir DIR]
 *
 * Safe while the app runs: it never starts the engine (no timers) and never writes into the
 * data folder. The engine's files (settings.json and history/*.json; each is replaced whole by
 * an atomic rename, so a copy is always a complete file) are copied into a private temporary
 * folder, the engine is built on that copy with createCompanion, only read methods are called,
 * and the copy is removed. So even a damaged file, which the engine would move aside, stays
 * exactly where it is.
 *
 * One difference from the app: the stretch in progress lives in runtime.json and only becomes
 * part of the numbers when the engine starts, so this summary counts closed stretches only.
 *
 * Language: the messages follow LC_ALL, LC_MESSAGES, LANG (shared/i18n; en, es, de, fr), and
 * dates and numbers use Intl in that locale. The JSON and CSV outputs are data and stay the same
 * in every language (the CSV header is the stable column ids).
 *
 * `run(argv, io)` does everything in-process and resolves with the exit code; the bottom of the
 * file is the thin wrapper the `movesnack` bin runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, addWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek } from 'date-fns';
import { createCompanion, type Companion } from '../main/core';
import type { WeeklySummary } from '../shared/summary';
import type { Tolerance } from '../shared/summary';
import { compareWeeks } from '../shared/meaningful-change';
import { exportCsv } from '../shared/csv';
import { defaultDataDir } from '../main/web-shell/data-dir';
import { createI18n, envPreferences, formattingLocale, resolveLanguage, pseudoFromEnv, type TFunction } from '../shared/i18n';
import { formatDate, formatNumber, formatPercent } from '../shared/i18n/format';
import { engineMessage } from '../shared/i18n/text';
import { changeLineText, headlineText } from '../shared/meaningful-change-text';

/** A mistake in how the command was called: exit code 2 and the usage line. */
class UsageError extends Error {}
/** Something about the files: exit code 1, the message alone. */
class CliError extends Error {}

/** The language of one run: `t` for the words, `locale` for Intl. */
interface Words {
  t: TFunction;
  locale: string;
}

/** The messages' language from the environment (LC_ALL, LC_MESSAGES, LANG; MOVESNACK_PSEUDO_LOCALE=1 in tests). */
export function wordsFor(env: NodeJS.ProcessEnv): Words {
  const preferences = envPreferences(env);
  const lang = resolveLanguage('system', preferences, { pseudo: pseudoFromEnv(env) });
  return { t: createI18n(lang).t, locale: formattingLocale(lang, preferences) };
}

const ENGLISH: Words = { t: createI18n('en').t, locale: 'en-GB' };

export { defaultDataDir };

/** "2026-W48" -> Monday 00:00 local time of that ISO week. */
export function parseIsoWeek(text: string, { t }: Words = ENGLISH): Date {
  const match = /^(\d{4})-W(\d{2})$/i.exec(text.trim());
  if (!match) throw new UsageError(t('cli:errors.weekFormat', { text }));
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = getISOWeeksInYear(new Date(year, 0, 4));
  if (week < 1 || week > weeks) throw new UsageError(t('cli:errors.weekRange', { year, weeks, text }));
  return addWeeks(startOfISOWeek(new Date(year, 0, 4)), week - 1);
}

export const isoWeekName = (date: Date) => `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;

const HISTORY_FILE = /^\d{4}-\d{2}\.json$/;

/**
 * Copies what the read methods need into a temporary folder. Throws a clear error when the
 * folder is missing or does not look like Movesnack's.
 */
function snapshotDataDir(dataDir: string, { t }: Words): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dataDir);
  } catch {
    throw new CliError(t('cli:errors.noFolder', { dir: dataDir }));
  }
  if (!stat.isDirectory()) throw new CliError(t('cli:errors.isFile', { dir: dataDir }));
  const settings = path.join(dataDir, 'settings.json');
  const historyDir = path.join(dataDir, 'history');
  const hasSettings = fs.existsSync(settings);
  const hasHistory = fs.existsSync(historyDir) && fs.statSync(historyDir).isDirectory();
  if (!hasSettings && !hasHistory) {
    throw new CliError(t('cli:errors.notMovesnack', { dir: dataDir }));
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-cli-'));
  try {
    if (hasSettings) fs.copyFileSync(settings, path.join(copy, 'settings.json'));
    if (hasHistory) {
      fs.mkdirSync(path.join(copy, 'history'));
      for (const name of fs.readdirSync(historyDir)) {
        if (!HISTORY_FILE.test(name)) continue;
        try {
          fs.copyFileSync(path.join(historyDir, name), path.join(copy, 'history', name));
        } catch (error) {
          // A month renamed away between listing and copying is simply not there.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    }
  } catch (error) {
    fs.rmSync(copy, { recursive: true, force: true });
    throw new CliError(t('cli:errors.cannotRead', { dir: dataDir, reason: (error as Error).message }));
  }
  return copy;
}

function withEngine<T>(
  dataDir: string,
  words: Words,
  use: (engine: Companion) => T,
): { value: T; warnings: string[] } {
  const copy = snapshotDataDir(dataDir, words);
  try {
    // Never start(): no timers, no runtime file. Only read methods below.
    const engine = createCompanion({ dataDir: copy });
    const value = use(engine);
    const state = engine.getState();
    // Each warning in the user's language, from its code (state.notices); the English text otherwise.
    const warnings = state.notices?.length
      ? state.notices.map((n) => engineMessage(words.t, n, n.text))
      : state.warnings;
    return { value, warnings };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- summary

const mins = ({ t }: Words, m: number) => {
  const total = Math.round(m);
  if (total < 60) return t('common:duration.minShort', { count: total });
  const h = Math.floor(total / 60);
  const rest = total % 60;
  return rest ? t('common:duration.hoursMinutesShort', { h, m: rest }) : t('common:duration.hoursShort', { h });
};

/** "about 38 minutes" / "unos 38 minutos", or null for an empty week (toleranceText, translated). */
function tolerance({ t }: Words, tol: Tolerance): string | null {
  if (tol.medianMin !== null) return t('cli:summary.toleranceAbout', { count: Math.max(0, Math.round(tol.medianMin)) });
  if (tol.atLeastMin !== null) return t('cli:summary.toleranceAtLeast', { count: Math.max(0, Math.round(tol.atLeastMin)) });
  return null;
}

/** Averages: one decimal at most, in the locale's digits. */
const score = ({ locale }: Words, value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });

export function formatSummary(
  week: WeeklySummary,
  previous: WeeklySummary,
  current: boolean,
  words: Words = ENGLISH,
): string {
  const { t, locale } = words;
  const start = new Date(week.weekStart);
  const end = addDays(start, 6);
  const out: string[] = [];
  const day = { weekday: 'short', day: 'numeric', month: 'short' } as const;
  const title = t(current ? 'cli:summary.titleSoFar' : 'cli:summary.title', {
    week: isoWeekName(start),
    from: formatDate(locale, start, day),
    to: formatDate(locale, end, { ...day, year: 'numeric' }),
  });
  out.push(title, '');
  const labels = ['comfortable', 'sitting', 'breaks', 'routines', 'checkins'].map((k) => t(`cli:summary.${k}`));
  const width = Math.max(21, ...labels.map((l) => l.length));
  const row = (label: string, text: string) => out.push(`${label.padEnd(width)} ${text}`);

  const tol = tolerance(words, week.tolerance);
  const prevTol = tolerance(words, week.previousTolerance);
  row(
    t('cli:summary.comfortable'),
    tol
      ? prevTol
        ? t('cli:summary.comfortableWithBefore', { tolerance: tol, before: prevTol })
        : t('cli:summary.comfortableValue', { tolerance: tol })
      : t('cli:summary.noSitting'),
  );
  row(
    t('cli:summary.sitting'),
    week.stretchCount
      ? t('cli:summary.sittingValue', {
          total: mins(words, week.sittingMinutes),
          stretches: t('cli:stretches', { count: week.stretchCount }),
          longest: mins(words, week.longestStretchMin),
        })
      : t('cli:summary.none'),
  );
  const b = week.breaks;
  row(
    t('cli:summary.breaks'),
    b.due
      ? t('cli:summary.breaksValue', { ...b, snoozes: t('cli:snoozes', { count: b.snoozes }) }) +
          (b.adherence === null ? '' : t('cli:summary.adherence', { percent: formatPercent(locale, b.adherence) }))
      : t('cli:summary.noneDue'),
  );
  const f = week.feelings;
  row(
    t('cli:summary.routines'),
    week.routineMinutes > 0
      ? t('cli:summary.routinesValue', { total: mins(words, week.routineMinutes), ...f })
      : t('cli:summary.none'),
  );
  const c = week.checkins;
  row(
    t('cli:summary.checkins'),
    c.count
      ? t('cli:summary.checkinsValue', {
          count: c.count,
          low: score(words, c.painLow!),
          high: score(words, c.painHigh!),
          stiffness: mins(words, c.stiffnessMin!),
          walking: mins(words, c.walkingMin!),
          confidence: score(words, c.confidence!),
        })
      : t('cli:summary.none'),
  );

  // The comparison's sentences: codes and parameters from shared/meaningful-change.ts, in the language.
  const comparison = compareWeeks(week, previous, { current });
  out.push('', headlineText(t, comparison));
  for (const line of comparison.lines) out.push(`  - ${changeLineText(t, line, words.locale)}`);
  if (comparison.wins.length) {
    out.push('', t('cli:summary.wins'));
    for (const win of comparison.wins) out.push(`  - ${win}`);
  }
  return `${out.join('\n')}\n`;
}

interface Output {
  stdout: string;
  stderr: string;
}

function summary(args: { week?: string; json: boolean; dataDir: string }, words: Words): Output {
  const now = new Date();
  const weekStart = args.week ? parseIsoWeek(args.week, words) : startOfISOWeek(now);
  const current = startOfISOWeek(now).getTime() === weekStart.getTime();
  const { value, warnings } = withEngine(args.dataDir, words, (engine) => ({
    week: engine.weeklySummary(weekStart),
    previous: engine.weeklySummary(addWeeks(weekStart, -1)),
  }));
  const stderr = describeWarnings(warnings, words);
  if (args.json) return { stdout: `${JSON.stringify(value.week, null, 2)}\n`, stderr };
  return { stdout: formatSummary(value.week, value.previous, current, words), stderr };
}

// ---------------------------------------------------------------- export

const WRITE_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EROFS', 'ENOSPC']);

function describeWriteError(file: string, error: unknown, { t }: Words): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const key = code === 'EPERM' ? 'EACCES' : WRITE_ERRORS.has(code) ? code : 'other';
  return t(`cli:write.${key}`, {
    file,
    folder: path.dirname(file),
    example: path.join(file, 'movesnack-export.json'),
    reason: (error as Error).message,
  });
}

/** Writes through a temporary file in the same folder, so a failed write never leaves half a file. */
function writeOut(target: string, text: string, words: Words): void {
  try {
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    const unique = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${unique}.tmp`);
    try {
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, target);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
  } catch (error) {
    throw new CliError(describeWriteError(target, error, words));
  }
}

function exportData(args: { out?: string; csv: boolean; dataDir: string; cwd: string }, words: Words): Output {
  const { t } = words;
  if (!args.out) throw new UsageError(t('cli:errors.needsOut'));
  const { value, warnings } = withEngine(args.dataDir, words, (engine) => engine.exportData());
  const stderr = describeWarnings(warnings, words);
  const text = args.csv ? exportCsv(value, { bom: args.out !== '-' }) : `${JSON.stringify(value, null, 2)}\n`;
  if (args.out === '-') return { stdout: text, stderr };
  const target = path.resolve(args.cwd, args.out);
  writeOut(target, text, words);
  const counts = t('cli:counts', {
    stretches: t('cli:stretches', { count: value.stretches.length }),
    breaks: t('cli:breaks', { count: value.breaks.length }),
    checkins: t('cli:checkins', { count: value.checkins.length }),
  });
  return { stdout: `${t('cli:wrote', { file: target, format: args.csv ? 'CSV' : 'JSON', counts })}\n`, stderr };
}

// ---------------------------------------------------------------- main

function describeWarnings(warnings: string[], { t }: Words): string {
  if (warnings.length === 0) return '';
  const lines = [
    t('cli:damaged', { count: warnings.length }),
    // Only the first sentence: the rest names copies the app keeps aside, which this command does not make.
    ...warnings.map((w) => `  - ${w.split(/(?<=\.)\s/)[0]}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Where the output goes: process.stdout / process.stderr, or anything with `write` (tests). */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The whole command, without writing anywhere: exit code, standard output and error text. */
export function execute(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): { code: number; stdout: string; stderr: string } {
  const words = wordsFor(env);
  const { t } = words;
  const usage = t('cli:usage');
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        week: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        csv: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  try {
    try {
      parsed = parse();
    } catch (error) {
      const message = (error as Error).message;
      const unknown = /^Unknown option '([^']*)'/.exec(message);
      throw new UsageError(unknown ? t('cli:errors.unknownOption', { option: unknown[1] }) : message);
    }
    const { values, positionals } = parsed;
    const command = positionals[0];
    if (values.help || command === 'help') return { code: 0, stdout: `${usage}\n`, stderr: '' };
    if (command === undefined) throw new UsageError(t('cli:errors.noCommand'));
    if (positionals.length > 1) throw new UsageError(t('cli:errors.unexpectedArgument', { arg: positionals[1] }));
    const dataDir = values['data-dir'] ? path.resolve(cwd, values['data-dir']) : defaultDataDir(env);
    if (command === 'summary') {
      if (values.out !== undefined || values.csv) throw new UsageError(t('cli:errors.exportOnly'));
      return { code: 0, ...summary({ week: values.week, json: values.json, dataDir }, words) };
    }
    if (command === 'export') {
      if (values.week !== undefined || values.json) throw new UsageError(t('cli:errors.summaryOnly'));
      return { code: 0, ...exportData({ out: values.out, csv: values.csv, dataDir, cwd }, words) };
    }
    throw new UsageError(t('cli:errors.unknownCommand', { command }));
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: '', stderr: `movesnack: ${error.message}\n\n${usage}\n` };
    if (error instanceof CliError) return { code: 1, stdout: '', stderr: `movesnack: ${error.message}\n` };
    return { code: 1, stdout: '', stderr: `movesnack: ${(error as Error).message ?? String(error)}\n` };
  }
}

/** Runs the command in-process: writes to io.stdout / io.stderr and resolves with the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const result = execute(argv, io.env ?? process.env, io.cwd ?? process.cwd());
  if (result.stdout) io.stdout.write(result.stdout);
  if (result.stderr) io.stderr.write(result.stderr);
  return result.code;
}

if (require.main === module) {
  void run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
