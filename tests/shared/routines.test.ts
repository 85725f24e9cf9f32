import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROFILE, PLAIN_BREAK_ID, type Profile } from '../../shared/profile';
import {
  REOFFER_AFTER_GOOD_RUNS,
  WORSE_SWAP_THRESHOLD,
  applyFeeling,
  applyReoffer,
  applyWorseStep,
  autoRoutines,
  describeFinding,
  directionFindingFor,
  findDirection,
  stepsToReoffer,
  swapsFromWorseCounts,
  swapsInPlay,
  type StepSwaps,
  buildActiveRoutine,
  chooseRoutine,
  effectiveExercise,
  isGentleForLegs,
  isSeatedRoutine,
  offeredRoutines,
  routineBias,
} from '../../shared/routine-selection';
import {
  EXERCISES,
  ExerciseSchema,
  PLAIN_ROUTINE,
  ROUTINES,
  ROUTINE_SECONDS,
  RoutineSchema,
  exerciseById,
  routineById,
  type Exercise,
  type Routine,
} from '../../shared/routines';
import { FIGURES, figureCss, ILLUSTRATION_KEYS } from '../../renderer/illustrations/poses';
import { rig, type Rig } from '../core/harness';

const profileOf = (patch: Partial<Profile>): Profile => ({ ...DEFAULT_PROFILE, ...patch });
const PREFS = ['extension', 'flexion', 'unsure'] as const;
const ALL_PROFILES: Profile[] = PREFS.flatMap((directionalPreference) =>
  [true, false].flatMap((canStand) =>
    [true, false].map((legSymptoms) => profileOf({ directionalPreference, canStand, legSymptoms })),
  ),
);
const describeProfile = (p: Profile) =>
  `${p.directionalPreference}, ${p.canStand ? 'can stand' : 'cannot stand'}, ${p.legSymptoms ? 'leg symptoms' : 'no leg symptoms'}`;

/** Every exercise from `start` along its gentler chain (start included). */
function chain(start: Exercise): Exercise[] {
  const out = [start];
  const seen = new Set([start.id]);
  let current = start;
  while (current.gentlerId !== null) {
    const next = exerciseById(current.gentlerId);
    if (!next) throw new Error(`${current.id} names a missing gentler exercise "${current.gentlerId}"`);
    if (seen.has(next.id)) throw new Error(`gentler chain loops at ${next.id}`);
    seen.add(next.id);
    out.push(next);
    current = next;
  }
  return out;
}

const stepExercises = (r: Routine) => r.steps.map((s) => exerciseById(s.exerciseId)!);
const hasBackBend = (r: Routine) => stepExercises(r).some((e) => e.bias === 'extension');

/** Plays `count` automatic breaks the way the engine does (it passes at most the last 12 routine ids). */
function playBreaks(profile: Profile, count: number, preference = 'auto'): Routine[] {
  const history: string[] = [];
  const out: Routine[] = [];
  for (let i = 0; i < count; i++) {
    const r = chooseRoutine(profile, preference, history.slice(-12));
    out.push(r);
    history.push(r.id);
  }
  return out;
}

describe('catalogue', () => {
  it('validates with the zod schemas and has unique ids', () => {
    for (const e of EXERCISES) expect(() => ExerciseSchema.parse(e), e.id).not.toThrow();
    for (const r of ROUTINES) expect(() => RoutineSchema.parse(r), r.id).not.toThrow();
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    expect(new Set(ROUTINES.map((r) => r.id)).size).toBe(ROUTINES.length);
  });

  it('has at least 8 routines of exactly 60 seconds, made of timed steps', () => {
    expect(ROUTINES.length).toBeGreaterThanOrEqual(8);
    for (const r of ROUTINES) {
      expect(
        r.steps.reduce((sum, s) => sum + s.seconds, 0),
        r.id,
      ).toBe(ROUTINE_SECONDS);
      expect(r.steps.length, r.id).toBeGreaterThanOrEqual(2);
      for (const s of r.steps) expect(s.seconds, `${r.id}/${s.exerciseId}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('splits two-sided steps evenly, with at least 10 seconds a side', () => {
    for (const r of ROUTINES)
      for (const s of r.steps)
        if (exerciseById(s.exerciseId)!.sides) {
          expect(s.seconds % 2, `${r.id}/${s.exerciseId}`).toBe(0);
          expect(s.seconds / 2).toBeGreaterThanOrEqual(10);
        }
  });

  it('keeps the ids the engine and its tests rely on', () => {
    expect(routineById('classic-snack')).toBeDefined();
    expect(routineById('classic-wall-angel')).toBeDefined();
    expect(routineById('meeting-safe')).toBeDefined();
  });

  it('includes every routine the issue asks for', () => {
    const ids = (id: string) => routineById(id)!.steps.map((s) => s.exerciseId);
    // The classic snack from the seed: marching, hip hinges without weight, then a back bend or a wall angel.
    expect(ids('classic-snack')).toEqual(['march-in-place', 'hip-hinge', 'standing-back-bend']);
    expect(ids('classic-wall-angel')).toEqual(['march-in-place', 'hip-hinge', 'wall-angel']);
    const kinds = new Set(ROUTINES.map((r) => r.kind));
    for (const kind of ['classic', 'extension', 'flexion', 'seated', 'hips', 'reset', 'nerve-glide'] as const)
      expect(kinds, kind).toContain(kind);
    expect(ROUTINES.filter((r) => r.kind === 'extension').every(hasBackBend)).toBe(true);
    expect(ROUTINES.some((r) => r.kind === 'flexion' && ids(r.id).includes('pelvic-tilt-standing'))).toBe(true);
    expect(isSeatedRoutine(routineById('meeting-safe')!)).toBe(true);
    expect(ids('ribs-reset')).toContain('ribs-over-pelvis');
  });

  it('keeps nerve glides gentle: seated, and cues that keep the pull around 2–3 out of 10, never pain', () => {
    const glides = ROUTINES.filter((r) => r.kind === 'nerve-glide');
    expect(glides.length).toBeGreaterThan(0);
    for (const r of glides) {
      const glide = stepExercises(r).find((e) => e.id.includes('nerve'))!;
      expect(glide).toBeDefined();
      const cues = glide.cues.join(' ');
      expect(cues).toMatch(/2 or 3 out of 10/);
      expect(cues).toMatch(/never pain/);
      expect(isSeatedRoutine(r)).toBe(true);
    }
  });

  it('never mixes bending back and rounding in one routine', () => {
    for (const r of ROUTINES) {
      const biases = new Set(stepExercises(r).map((e) => e.bias));
      expect(biases.has('extension') && biases.has('flexion'), r.id).toBe(false);
    }
  });

  it('gives every exercise 2–3 short cues', () => {
    for (const e of EXERCISES) {
      expect(e.cues.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.cues.length, e.id).toBeLessThanOrEqual(3);
      for (const cue of e.cues) expect(cue.length, `${e.id}: ${cue}`).toBeLessThanOrEqual(90);
    }
  });
});

describe('steps: alternatives and illustrations', () => {
  const used = new Set(ROUTINES.flatMap((r) => r.steps.map((s) => s.exerciseId)));

  it('every step names an existing exercise with a gentler alternative', () => {
    for (const id of used) {
      const e = exerciseById(id);
      expect(e, id).toBeDefined();
      expect(e!.gentlerId, id).not.toBeNull();
      expect(exerciseById(e!.gentlerId!), `${id} -> ${e!.gentlerId}`).toBeDefined();
    }
  });

  it('gentler chains end, never loop, and only the very gentlest has no alternative', () => {
    const ends = new Set<string>();
    for (const e of EXERCISES) ends.add(chain(e).at(-1)!.id);
    expect([...ends]).toEqual(['rest']);
    expect(EXERCISES.filter((e) => e.gentlerId === null).map((e) => e.id)).toEqual(['rest']);
    expect(used.has('rest')).toBe(false);
  });

  it('a gentler move never stands up a seated user or brings in a direction the original did not have', () => {
    for (const e of EXERCISES)
      for (const g of chain(e).slice(1)) {
        if (e.posture === 'seated') expect(g.posture, `${e.id} -> ${g.id}`).toBe('seated');
        expect(['neutral', e.bias], `${e.id} -> ${g.id}`).toContain(g.bias);
      }
  });

  it('every exercise has its own animated figure in renderer/illustrations', () => {
    for (const e of EXERCISES) expect(ILLUSTRATION_KEYS, e.id).toContain(e.illustration);
    expect(new Set(EXERCISES.map((e) => e.illustration)).size).toBe(EXERCISES.length);
    // And the figures' stylesheet (generated at build time from the poses) animates each one.
    const css = figureCss();
    for (const e of EXERCISES)
      if (FIGURES.find((f) => f.key === e.illustration)!.frames.length > 1)
        expect(css, e.id).toContain(`.ms-fig--${e.illustration} {`);
  });
});

describe('choosing the routine', () => {
  it.each(ALL_PROFILES.map((p) => [describeProfile(p), p] as const))(
    '%s: fits the profile over 12 breaks',
    (_, profile) => {
      const picks = playBreaks(profile, 12);
      for (const r of picks) {
        expect(r.kind, r.id).not.toBe('nerve-glide');
        if (!profile.canStand) expect(isSeatedRoutine(r), r.id).toBe(true);
        else expect(isSeatedRoutine(r), r.id).toBe(false);
        if (profile.directionalPreference === 'flexion') expect(hasBackBend(r), r.id).toBe(false);
        if (profile.directionalPreference === 'extension') expect(routineBias(r), r.id).not.toBe('flexion');
      }
      // Rotation: never the same routine twice in a row, and not the same few every time.
      for (let i = 1; i < picks.length; i++) expect(picks[i]!.id, `break ${i}`).not.toBe(picks[i - 1]!.id);
      expect(new Set(picks.map((r) => r.id)).size).toBeGreaterThanOrEqual(
        profile.canStand ? (profile.legSymptoms ? 3 : 4) : 2,
      );
      // Leg symptoms: the automatic picks really are the gentle ones the first run promises.
      if (profile.legSymptoms) for (const r of picks) expect(isGentleForLegs(r), r.id).toBe(true);
    },
  );

  it('extension: two breaks in three bend back standing (the back bend), the third is neutral', () => {
    const picks = playBreaks(profileOf({ directionalPreference: 'extension' }), 9);
    expect(picks.map((r) => routineBias(r) ?? 'neutral')).toEqual([
      'extension',
      'extension',
      'neutral',
      'extension',
      'extension',
      'neutral',
      'extension',
      'extension',
      'neutral',
    ]);
    for (const r of picks.filter((p) => routineBias(p) === 'extension'))
      expect(r.steps.map((s) => s.exerciseId)).toContain('standing-back-bend');
    for (const r of picks.filter((p) => routineBias(p) === null))
      expect(['classic-wall-angel', 'hip-opener', 'ribs-reset', 'gentle-wall-angel']).toContain(r.id);
  });

  it('flexion: real flexion-bias moves (tucks, the rounded desk stretch, a knee hug) instead of the back bend', () => {
    const picks = playBreaks(profileOf({ directionalPreference: 'flexion' }), 30);
    expect(picks.some(hasBackBend)).toBe(false);
    const directional = picks.filter((r) => routineBias(r) === 'flexion');
    expect(directional.length).toBe(20);
    for (const r of directional) {
      const ids = r.steps.map((s) => s.exerciseId);
      expect(
        ids.some((id) => ['pelvic-tilt-standing', 'seated-pelvic-tilt', 'seated-knee-to-chest'].includes(id)),
        r.id,
      ).toBe(true);
    }
    const seated = playBreaks(profileOf({ directionalPreference: 'flexion', canStand: false }), 6).map((r) => r.id);
    expect(seated).toContain('flexion-seated');
  });

  it('labels the wall angel an upper-back and shoulder move (neutral), and the flexion moves flexion', () => {
    expect(exerciseById('wall-angel')!.bias).toBe('neutral');
    for (const id of ['pelvic-tilt-standing', 'seated-pelvic-tilt', 'seated-knee-to-chest'])
      expect(exerciseById(id)!.bias, id).toBe('flexion');
    // No routine leans on the wall angel for its direction.
    for (const r of ROUTINES)
      if (r.kind === 'flexion') expect(r.steps.map((s) => s.exerciseId)).not.toContain('wall-angel');
  });

  it('flexion stays free of back bends even after gentler swaps', () => {
    const allWorse = Object.fromEntries(EXERCISES.map((e) => [e.id, WORSE_SWAP_THRESHOLD]));
    for (const profile of ALL_PROFILES.filter((p) => p.directionalPreference === 'flexion'))
      for (const r of offeredRoutines(profile))
        for (const worse of [{}, allWorse, { 'hip-hinge': 2 }, { 'wall-angel': 2, 'march-in-place': 2 }])
          expect(
            buildActiveRoutine(r, worse).steps.some((s) => s.bias === 'extension'),
            r.id,
          ).toBe(false);
  });

  it('unsure: extension and flexion take turns', () => {
    const picks = playBreaks(profileOf({ directionalPreference: 'unsure' }), 12);
    const directions = picks.map((r) => routineBias(r)).filter((b) => b !== null);
    expect(directions.length).toBe(8);
    for (let i = 1; i < directions.length; i++) expect(directions[i]).not.toBe(directions[i - 1]);
    expect(directions[0]).toBe('extension');
  });

  it('unsure: alternates from whatever direction came last, even with neutral breaks in between', () => {
    const unsure = profileOf({ directionalPreference: 'unsure' });
    expect(routineBias(chooseRoutine(unsure, 'auto', ['classic-snack']))).toBe('flexion');
    expect(routineBias(chooseRoutine(unsure, 'auto', ['flexion-ease', 'hip-opener']))).toBe('extension');
    expect(routineBias(chooseRoutine(unsure, 'auto', ['classic-wall-angel', 'hip-opener', 'ribs-reset']))).toBe(
      'extension',
    );
  });

  it("cannot stand: seated routines only, still in the user's direction", () => {
    const ext = playBreaks(profileOf({ directionalPreference: 'extension', canStand: false }), 6);
    expect(ext.every(isSeatedRoutine)).toBe(true);
    expect(ext.map((r) => r.id)).toContain('seated-open-up');
    const flex = playBreaks(profileOf({ directionalPreference: 'flexion', canStand: false }), 6);
    expect(flex.map((r) => r.id)).toContain('meeting-safe');
    expect(flex.some(hasBackBend)).toBe(false);
  });

  it('leg symptoms: nerve glides are offered, never chosen automatically', () => {
    for (const profile of ALL_PROFILES) {
      const offered = offeredRoutines(profile).map((r) => r.kind);
      if (profile.legSymptoms) expect(offered, describeProfile(profile)).toContain('nerve-glide');
      else expect(offered, describeProfile(profile)).not.toContain('nerve-glide');
      expect(autoRoutines(profile).some((r) => r.kind === 'nerve-glide')).toBe(false);
      expect(playBreaks(profile, 20).some((r) => r.kind === 'nerve-glide')).toBe(false);
    }
  });

  it('offers only what fits: seated when the user cannot stand, no back bend for flexion, no rounding for extension', () => {
    for (const profile of ALL_PROFILES) {
      const offered = offeredRoutines(profile);
      expect(offered.length, describeProfile(profile)).toBeGreaterThanOrEqual(2);
      if (!profile.canStand) expect(offered.every(isSeatedRoutine)).toBe(true);
      if (profile.directionalPreference === 'flexion') expect(offered.some(hasBackBend)).toBe(false);
      if (profile.directionalPreference === 'extension')
        expect(offered.some((r) => routineBias(r) === 'flexion')).toBe(false);
    }
    // Standing users may still pick the meeting-safe minute themselves.
    expect(offeredRoutines(profileOf({ directionalPreference: 'unsure' })).map((r) => r.id)).toContain('meeting-safe');
  });

  it('honours a fixed routine the user is offered, and falls back to auto when it does not fit', () => {
    const flexion = profileOf({ directionalPreference: 'flexion' });
    expect(chooseRoutine(flexion, 'flexion-ease', []).id).toBe('flexion-ease');
    expect(hasBackBend(chooseRoutine(flexion, 'classic-snack', []))).toBe(false);
    expect(isSeatedRoutine(chooseRoutine(profileOf({ canStand: false }), 'classic-snack', []))).toBe(true);
    const legs = profileOf({ legSymptoms: true });
    expect(chooseRoutine(legs, 'nerve-glide', []).id).toBe('nerve-glide');
    expect(chooseRoutine(profileOf({ legSymptoms: false }), 'nerve-glide', []).kind).not.toBe('nerve-glide');
    expect(chooseRoutine(flexion, 'no-such-routine', []).kind).not.toBe('nerve-glide');
  });

  it('keeps rotating once the history is longer than what the engine passes in', () => {
    const picks = playBreaks(profileOf({ directionalPreference: 'extension' }), 40).slice(20);
    const neutral = picks.filter((r) => routineBias(r) === null);
    expect(neutral.length).toBeGreaterThanOrEqual(6);
    expect(new Set(picks.map((r) => r.id)).size).toBeGreaterThanOrEqual(4);
  });

  it('ignores unknown ids in the history', () => {
    const r = chooseRoutine(profileOf({ directionalPreference: 'extension' }), 'auto', ['gone-1', 'gone-2']);
    expect(routineBias(r)).toBe('extension');
  });
});

describe('a step rated worse twice', () => {
  const classic = routineById('classic-snack')!;

  it('is swapped for its gentler alternative, once the count reaches two', () => {
    expect(buildActiveRoutine(classic, { 'hip-hinge': 1 }).steps[1]).toMatchObject({
      id: 'hip-hinge',
      swappedFrom: null,
    });
    const swapped = buildActiveRoutine(classic, { 'hip-hinge': 2 });
    expect(swapped.id).toBe('classic-snack');
    expect(swapped.steps[1]).toMatchObject({
      id: 'mini-hinge',
      name: exerciseById('mini-hinge')!.name,
      seconds: 20,
      illustration: 'mini-hinge',
      swappedFrom: 'hip-hinge',
    });
    expect(swapped.steps[0]).toMatchObject({ id: 'march-in-place', swappedFrom: null });
    expect(swapped.steps.reduce((s, x) => s + x.seconds, 0)).toBe(60);
  });

  it('keeps stepping down while the gentler one is rated worse twice too, and stops at the gentlest', () => {
    expect(buildActiveRoutine(classic, { 'hip-hinge': 2, 'mini-hinge': 2 }).steps[1]).toMatchObject({
      id: 'seated-march',
      swappedFrom: 'hip-hinge',
    });
    const everything = Object.fromEntries(EXERCISES.map((e) => [e.id, 5]));
    for (const r of ROUTINES) for (const s of buildActiveRoutine(r, everything).steps) expect(s.id).toBe('rest');
    expect(effectiveExercise(exerciseById('rest')!, everything).id).toBe('rest');
  });

  it('throws a clear error for a routine naming an unknown exercise', () => {
    const broken: Routine = { ...classic, id: 'broken', steps: [{ exerciseId: 'cartwheel', seconds: 60 }] };
    expect(() => buildActiveRoutine(broken, {})).toThrow(/unknown exercise "cartwheel"/);
  });
});

describe('the engine plays the swap, and remembers it across a restart', () => {
  let r: Rig;
  afterEach(async () => {
    await r?.companion.stop();
    vi.useRealTimers();
    fs.rmSync(r.dir, { recursive: true, force: true });
  });

  it('"worse" then which step: swaps that step only, and keeps it after a restart', async () => {
    r = rig();
    const classicIds = ['march-in-place', 'hip-hinge', 'standing-back-bend'];
    r.companion.dispatch({ type: 'break/start', routineId: 'classic-snack' });
    expect(r.companion.getState().routine?.steps.map((s) => s.id)).toEqual(classicIds);
    r.companion.dispatch({ type: 'routine/complete', feeling: 'worse' });
    r.companion.dispatch({ type: 'routine/worse-step', stepId: 'hip-hinge' });

    r.companion.dispatch({ type: 'break/start', routineId: 'classic-snack' });
    expect(r.companion.getState().routine!.steps.map((s) => [s.id, s.swappedFrom])).toEqual([
      ['march-in-place', null],
      ['mini-hinge', 'hip-hinge'],
      ['standing-back-bend', null],
    ]);
    r.companion.dispatch({ type: 'routine/complete', feeling: 'better' });

    const c = await r.restart();
    c.dispatch({ type: 'break/start', routineId: 'classic-snack' });
    expect(c.getState().routine!.steps.map((s) => s.id)).toEqual([
      'march-in-place',
      'mini-hinge',
      'standing-back-bend',
    ]);
  });
});

describe('the plain walking break (the one break allowed before the safety check)', () => {
  it('is a 60-second, one-step, unguided walk with the id the engine uses, and is never picked or offered', () => {
    expect(PLAIN_ROUTINE.id).toBe(PLAIN_BREAK_ID);
    expect(routineById(PLAIN_BREAK_ID)).toBe(PLAIN_ROUTINE);
    expect(RoutineSchema.parse(PLAIN_ROUTINE)).toEqual(PLAIN_ROUTINE);
    expect(PLAIN_ROUTINE.steps).toEqual([{ exerciseId: 'walk-about', seconds: ROUTINE_SECONDS }]);
    expect(exerciseById('walk-about')!.bias).toBe('neutral');
    for (const profile of ALL_PROFILES) {
      expect(offeredRoutines(profile).map((r) => r.id)).not.toContain(PLAIN_BREAK_ID);
      expect(autoRoutines(profile).map((r) => r.id)).not.toContain(PLAIN_BREAK_ID);
      expect(playBreaks(profile, 15).map((r) => r.id)).not.toContain(PLAIN_BREAK_ID);
      expect(chooseRoutine(profile, PLAIN_BREAK_ID, []).id).not.toBe(PLAIN_BREAK_ID);
    }
    expect(buildActiveRoutine(PLAIN_ROUTINE, {}).steps.map((s) => [s.id, s.seconds])).toEqual([['walk-about', 60]]);
  });
});

describe('finding the direction with an unsure user', () => {
  const ext = 'classic-snack'; // bends back
  const flex = 'flexion-ease'; // rounds
  const neutral = 'hip-opener';
  const b = (routineId: string, feeling: 'better' | 'same' | 'worse' | null) => ({ routineId, feeling });

  it('offers each direction in turn while nothing is known', () => {
    expect(findDirection([])).toMatchObject({ status: 'trying', next: 'extension' });
    // One extension answer: flexion has fewer answers, so flexion is next.
    expect(findDirection([b(ext, 'same')])).toMatchObject({ status: 'trying', next: 'flexion' });
    // Neutral and unanswered breaks teach nothing.
    expect(findDirection([b(neutral, 'better'), b(ext, null)])).toMatchObject({ status: 'trying', next: 'flexion' });
  });

  it('finds extension: 3 better of 3 (score (3-0)/3 = 1) against flexion 0 better, 3 same (score 0); 1 - 0 >= 0.5', () => {
    const history = [
      b(ext, 'better'),
      b(flex, 'same'),
      b(ext, 'better'),
      b(flex, 'same'),
      b(ext, 'better'),
      b(flex, 'same'),
    ];
    const found = findDirection(history);
    expect(found).toMatchObject({ status: 'found', direction: 'extension' });
    expect(found.tally).toEqual({
      extension: { better: 3, same: 0, worse: 0 },
      flexion: { better: 0, same: 3, worse: 0 },
    });
    expect(describeFinding(found)).toMatch(/bend your back backwards.*3 better, 0 the same and 0 worse.*lean that way/);
  });

  it('rules a direction out after 2 worse answers, and finds the other after 3 answers with more better than worse', () => {
    // Flexion: worse, worse (2 worse > 0 better): ruled out; extension keeps being offered.
    const h = [b(flex, 'worse'), b(ext, 'same'), b(flex, 'worse')];
    expect(findDirection(h)).toMatchObject({ status: 'trying', next: 'extension' });
    // Extension: same, better, better = score (2-0)/3 > 0: found.
    expect(findDirection([...h, b(ext, 'better'), b(ext, 'better')])).toMatchObject({
      status: 'found',
      direction: 'extension',
    });
  });

  it('says "both" when both feel about the same: ext 1 better 2 same (1/3), flex 1 better 2 same (1/3), difference 0 < 0.5', () => {
    const h = [b(ext, 'better'), b(flex, 'better'), b(ext, 'same'), b(flex, 'same'), b(ext, 'same'), b(flex, 'same')];
    const f = findDirection(h);
    expect(f).toMatchObject({ status: 'both', next: 'extension' });
    expect(describeFinding(f)).toMatch(/both directions feel about the same/);
  });

  it('says "neither" when both are ruled out, and then picks neutral routines only', () => {
    const h = [b(ext, 'worse'), b(flex, 'worse'), b(ext, 'worse'), b(flex, 'worse')];
    expect(findDirection(h).status).toBe('neither');
    const unsure = profileOf({ directionalPreference: 'unsure' });
    const ids = h.map((x) => x.routineId);
    for (let i = 0; i < 6; i++) {
      const r = chooseRoutine(unsure, 'auto', ids, h);
      expect(routineBias(r), r.id).toBeNull();
      ids.push(r.id);
      h.push(b(r.id, 'same'));
    }
  });

  it('chooseRoutine learns: after extension was found, unsure users get extension (two in three), never flexion', () => {
    const unsure = profileOf({ directionalPreference: 'unsure' });
    const history = [b(ext, 'better'), b(flex, 'worse'), b(ext, 'better'), b(flex, 'worse'), b(ext, 'better')];
    const ids = history.map((x) => x.routineId);
    const picks: Routine[] = [];
    for (let i = 0; i < 9; i++) {
      const r = chooseRoutine(unsure, 'auto', ids.slice(-12), history);
      picks.push(r);
      ids.push(r.id);
      history.push(b(r.id, 'better'));
    }
    expect(picks.some((r) => routineBias(r) === 'flexion')).toBe(false);
    expect(picks.filter((r) => routineBias(r) === 'extension').length).toBe(6);
  });

  it('directionFindingFor only applies to unsure users', () => {
    expect(directionFindingFor(profileOf({ directionalPreference: 'flexion' }), [])).toBeNull();
    expect(directionFindingFor(profileOf({ directionalPreference: 'unsure' }), [])?.status).toBe('trying');
  });
});

describe('"which step felt worse": swap that step only, offer it again after good sessions', () => {
  const classic = routineById('classic-snack')!;
  const at = '2026-11-02T10:00:00.000Z';

  it('swaps only the step named, not the whole routine', () => {
    const swaps = applyWorseStep({}, 'hip-hinge', at);
    expect(swaps).toEqual({ 'hip-hinge': { at, goodRuns: 0 } });
    expect(buildActiveRoutine(classic, swaps).steps.map((s) => [s.id, s.swappedFrom])).toEqual([
      ['march-in-place', null],
      ['mini-hinge', 'hip-hinge'],
      ['standing-back-bend', null],
    ]);
    // The gentlest step and unknown ids change nothing.
    expect(applyWorseStep(swaps, 'rest', at)).toBe(swaps);
    expect(applyWorseStep(swaps, 'no-such-step', at)).toBe(swaps);
  });

  it('a worse answer for the gentler step steps down again', () => {
    const swaps = applyWorseStep(applyWorseStep({}, 'hip-hinge', at), 'mini-hinge', at);
    expect(buildActiveRoutine(classic, swaps).steps[1]).toMatchObject({ id: 'seated-march', swappedFrom: 'hip-hinge' });
    expect(swapsInPlay(buildActiveRoutine(classic, swaps), swaps).sort()).toEqual(['hip-hinge', 'mini-hinge']);
  });

  it(`counts good sessions with the swap in play; after ${REOFFER_AFTER_GOOD_RUNS} it is offered again; worse starts over`, () => {
    let swaps: StepSwaps = applyWorseStep({}, 'hip-hinge', at);
    const played = () => buildActiveRoutine(classic, swaps);
    for (let i = 0; i < REOFFER_AFTER_GOOD_RUNS - 1; i++)
      swaps = applyFeeling(swaps, played(), i % 2 ? 'same' : 'better');
    expect(stepsToReoffer(swaps)).toEqual([]);
    swaps = applyFeeling(swaps, played(), 'worse');
    expect(swaps['hip-hinge']!.goodRuns).toBe(0);
    // A routine without the swapped step does not count.
    swaps = applyFeeling(swaps, buildActiveRoutine(routineById('ribs-reset')!, swaps), 'better');
    expect(swaps['hip-hinge']!.goodRuns).toBe(0);
    for (let i = 0; i < REOFFER_AFTER_GOOD_RUNS; i++) swaps = applyFeeling(swaps, played(), 'better');
    expect(stepsToReoffer(swaps)).toEqual(['hip-hinge']);
    // "Not yet": kept, counted again from zero. "Yes": the original step is back.
    const notYet = applyReoffer(swaps, 'hip-hinge', false);
    expect(notYet['hip-hinge']!.goodRuns).toBe(0);
    expect(stepsToReoffer(notYet)).toEqual([]);
    const yes = applyReoffer(swaps, 'hip-hinge', true);
    expect(yes).toEqual({});
    expect(buildActiveRoutine(classic, yes).steps[1]!.id).toBe('hip-hinge');
  });

  it('migrates version-1 worse counts: two or more become a swap, one does not', () => {
    expect(swapsFromWorseCounts({ 'hip-hinge': 2, 'march-in-place': 1 }, at)).toEqual({
      'hip-hinge': { at, goodRuns: 0 },
    });
  });
});
