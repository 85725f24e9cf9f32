/**
 * Finding the user's direction of movement with them (DESIGN.md "Clinical content rules":
 * unsure users try each direction, are asked, and the app learns from the answers).
 *
 * The idea is the McKenzie-style directional preference the seed describes: some backs ease
 * with bending back (extension), some with rounding (flexion). An "unsure" user gets routines
 * of each direction in turn; after each one the usual "better / same / worse" answer is the
 * test. Pure: the engine passes the break history, the renderer asks the same function to say
 * what was found.
 */
import type { Feeling } from './history';
import { exerciseById, routineById } from './routines';

export type Direction = 'extension' | 'flexion';
export const DIRECTIONS: readonly Direction[] = ['extension', 'flexion'];

/** The part of a break record this needs (shared/history.ts BreakRecord fits). */
export interface BreakFeeling {
  routineId: string | null;
  feeling: Feeling | null;
}

export interface Tally {
  better: number;
  same: number;
  worse: number;
}

/** Answers per direction before anything is concluded. */
export const TRIALS_PER_DIRECTION = 3;
/** Only the most recent answers count, so an old flare does not decide forever. */
export const DIRECTION_WINDOW = 30;
/** A direction with this many "worse" answers (and more worse than better) is not offered again while finding. */
export const RULE_OUT_WORSE = 2;

export type DirectionFinding =
  /** Still trying: `next` is the direction to offer next. */
  | { status: 'trying'; next: Direction; tally: Record<Direction, Tally> }
  /** One direction helped clearly more than the other. */
  | { status: 'found'; direction: Direction; tally: Record<Direction, Tally> }
  /** Both felt about the same (and neither worse): both are fine, they keep taking turns. */
  | { status: 'both'; next: Direction; tally: Record<Direction, Tally> }
  /** Both felt worse: only neutral moves from now on. */
  | { status: 'neither'; tally: Record<Direction, Tally> };

/** The direction a routine leans, from its steps (the catalogue never mixes the two). */
export function directionOf(routineId: string | null): Direction | null {
  const routine = routineId ? routineById(routineId) : undefined;
  if (!routine) return null;
  for (const step of routine.steps) {
    const bias = exerciseById(step.exerciseId)?.bias;
    if (bias === 'extension' || bias === 'flexion') return bias;
  }
  return null;
}

const answered = (t: Tally) => t.better + t.same + t.worse;
/** +1 per better, −1 per worse, over the answers: from −1 (always worse) to +1 (always better). */
const score = (t: Tally) => (answered(t) ? (t.better - t.worse) / answered(t) : 0);
const ruledOut = (t: Tally) => t.worse >= RULE_OUT_WORSE && t.worse > t.better;

/** Counts the answers per direction over the last DIRECTION_WINDOW answered directional breaks. */
export function tallyDirections(breaks: readonly BreakFeeling[]): Record<Direction, Tally> {
  const tally: Record<Direction, Tally> = {
    extension: { better: 0, same: 0, worse: 0 },
    flexion: { better: 0, same: 0, worse: 0 },
  };
  const counted = breaks
    .map((b) => ({ direction: directionOf(b.routineId), feeling: b.feeling }))
    .filter((b): b is { direction: Direction; feeling: Feeling } => b.direction !== null && b.feeling !== null)
    .slice(-DIRECTION_WINDOW);
  for (const b of counted) tally[b.direction][b.feeling]++;
  return tally;
}

/**
 * What the answers say so far (`breaks` oldest first):
 * - a direction is ruled out after RULE_OUT_WORSE "worse" answers that outnumber its "better" ones;
 * - both ruled out: `neither`;
 * - one ruled out and the other has TRIALS_PER_DIRECTION answers with more better than worse: `found`;
 * - both have TRIALS_PER_DIRECTION answers: `found` when one scores at least 0.5 higher (the
 *   score is (better − worse) / answers) and above zero; otherwise `both` when neither is below
 *   zero, else the higher one is `found` if above zero, else `neither`;
 * - otherwise `trying`, next the direction with fewer answers (ties: the one not tried last).
 * Hand-worked examples are in tests/shared/routines.test.ts.
 */
export function findDirection(breaks: readonly BreakFeeling[]): DirectionFinding {
  const tally = tallyDirections(breaks);
  const ext = tally.extension;
  const flex = tally.flexion;
  const outExt = ruledOut(ext);
  const outFlex = ruledOut(flex);
  if (outExt && outFlex) return { status: 'neither', tally };
  for (const [out, other, direction] of [
    [outExt, flex, 'flexion'],
    [outFlex, ext, 'extension'],
  ] as const) {
    if (!out) continue;
    if (answered(other) >= TRIALS_PER_DIRECTION) {
      return score(other) > 0 ? { status: 'found', direction, tally } : { status: 'neither', tally };
    }
    return { status: 'trying', next: direction, tally };
  }
  if (answered(ext) >= TRIALS_PER_DIRECTION && answered(flex) >= TRIALS_PER_DIRECTION) {
    const diff = score(ext) - score(flex);
    const best: Direction = diff >= 0 ? 'extension' : 'flexion';
    const bestScore = Math.max(score(ext), score(flex));
    if (Math.abs(diff) >= 0.5 && bestScore > 0) return { status: 'found', direction: best, tally };
    if (score(ext) >= 0 && score(flex) >= 0) return { status: 'both', next: alternate(breaks), tally };
    return bestScore > 0 ? { status: 'found', direction: best, tally } : { status: 'neither', tally };
  }
  const next: Direction =
    answered(ext) < answered(flex) ? 'extension' : answered(flex) < answered(ext) ? 'flexion' : alternate(breaks);
  return { status: 'trying', next, tally };
}

/** The direction not done last (extension first when there is no history). */
function alternate(breaks: readonly BreakFeeling[]): Direction {
  for (let i = breaks.length - 1; i >= 0; i--) {
    const d = directionOf(breaks[i]!.routineId);
    if (d) return d === 'extension' ? 'flexion' : 'extension';
  }
  return 'extension';
}

const DIRECTION_WORDS: Record<Direction, string> = {
  extension: 'moves that bend your back backwards (like the standing back bend)',
  flexion: 'moves that round your lower back gently (like the pelvic tuck)',
};

/** What was found, in plain words; null while still trying. */
export function describeFinding(finding: DirectionFinding): string | null {
  const t = finding.tally;
  const counts = (d: Direction) => `${t[d].better} better, ${t[d].same} the same and ${t[d].worse} worse`;
  switch (finding.status) {
    case 'trying':
      return null;
    case 'found':
      return `From your answers, ${DIRECTION_WORDS[finding.direction]} suit your back best (${counts(finding.direction)}). Your breaks now lean that way.`;
    case 'both':
      return `From your answers, both directions feel about the same to your back (bending back: ${counts('extension')}; rounding: ${counts('flexion')}). Your breaks keep taking turns.`;
    case 'neither':
      return 'From your answers, neither bending back nor rounding suited your back, so your breaks now stay with neutral moves. It may help to ask a physiotherapist.';
  }
}
