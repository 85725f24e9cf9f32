/** The sitting stretch: opening, closing (one history record) and the first discomfort in it. */
import { nextBreakAt } from './next-break';
import { iso } from './model';
import { arm, promptNotBefore, type Step } from './step';

export function openStretch(t: Step, start: number): void {
  const s = t.s;
  const begin = Math.min(t.now, Math.max(start, s.lastStretchEnd));
  s.stretch = { start: begin, discomfortAt: null };
  s.pending = null;
  s.deadline = nextBreakAt(begin, t.settings.breakIntervalMin, promptNotBefore(t));
  s.awaySince = null;
  s.phase = 'sitting';
  arm(t);
}

export function closeStretch(t: Step, end: number, endedBy: 'routine' | 'natural' | 'quit'): void {
  const s = t.s;
  const stretch = s.stretch;
  if (!stretch) return;
  s.stretch = null;
  // After the clock was set back, never record a stretch overlapping or before the last one.
  const start = Math.max(stretch.start, s.lastStretchEnd);
  const finish = Math.max(end, start);
  const discomfortAt =
    stretch.discomfortAt !== null && stretch.discomfortAt <= finish ? Math.max(stretch.discomfortAt, start) : null;
  t.fx.push({
    kind: 'append',
    collection: 'stretches',
    record: { start: iso(start)!, end: iso(finish)!, endedBy, discomfortAt: iso(discomfortAt) },
  });
  s.lastStretchEnd = finish;
}

/** The first report in a stretch is its event; a report outside a stretch is kept but not counted. */
export function reportDiscomfort(t: Step): void {
  const s = t.s;
  const inStretch = s.stretch !== null && (s.phase === 'sitting' || s.phase === 'due' || s.phase === 'deferred');
  if (inStretch && s.stretch!.discomfortAt === null) s.stretch!.discomfortAt = t.now;
  t.fx.push({ kind: 'append', collection: 'discomforts', record: { at: new Date(t.now).toISOString(), inStretch } });
}
