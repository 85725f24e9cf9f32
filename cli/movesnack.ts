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
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, addWeeks, format, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek } from 'date-fns';
import { createCompanion, type Companion } from '../main/core';
import type { WeeklySummary } from '../shared/summary';
import { compareWeeks, scoreText, toleranceText } from '../shared/meaningful-change';
import { exportCsv } from '../shared/csv';
import { defaultDataDir } from '../main/web-shell/data-dir';

const USAGE = `Usage:
  movesnack summary [--week YYYY-Www] [--json] [--data-dir DIR]
  movesnack export --out FILE [--csv] [--data-dir DIR]

Commands:
  summary   The weekly summary: comfortable sitting time, breaks, routines, check-ins, wins.
            --week 2026-W48   an ISO week (default: this week, so far)
            --json            the summary exactly as the app computes it, as JSON
  export    Everything Movesnack has recorded, in the app's export format (JSON).
            --out FILE        where to write it ("-" for the terminal)
            --csv             stretches, breaks and check-ins as one CSV table instead

Options:
  --data-dir DIR   Movesnack's data folder. Default: $MOVESNACK_DATA_DIR, or the app's folder
                   (Linux ~/.config/Movesnack, macOS ~/Library/Application Support/Movesnack,
                   Windows %APPDATA%\\Movesnack).
  -h, --help       This help.

Reading is safe while Movesnack runs: nothing in the data folder is changed.`;

/** A mistake in how the command was called: exit code 2 and the usage line. */
class UsageError extends Error {}
/** Something about the files: exit code 1, the message alone. */
class CliError extends Error {}

export { defaultDataDir };

/** "2026-W48" -> Monday 00:00 local time of that ISO week. */
export function parseIsoWeek(text: string): Date {
  const match = /^(\d{4})-W(\d{2})$/i.exec(text.trim());
  if (!match)
    throw new UsageError(`--week must be an ISO week written YYYY-Www, for example 2026-W48 (got "${text}").`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = getISOWeeksInYear(new Date(year, 0, 4));
  if (week < 1 || week > weeks) throw new UsageError(`--week: ${year} has weeks 01 to ${weeks} (got "${text}").`);
  return addWeeks(startOfISOWeek(new Date(year, 0, 4)), week - 1);
}

export const isoWeekName = (date: Date) => `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;

const HISTORY_FILE = /^\d{4}-\d{2}\.json$/;

/**
 * Copies what the read methods need into a temporary folder. Throws a clear error when the
 * folder is missing or does not look like Movesnack's.
 */
function snapshotDataDir(dataDir: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dataDir);
  } catch {
    throw new CliError(`No Movesnack data folder at ${dataDir}. Start Movesnack once, or pass --data-dir.`);
  }
  if (!stat.isDirectory())
    throw new CliError(`${dataDir} is a file, not a folder. Pass the data folder with --data-dir.`);
  const settings = path.join(dataDir, 'settings.json');
  const historyDir = path.join(dataDir, 'history');
  const hasSettings = fs.existsSync(settings);
  const hasHistory = fs.existsSync(historyDir) && fs.statSync(historyDir).isDirectory();
  if (!hasSettings && !hasHistory) {
    throw new CliError(
      `${dataDir} does not look like a Movesnack data folder (no settings.json and no history folder).`,
    );
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
    throw new CliError(`Could not read ${dataDir}: ${(error as Error).message}`);
  }
  return copy;
}

function withEngine<T>(dataDir: string, use: (engine: Companion) => T): { value: T; warnings: string[] } {
  const copy = snapshotDataDir(dataDir);
  try {
    // Never start(): no timers, no runtime file. Only read methods below.
    const engine = createCompanion({ dataDir: copy });
    const value = use(engine);
    return { value, warnings: engine.getState().warnings };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- summary

const mins = (m: number) => {
  const total = Math.round(m);
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const rest = total % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
};

export function formatSummary(week: WeeklySummary, previous: WeeklySummary, current: boolean): string {
  const start = new Date(week.weekStart);
  const end = addDays(start, 6);
  const out: string[] = [];
  const title = `Movesnack weekly summary: ${isoWeekName(start)} (${format(start, 'EEE d MMM')} – ${format(end, 'EEE d MMM yyyy')})${current ? ', so far' : ''}`;
  out.push(title, '');
  const row = (label: string, text: string) => out.push(`${label.padEnd(21)} ${text}`);

  const tol = toleranceText(week.tolerance);
  const prevTol = toleranceText(week.previousTolerance);
  row(
    'Comfortable sitting',
    tol ? `${tol} at a stretch${prevTol ? ` (week before: ${prevTol})` : ''}` : 'no sitting recorded',
  );
  row(
    'Sitting',
    week.stretchCount
      ? `${mins(week.sittingMinutes)} in ${week.stretchCount} stretch${week.stretchCount === 1 ? '' : 'es'}; longest ${mins(week.longestStretchMin)}`
      : 'none',
  );
  const b = week.breaks;
  row(
    'Breaks',
    b.due
      ? `${b.due} due: ${b.taken} taken, ${b.skipped} skipped, ${b.natural} natural; ${b.snoozes} snooze${b.snoozes === 1 ? '' : 's'}` +
          (b.adherence === null ? '' : `; ${Math.round(b.adherence * 100)}% of prompted breaks taken`)
      : 'none came due',
  );
  const f = week.feelings;
  row(
    'Routines',
    week.routineMinutes > 0
      ? `${mins(week.routineMinutes)}; afterwards better ${f.better}, same ${f.same}, worse ${f.worse}`
      : 'none',
  );
  const c = week.checkins;
  row(
    'Check-ins',
    c.count
      ? `${c.count}: pain ${scoreText(c.painLow!)}–${scoreText(c.painHigh!)} out of 10, morning stiffness ${mins(c.stiffnessMin!)}, walking ${mins(c.walkingMin!)}, confidence ${scoreText(c.confidence!)} out of 10 (averages)`
      : 'none',
  );

  const comparison = compareWeeks(week, previous, { current });
  out.push('', comparison.headline);
  for (const line of comparison.lines) out.push(`  - ${line.text}`);
  if (comparison.wins.length) {
    out.push('', 'Wins');
    for (const win of comparison.wins) out.push(`  - ${win}`);
  }
  return `${out.join('\n')}\n`;
}

interface Output {
  stdout: string;
  stderr: string;
}

function summary(args: { week?: string; json: boolean; dataDir: string }): Output {
  const now = new Date();
  const weekStart = args.week ? parseIsoWeek(args.week) : startOfISOWeek(now);
  const current = startOfISOWeek(now).getTime() === weekStart.getTime();
  const { value, warnings } = withEngine(args.dataDir, (engine) => ({
    week: engine.weeklySummary(weekStart),
    previous: engine.weeklySummary(addWeeks(weekStart, -1)),
  }));
  const stderr = describeWarnings(warnings);
  if (args.json) return { stdout: `${JSON.stringify(value.week, null, 2)}\n`, stderr };
  return { stdout: formatSummary(value.week, value.previous, current), stderr };
}

// ---------------------------------------------------------------- export

function describeWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `Cannot write ${file}: the folder ${path.dirname(file)} does not exist.`;
    case 'ENOTDIR':
      return `Cannot write ${file}: part of that path is a file, not a folder.`;
    case 'EISDIR':
      return `Cannot write ${file}: it is a folder. Give a file name, for example ${path.join(file, 'movesnack-export.json')}.`;
    case 'EACCES':
    case 'EPERM':
      return `Cannot write ${file}: permission denied.`;
    case 'EROFS':
      return `Cannot write ${file}: the disk is read-only.`;
    case 'ENOSPC':
      return `Cannot write ${file}: the disk is full.`;
    default:
      return `Cannot write ${file}: ${(error as Error).message}`;
  }
}

/** Writes through a temporary file in the same folder, so a failed write never leaves half a file. */
function writeOut(file: string, text: string): void {
  const target = path.resolve(file);
  try {
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, target);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
  } catch (error) {
    throw new CliError(describeWriteError(target, error));
  }
}

function exportData(args: { out?: string; csv: boolean; dataDir: string }): Output {
  if (!args.out) throw new UsageError('export needs --out FILE (or --out - for the terminal).');
  const { value, warnings } = withEngine(args.dataDir, (engine) => engine.exportData());
  const stderr = describeWarnings(warnings);
  const text = args.csv ? exportCsv(value, { bom: args.out !== '-' }) : `${JSON.stringify(value, null, 2)}\n`;
  if (args.out === '-') return { stdout: text, stderr };
  writeOut(args.out, text);
  const counts = `${value.stretches.length} stretches, ${value.breaks.length} breaks, ${value.checkins.length} check-ins`;
  return { stdout: `Wrote ${path.resolve(args.out)} (${args.csv ? 'CSV' : 'JSON'}: ${counts}).\n`, stderr };
}

// ---------------------------------------------------------------- main

function describeWarnings(warnings: string[]): string {
  if (warnings.length === 0) return '';
  const lines = [
    `Note: ${warnings.length === 1 ? 'a file' : 'some files'} in the data folder could not be fully read, so the numbers leave that part out. ` +
      'When Movesnack next starts, it keeps every record it can still read and keeps a copy of the damaged file beside it; this command changed nothing.',
    // Only the first sentence: the rest names copies the app keeps aside, which this command does not make.
    ...warnings.map((w) => `  - ${w.split(/(?<=\.)\s/)[0]}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function run(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { code: number; stdout: string; stderr: string } {
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
      throw new UsageError((error as Error).message.replace(/^Unknown option '([^']*)'.*$/, 'Unknown option $1.'));
    }
    const { values, positionals } = parsed;
    const command = positionals[0];
    if (values.help || command === 'help') return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    if (command === undefined) throw new UsageError('Say which command: summary or export.');
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
    const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(env);
    if (command === 'summary') {
      if (values.out !== undefined || values.csv)
        throw new UsageError('--out and --csv belong to "export", not "summary".');
      return { code: 0, ...summary({ week: values.week, json: values.json, dataDir }) };
    }
    if (command === 'export') {
      if (values.week !== undefined || values.json)
        throw new UsageError('--week and --json belong to "summary", not "export".');
      return { code: 0, ...exportData({ out: values.out, csv: values.csv, dataDir }) };
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError)
      return { code: 2, stdout: '', stderr: `movesnack: ${error.message}\n\n${USAGE}\n` };
    if (error instanceof CliError) return { code: 1, stdout: '', stderr: `movesnack: ${error.message}\n` };
    return { code: 1, stdout: '', stderr: `movesnack: ${(error as Error).message ?? String(error)}\n` };
  }
}

if (require.main === module) {
  const result = run(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
