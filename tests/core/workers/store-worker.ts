/**
 * A child process for the reliability tests: a real second Movesnack engine. It reads one JSON
 * command per line on stdin and answers one JSON line on stdout.
 *
 * - {op:'open', id, dir, at}: waits until the wall clock reaches `at` (so two workers start
 *   together), creates a companion on `dir`, answers {id, writer} (writer: it holds the lock).
 * - {op:'finish', id}: saves a check-in whose note names this worker and trial, stops, answers {id, done}.
 * - {op:'write', dir, kind}: writes records through dispatch forever (until killed), printing
 *   {ack: n} after each dispatch returned. Used by the crash-consistency test.
 */
import readline from 'node:readline';
import { createCompanion, type Companion } from '../../../main/core';

const name = process.argv[2] ?? 'worker';
const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const open = new Map<number, Companion>();

function checkin(note: string) {
  return { type: 'checkin/save' as const, checkin: { painLow: 1, painHigh: 2, stiffnessMin: 0, walkingMin: 0, confidence: 5, note } };
}

async function writeForever(dir: string): Promise<void> {
  const c = createCompanion({ dataDir: dir });
  c.start();
  const state = c.getState();
  if (state.warnings.some((w) => /Another Movesnack/.test(w))) {
    out({ error: 'not the writer', warnings: state.warnings });
    return;
  }
  out({ ready: true });
  // Each record gets a distinct time: a check-in and a discomfort report per millisecond at most.
  for (let n = 1; ; n++) {
    if (n % 3 === 0) c.dispatch({ type: 'discomfort/report' });
    else c.dispatch(checkin(`${name}-${n}`));
    out({ ack: n, kind: n % 3 === 0 ? 'discomforts' : 'checkins' });
    const until = Date.now() + 1;
    while (Date.now() < until) {
      // distinct millisecond for the next record
    }
    if (n % 50 === 0) await new Promise((r) => setImmediate(r));
  }
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  void (async () => {
    const cmd = JSON.parse(line) as { op: string; id: number; dir: string; at: number };
    if (cmd.op === 'open') {
      while (Date.now() < cmd.at) {
        // spin: both workers leave this loop within the same millisecond
      }
      const c = createCompanion({ dataDir: cmd.dir });
      open.set(cmd.id, c);
      out({ id: cmd.id, writer: !c.getState().warnings.some((w) => /Another Movesnack/.test(w)) });
    } else if (cmd.op === 'finish') {
      const c = open.get(cmd.id)!;
      open.delete(cmd.id);
      c.dispatch(checkin(`${name}-${cmd.id}`));
      await c.stop();
      out({ id: cmd.id, done: true });
    } else if (cmd.op === 'write') {
      await writeForever(cmd.dir);
    }
  })().catch((error: unknown) => out({ error: String(error) }));
});
out({ hello: name });
