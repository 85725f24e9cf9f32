import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/movesnack';
import { createCompanion } from '../../main/core';
import { CSV_COLUMNS } from '../../shared/csv';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../shared/export-format';
import type { BreakRecord, Checkin, Stretch } from '../../shared/history';

// Weeks start on Monday 00:00 in this zone, for the CLI (in-process) and the expectations alike.
process.env.TZ = 'Europe/Berlin';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'cli', 'movesnack.ts');


/** English messages, whatever the machine's locale; a test passes LANG to change it. */
const ENGLISH = { LANG: 'en_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' };

/** The CLI, in-process: the same `run` the bin calls, with its output collected. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { ...process.env, ...ENGLISH, ...env },
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}

/** The real bin, in a child process: once, as a smoke test of the wrapper. */
function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, ...ENGLISH, TZ: process.env.TZ, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Every file under dir with its size, mtime and content: any write shows up as a difference. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        out[`${path.relative(dir, p)}/`] = String(fs.statSync(p).mtimeMs);
        walk(p);
      } else {
        const st = fs.statSync(p);
        out[path.relative(dir, p)] = `${st.size}:${st.mtimeMs}:${fs.readFileSync(p, 'utf8')}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** The engine reads five weeks of history per run; generous on a busy machine. */
const SLOW = { timeout: 60_000 };

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
let dataDir: string;
let outDir: string;
const MIN = 60_000;
const WEEK = '2026-W46'; // Monday 9 November 2026
const MONDAY = new Date(2026, 10, 9);

/** Five weeks of weekdays (19 Oct – 20 Nov 2026, local time): stretches, breaks, two check-ins a week. */
function seedHistory(): { stretches: Stretch[]; breaks: BreakRecord[]; checkins: Checkin[] } {
  const stretches: Stretch[] = [];
  const breaks: BreakRecord[] = [];
  const checkins: Checkin[] = [];
  const iso = (d: Date) => d.toISOString();
  for (
    let day = new Date(2026, 9, 19);
    day <= new Date(2026, 10, 20);
    day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
  ) {
    const weekday = day.getDay();
    if (weekday === 0 || weekday === 6) continue;
    let t = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9).getTime();
    for (let i = 0; i < 8; i++) {
      const length = 20 + ((day.getDate() * 7 + i * 11) % 40);
      const discomfort = (day.getDate() + i) % 3 === 0 ? t + Math.round(length * 0.7) * MIN : null;
      const outcome = i % 4 === 3 ? 'skipped' : i % 5 === 4 ? 'natural' : 'taken';
      stretches.push({
        start: iso(new Date(t)),
        end: iso(new Date(t + length * MIN)),
        endedBy: outcome === 'taken' ? 'routine' : 'natural',
        discomfortAt: discomfort === null ? null : iso(new Date(discomfort)),
      });
      breaks.push({
        dueAt: iso(new Date(t + 30 * MIN)),
        outcome,
        at: iso(new Date(t + Math.max(length, 30) * MIN)),
        snoozes: i % 2,
        routineId: outcome === 'taken' ? 'classic-snack' : null,
        seconds: outcome === 'taken' ? 60 : 0,
        feeling: outcome === 'taken' ? (['better', 'same', 'worse'] as const)[i % 3]! : null,
      });
      t += (Math.max(length, 30) + 5) * MIN;
    }
    if (weekday === 2 || weekday === 5) {
      const low = day.getDate() % 3;
      checkins.push({
        at: iso(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 17)),
        painLow: low,
        painHigh: low + 2 + (day.getDate() % 3),
        stiffnessMin: 10 + (day.getDate() % 20),
        walkingMin: 20 + (day.getDate() % 30),
        confidence: 4 + (day.getDate() % 5),
        note: weekday === 5 ? 'Carried the shopping up the stairs' : '',
      });
    }
  }
  checkins.at(-1)!.note = '=1+2, said "the basket"\nwas fine';
  return { stretches, breaks, checkins };
}

beforeAll(() => {
  dataDir = tmp('movesnack-cli-data-');
  outDir = tmp('movesnack-cli-out-');
  const seed = createCompanion({ dataDir });
  const history = seedHistory();
  seed.importData({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    settings: {},
    profile: {},
    ...history,
    checklists: [],
  });
  seed.dispatch({ type: 'profile/save', profile: { confidenceTask: 'lift the laundry basket' } });
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('movesnack summary', () => {
  it('--json gives exactly the engine weeklySummary, and the data folder is untouched', SLOW, async () => {
    const before = snapshot(dataDir);
    const result = await cli(['summary', '--week', WEEK, '--json', '--data-dir', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = createCompanion({ dataDir }).weeklySummary(MONDAY);
    expect(expected.stretchCount).toBeGreaterThan(10);
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('human output is readable: title, figures and plain sentences', SLOW, async () => {
    const result = await cli(['summary', '--week', WEEK], { MOVESNACK_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    const s = createCompanion({ dataDir }).weeklySummary(MONDAY);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Movesnack weekly summary: 2026-W46 \(Mon,? 9 Nov – Sun,? 15 Nov,? 2026\)$/);
    expect(result.stdout).toMatch(new RegExp(`Sitting +\\d+ h( \\d+ min)? in ${s.stretchCount} stretches`));
    expect(result.stdout).toMatch(
      new RegExp(
        `Breaks +${s.breaks.due} due: ${s.breaks.taken} taken, ${s.breaks.skipped} skipped, ${s.breaks.natural} natural`,
      ),
    );
    expect(result.stdout).toMatch(/^ {2}- You sat comfortably for (about|at least) \d+ minutes? at a stretch/m);
    expect(result.stdout).toMatch(/^Check-ins +\d+: pain/m);
    expect(result.stdout).not.toMatch(/undefined|null|NaN/);
  });

  it('checks the week it is given, and reads ISO weeks right (53-week years, DST)', SLOW, async () => {
    const bad = await Promise.all(
      ['2026-46', '2025-W53'].map((w) => cli(['summary', '--week', w, '--data-dir', dataDir])),
    );
    for (const r of bad) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^movesnack: --week/);
    }
    expect(bad[0]!.stderr).toMatch(/YYYY-Www, for example 2026-W48 \(got "2026-46"\)/);
    expect(bad[1]!.stderr).toMatch(/2025 has weeks 01 to 52/);
    const [w53, dst] = await Promise.all(
      ['2026-W53', '2026-W44'].map((w) => cli(['summary', '--week', w, '--json', '--data-dir', dataDir])),
    );
    expect(JSON.parse(w53!.stdout).weekStart).toBe(new Date(2026, 11, 28).toISOString());
    // The clocks go back on 25 October 2026 in Berlin: the week still starts Monday 00:00 local.
    const week44 = JSON.parse(dst!.stdout);
    expect(week44.weekStart).toBe(new Date(2026, 9, 26).toISOString());
    expect(week44).toEqual(createCompanion({ dataDir }).weeklySummary(new Date(2026, 9, 26)));
  });
});

describe('movesnack export', () => {
  it('writes the export format, which imports back into a fresh folder', SLOW, async () => {
    const file = path.join(outDir, 'export.json');
    const before = snapshot(dataDir);
    const result = await cli(['export', '--out', file, '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*export\.json \(JSON: \d+ stretches, \d+ breaks, \d+ check-ins\)\.\n$/);
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    const { exportedAt: _a, ...expected } = createCompanion({ dataDir }).exportData();
    const { exportedAt: _b, ...actual } = written;
    expect(actual).toEqual(expected);
    expect(written.profile.confidenceTask).toBe('lift the laundry basket');
    const fresh = tmp('movesnack-cli-fresh-');
    try {
      const total = written.stretches.length + written.breaks.length + written.checkins.length;
      expect(createCompanion({ dataDir: fresh }).importData(written)).toEqual({ imported: total });
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('--csv writes one table of stretches, breaks and check-ins', SLOW, async () => {
    const file = path.join(outDir, 'export.csv');
    const result = await cli(['export', '--out', file, '--csv', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const data = createCompanion({ dataDir }).exportData();
    expect(text.match(/^(stretch|break|checkin),/gm)).toHaveLength(
      data.stretches.length + data.breaks.length + data.checkins.length,
    );
    expect(text).toContain('"\'=1+2, said ""the basket""\nwas fine"');
  });

  it('refuses an --out it cannot write, clearly, and leaves nothing behind', SLOW, async () => {
    const file = path.join(outDir, 'plain.txt');
    fs.writeFileSync(file, 'x');
    const [missing, folder, underFile] = await Promise.all([
      cli(['export', '--out', path.join(outDir, 'no-such-folder', 'x.json'), '--data-dir', dataDir]),
      cli(['export', '--out', outDir, '--data-dir', dataDir]),
      cli(['export', '--out', path.join(file, 'x.json'), '--data-dir', dataDir]),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/the folder .*no-such-folder does not exist/);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/it is a folder/);
    expect(underFile.stderr).toMatch(/part of that path is a file/);
    if (process.getuid?.() !== 0) {
      // (Root writes anywhere, so this one only runs as a normal user.)
      const locked = tmp('movesnack-cli-locked-');
      fs.chmodSync(locked, 0o500);
      const denied = await cli(['export', '--out', path.join(locked, 'x.json'), '--data-dir', dataDir]);
      expect(denied.stderr).toMatch(/permission denied/);
      fs.chmodSync(locked, 0o700);
      fs.rmSync(locked, { recursive: true });
    }
    expect(fs.readdirSync(outDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the data folder', () => {
  it(
    'a missing folder is an error and is not created; the default folder follows MOVESNACK_DATA_DIR, then XDG',
    SLOW,
    async () => {
      const gone = path.join(outDir, 'not-here');
      const xdg = path.join(outDir, 'xdg');
      const [flag, env, fallback] = await Promise.all([
        cli(['summary', '--data-dir', gone]),
        cli(['summary'], { MOVESNACK_DATA_DIR: gone }),
        cli(['summary'], { MOVESNACK_DATA_DIR: '', XDG_CONFIG_HOME: xdg }),
      ]);
      expect(flag.code).toBe(1);
      expect(flag.stderr).toBe(
        `movesnack: No Movesnack data folder at ${gone}. Start Movesnack once, or pass --data-dir.\n`,
      );
      expect(env.stderr).toBe(flag.stderr);
      expect(fallback.stderr).toMatch(`No Movesnack data folder at ${path.join(xdg, 'Movesnack')}.`);
      expect(fs.existsSync(gone)).toBe(false);
      expect(fs.existsSync(xdg)).toBe(false);
    },
  );

  it("a folder that is not Movesnack's is refused and stays empty; a damaged month stays in place", SLOW, async () => {
    const empty = tmp('movesnack-cli-empty-');
    const damaged = tmp('movesnack-cli-damaged-');
    fs.cpSync(dataDir, damaged, { recursive: true });
    const month = fs.readdirSync(path.join(damaged, 'history')).sort()[0]!;
    fs.writeFileSync(path.join(damaged, 'history', month), '{ not json');
    const before = snapshot(damaged);
    const [refused, partial] = await Promise.all([
      cli(['summary', '--data-dir', empty]),
      cli(['summary', '--week', WEEK, '--json', '--data-dir', damaged]),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/does not look like a Movesnack data folder/);
    expect(fs.readdirSync(empty)).toEqual([]);
    // The numbers come from the readable months, with a note; nothing is moved aside.
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/could not be fully read.*this command changed nothing/s);
    expect(partial.stderr).not.toMatch(/kept as/);
    expect(JSON.parse(partial.stdout).stretchCount).toBeGreaterThan(0);
    expect(snapshot(damaged)).toEqual(before);
    fs.rmSync(empty, { recursive: true, force: true });
    fs.rmSync(damaged, { recursive: true, force: true });
  });

  it('usage mistakes exit with 2 and show the usage; --help exits with 0', SLOW, async () => {
    const [none, option, noOut, help] = await Promise.all([
      cli([]),
      cli(['summary', '--bogus']),
      cli(['export', '--data-dir', dataDir]),
      cli(['--help']),
    ]);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringMatching(/Say which command[\s\S]*Usage:/) });
    expect(option).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option --bogus/) });
    expect(noOut).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --out FILE/) });
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage:/) });
  });
});

describe('language', () => {
  it('LANG=es gives Spanish messages, Spanish dates and numbers; the JSON stays the same', SLOW, async () => {
    const es = await cli(['summary', '--week', WEEK, '--data-dir', dataDir], { LANG: 'es_ES.UTF-8' });
    expect(es.code).toBe(0);
    const s = createCompanion({ dataDir }).weeklySummary(MONDAY);
    expect(es.stdout.split('\n')[0]).toMatch(/^Resumen semanal de Movesnack: 2026-W46 \(lun,? 9 nov\.? – dom,? 15 nov\.? 2026\)$/);
    expect(es.stdout).toMatch(new RegExp(`^Sentado +\\d+ h( \\d+ min)? en ${s.stretchCount} periodos sentado`, 'm'));
    expect(es.stdout).toMatch(new RegExp(`^Pausas +${s.breaks.due} previstas: ${s.breaks.taken} hechas`, 'm'));
    expect(es.stdout).toMatch(/^Registros +\d+: dolor [\d,]+–[\d,]+ sobre 10/m);
    expect(es.stdout).not.toMatch(/Breaks|Sitting|Check-ins|undefined|NaN/);
    const [json, jsonEs] = await Promise.all([
      cli(['summary', '--week', WEEK, '--json', '--data-dir', dataDir]),
      cli(['summary', '--week', WEEK, '--json', '--data-dir', dataDir], { LANG: 'es_ES.UTF-8' }),
    ]);
    expect(jsonEs.stdout).toBe(json.stdout);
  });

  it('errors and usage follow LC_ALL over LANG (German), and an unsupported locale falls back to English', SLOW, async () => {
    const gone = path.join(outDir, 'nirgends');
    const de = await cli(['summary', '--data-dir', gone], { LANG: 'fr_FR.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(de).toMatchObject({ code: 1, stderr: `movesnack: Kein Movesnack-Datenordner unter ${gone}. Starte Movesnack einmal oder gib --data-dir an.\n` });
    const fr = await cli([], { LANG: 'fr_FR.UTF-8' });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toMatch(/^movesnack: Indiquez une commande : summary ou export\.\n\nUtilisation :/);
    // A damaged month: the note and the engine's warning, both in German.
    const damaged = tmp('movesnack-cli-beschaedigt-');
    fs.cpSync(dataDir, damaged, { recursive: true });
    const month = fs.readdirSync(path.join(damaged, 'history')).sort()[0]!;
    fs.writeFileSync(path.join(damaged, 'history', month), '{ not json');
    const partial = await cli(['summary', '--week', WEEK, '--json', '--data-dir', damaged], { LANG: 'de_DE.UTF-8' });
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/^Hinweis: Eine Datei im Datenordner konnte nicht vollständig gelesen werden/);
    expect(partial.stderr).toMatch(new RegExp(`^  - Der Verlauf für ${month.slice(0, 7)} konnte nicht gelesen werden`, 'm'));
    fs.rmSync(damaged, { recursive: true, force: true });
    const ja = await cli(['--help'], { LANG: 'ja_JP.UTF-8' });
    expect(ja.stdout).toMatch(/^Usage:/);
  });

  it('the bin wrapper runs the same command in a child process, with its exit code (LANG=de)', { timeout: 120_000 }, async () => {
    const result = await spawnCli(['summary', '--nope'], { LANG: 'de_DE.UTF-8' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^movesnack: Unbekannte Option --nope\.\n\nAufruf:/);
  });
});
