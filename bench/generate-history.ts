import type { BreakRecord, Checkin, History, Stretch } from '../shared/history';
import { emptyHistory } from '../shared/history';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** A small deterministic random generator, so every run builds the same history. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `weeks` of plausible weekday use ending at `until`: sitting stretches of 15–60 minutes from
 * 09:00, breaks with every outcome, an occasional discomfort report and two check-ins a week.
 */
export function generateHistory(until: Date, weeks: number, seed = 7): History {
  const random = seededRandom(seed);
  const history = emptyHistory();
  const firstDay = new Date(until.getTime() - weeks * 7 * DAY);
  for (let day = new Date(firstDay); day < until; day = new Date(day.getTime() + DAY)) {
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    let t = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9);
    const end = t + 8 * 60 * MIN;
    while (t < end) {
      const length = (15 + Math.floor(random() * 45)) * MIN;
      const discomfort = random() < 0.25 ? t + Math.floor(random() * length) : null;
      const outcome: BreakRecord['outcome'] = random() < 0.6 ? 'taken' : random() < 0.5 ? 'skipped' : 'natural';
      const stretch: Stretch = {
        start: new Date(t).toISOString(),
        end: new Date(t + length).toISOString(),
        endedBy: outcome === 'taken' ? 'routine' : 'natural',
        discomfortAt: discomfort === null ? null : new Date(discomfort).toISOString(),
      };
      history.stretches.push(stretch);
      if (discomfort !== null) history.discomforts.push({ at: stretch.discomfortAt!, inStretch: true });
      if (length >= 30 * MIN || outcome !== 'natural') {
        history.breaks.push({
          dueAt: new Date(t + 30 * MIN).toISOString(),
          outcome,
          at: new Date(Math.max(t + length, t + 30 * MIN) + MIN).toISOString(),
          snoozes: Math.floor(random() * 2),
          routineId: outcome === 'taken' ? 'classic-snack' : null,
          seconds: outcome === 'taken' ? 60 : 0,
          feeling: outcome === 'taken' ? (['better', 'same', 'worse'] as const)[Math.floor(random() * 3)]! : null,
        });
      }
      t += length + (outcome === 'taken' ? 1 : 3 + Math.floor(random() * 10)) * MIN;
    }
    if (weekday === 2 || weekday === 5) {
      const low = Math.floor(random() * 4);
      const checkin: Checkin = {
        at: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 17)).toISOString(),
        painLow: low,
        painHigh: Math.min(10, low + Math.floor(random() * 5)),
        stiffnessMin: Math.floor(random() * 40),
        walkingMin: Math.floor(random() * 60),
        confidence: Math.floor(random() * 11),
        note: random() < 0.3 ? 'Walked to the station without stopping' : '',
      };
      history.checkins.push(checkin);
    }
  }
  return history;
}
