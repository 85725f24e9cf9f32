/**
 * The home program's exercise library (issue 14 item 1).
 *
 * Facts (which moves, their order, their dose) come from the physical therapist's roadmap in
 * shared/seed/back-pain-roadmap.txt ("Sample therapeutic exercise progressions"); every cue and
 * caution is written in our own words. Rules the tests hold it to (tests/shared/program-exercises.test.ts):
 * - each exercise sits in one chain; `previous`/`next` link the chain in order of `level`, with
 *   no gaps and no loops, and every step after the first changes exactly one `variable`;
 * - every floor move carries `floor.get-down` (lying moves say a firm bed is fine); loaded moves
 *   carry a weight caution, direction moves a stop-if-it-spreads one; floor moves are never
 *   offered at the desk;
 * - a direction-tagged move matches one direction only; nerve glides are for leg symptoms.
 */

export const LANES = ['calm', 'control', 'capacity'] as const;
export type Lane = (typeof LANES)[number];

/** What one step up a chain changes (the seed: "range, resistance, or complexity, one variable at a time"). */
export const PROGRESS_VARIABLES = ['range', 'resistance', 'complexity'] as const;
export type ProgressVariable = (typeof PROGRESS_VARIABLES)[number];

export type Dose =
  | { kind: 'reps'; min: number; max: number; perSide: boolean }
  | { kind: 'holds'; seconds: number; reps: number }
  | { kind: 'time'; minMinutes: number; maxMinutes: number }
  | { kind: 'distance'; metres: number; perSide: boolean };

/**
 * Short cautions shown with floor, direction, nerve and loaded moves (text in shared/program/messages.ts).
 * A move may carry several; every floor move carries `floor.get-down`.
 */
export const CAUTION_CODES = ['floor.get-down', 'direction.leg-spread', 'loaded.start-light', 'loaded.calm-only', 'nerve.light-tension'] as const;
export type CautionCode = (typeof CAUTION_CODES)[number];

export interface ProgramExercise {
  id: string;
  name: string;
  lane: Lane;
  /** The progression chain this move belongs to, and its place in it (1 = the first step). */
  chain: string;
  level: number;
  /** Done lying or kneeling on the floor: never offered at the desk. */
  floor: boolean;
  /** Uses a weight: offered, and served, only while symptoms are calm (else its unloaded form). */
  loaded: boolean;
  sides: 'both' | 'left-right';
  dose: Dose;
  /** What this step changes from the previous one in its chain; null for a chain's first step. */
  variable: ProgressVariable | null;
  previous: string | null;
  next: string | null;
  /** Extension or flexion bias, for moves chosen by direction preference; null for neutral moves. */
  direction: 'extension' | 'flexion' | null;
  /** A nerve glide: offered only to people with leg symptoms. */
  forLegSymptoms: boolean;
  cues: readonly string[];
  /** Every caution the move carries, in the order to show them. */
  cautions: readonly CautionCode[];
  /**
   * The move's most specific caution (direction, nerve or weight; else the floor one), or null.
   * Kept for screens that show one caution; new code reads `cautions`.
   */
  caution: CautionCode | null;
  /** Key of the animated figure the UI will draw (figures come later). */
  pose: string;
}

type Entry = Omit<ProgramExercise, 'level' | 'previous' | 'next' | 'chain' | 'caution'>;

/** A chain in order; level, previous and next are derived from the order. */
function chain(name: string, steps: Entry[]): ProgramExercise[] {
  return steps.map((step, i) => ({
    ...step,
    caution: step.cautions.find((c) => c !== 'floor.get-down') ?? step.cautions[0] ?? null,
    chain: name,
    level: i + 1,
    previous: i === 0 ? null : steps[i - 1]!.id,
    next: i === steps.length - 1 ? null : steps[i + 1]!.id,
  }));
}

const reps = (min: number, max: number, perSide = false): Dose => ({ kind: 'reps', min, max, perSide });

export const PROGRAM_EXERCISES: readonly ProgramExercise[] = [
  // ---------------------------------------------------------------- calm: settle things down
  ...chain('breathing', [
    {
      id: 'breathing-knees-supported',
      name: 'Belly breathing, knees propped',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: { kind: 'time', minMinutes: 2, maxMinutes: 3 },
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['Lie on your back on the floor or a firm bed, a pillow or cushion under your knees', 'Let your ribs widen as you breathe in', 'Make each out-breath slow and long'],
      cautions: ['floor.get-down'],
      pose: 'supine-breathing',
    },
  ]),
  ...chain('pelvic-tilt', [
    {
      id: 'pelvic-tilt-small',
      name: 'Small pelvic tilts',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: reps(10, 15),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['On your back (floor or firm bed), knees bent, feet flat', 'Rock your pelvis a little: press the low back down, then ease it off', 'Keep the movement small and slow'],
      cautions: ['floor.get-down'],
      pose: 'pelvic-tilt',
    },
    {
      id: 'pelvic-tilt',
      name: 'Pelvic tilts, fuller rock',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: reps(10, 15),
      variable: 'range',
      direction: null,
      forLegSymptoms: false,
      cues: ['Flatten your low back into the floor, then let it curve gently up', 'Go only as far as stays comfortable', 'Slow both ways; no bouncing'],
      cautions: ['floor.get-down'],
      pose: 'pelvic-tilt',
    },
  ]),
  ...chain('hook-lying-march', [
    {
      id: 'hook-lying-march',
      name: 'Lying marches',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'left-right',
      dose: reps(10, 10, true),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['On your back (floor or firm bed), knees bent, feet flat: gently draw your lower belly in first', 'Lift one foot a few centimetres, set it down, then the other', 'Smooth and unhurried beats fast'],
      cautions: ['floor.get-down'],
      pose: 'hook-lying-march',
    },
  ]),
  ...chain('extension-ease', [
    {
      id: 'prone-on-elbows',
      name: 'Resting on your elbows, face down',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: { kind: 'holds', seconds: 30, reps: 3 },
      variable: null,
      direction: 'extension',
      forLegSymptoms: false,
      cues: ['Lie on your front and prop yourself on your forearms', 'Let your belly and hips stay heavy on the floor', 'Stay for a few slow breaths; it should feel no worse. If pain builds or travels down your leg, lie flat again'],
      cautions: ['floor.get-down', 'direction.leg-spread'],
      pose: 'prone-elbows',
    },
    {
      id: 'press-up',
      name: 'Gentle press-ups, hips down',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: reps(8, 10),
      variable: 'range',
      direction: 'extension',
      forLegSymptoms: false,
      cues: ['Hands under your shoulders, press your chest up while your hips stay down', 'Rise only as high as feels easy, then lower slowly', 'Keep your low back and seat relaxed while your arms do the lifting'],
      cautions: ['floor.get-down', 'direction.leg-spread'],
      pose: 'prone-press-up',
    },
  ]),
  ...chain('flexion-ease', [
    {
      id: 'hands-to-thighs-tilt',
      name: 'Hands-to-thighs tilt hold',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: { kind: 'holds', seconds: 10, reps: 5 },
      variable: null,
      direction: 'flexion',
      forLegSymptoms: false,
      cues: [
        'On your back (floor or firm bed), knees bent, hands resting on your thighs; head and shoulders stay down',
        'Tuck your tailbone so your low back flattens, pressing your hands lightly into your thighs',
        'Hold, breathe, and let go slowly',
      ],
      cautions: ['floor.get-down', 'direction.leg-spread'],
      pose: 'hands-to-thighs-tilt',
    },
    {
      id: 'knee-to-chest',
      name: 'Knee to chest',
      lane: 'calm',
      floor: true,
      loaded: false,
      sides: 'left-right',
      dose: { kind: 'holds', seconds: 20, reps: 3 },
      variable: 'range',
      direction: 'flexion',
      forLegSymptoms: false,
      cues: ['On your back (floor or firm bed), hold behind one thigh and draw that knee towards your chest', 'Stop where you feel a mild stretch, not a pull', 'Swap legs; keep the other foot on the floor'],
      cautions: ['floor.get-down', 'direction.leg-spread'],
      pose: 'knee-to-chest',
    },
  ]),
  ...chain('nerve-glide', [
    {
      id: 'nerve-glide-seated',
      name: 'Seated nerve glide',
      lane: 'calm',
      floor: false,
      loaded: false,
      sides: 'left-right',
      dose: reps(8, 10, true),
      variable: null,
      direction: null,
      forLegSymptoms: true,
      cues: [
        'Sit tall; straighten one knee as you look up, bend it as you look down',
        'Keep the tension faint: about 2 or 3 out of 10, never more',
        'Glide smoothly; never hold at the end or yank',
        'Work the side with symptoms; the other side is up to you',
      ],
      cautions: ['nerve.light-tension'],
      pose: 'seated-nerve-glide',
    },
  ]),
  // ---------------------------------------------------------------- control: motion and control
  ...chain('side-lying-abduction', [
    {
      id: 'side-lying-hip-abduction',
      name: 'Side-lying leg lift',
      lane: 'control',
      floor: true,
      loaded: false,
      sides: 'left-right',
      dose: reps(8, 12, true),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['Lie on your side with your hips stacked one above the other', 'Lift the top leg a little, heel leading, without rolling back', 'Feel the side of the hip work'],
      cautions: ['floor.get-down'],
      pose: 'side-lying-abduction',
    },
  ]),
  ...chain('dead-bug', [
    {
      id: 'dead-bug-heel-tap',
      name: 'Dead bug heel taps',
      lane: 'control',
      floor: true,
      loaded: false,
      sides: 'left-right',
      dose: reps(6, 10, true),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['On your back, arms up to the ceiling; bring your knees up over your hips one leg at a time', 'Lower one heel to tap the floor, bring it back, then the other', 'Ribs soft and down; keep breathing'],
      cautions: ['floor.get-down'],
      pose: 'dead-bug-heel-tap',
    },
    {
      id: 'dead-bug-opposite',
      name: 'Dead bug, opposite arm and leg',
      lane: 'control',
      floor: true,
      loaded: false,
      sides: 'left-right',
      dose: reps(6, 10, true),
      variable: 'complexity',
      direction: null,
      forLegSymptoms: false,
      cues: ['Reach one arm back overhead as the opposite leg lowers', 'Come back to the middle, then switch', 'Keep your low back resting where it started; if it lifts, make the reach smaller'],
      cautions: ['floor.get-down'],
      pose: 'dead-bug-opposite',
    },
  ]),
  ...chain('bridge', [
    {
      id: 'bridge-two-leg',
      name: 'Bridge',
      lane: 'control',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: reps(8, 12),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['On your back, knees bent, weight even through both feet', 'Squeeze your seat and lift your hips until shoulders, hips and knees line up, no higher', 'Lower slowly'],
      cautions: ['floor.get-down'],
      pose: 'bridge',
    },
    {
      id: 'bridge-band',
      name: 'Bridge with a band at the knees',
      lane: 'control',
      floor: true,
      loaded: false,
      sides: 'both',
      dose: reps(8, 12),
      variable: 'resistance',
      direction: null,
      forLegSymptoms: false,
      cues: ['Loop a band just above your knees', 'Press the knees gently out against it as you lift', 'Hips lift level; no arching at the top'],
      cautions: ['floor.get-down'],
      pose: 'bridge-band',
    },
    {
      id: 'bridge-single-leg',
      name: 'Single-leg bridge',
      lane: 'control',
      floor: true,
      loaded: false,
      sides: 'left-right',
      dose: reps(6, 10, true),
      variable: 'resistance',
      direction: null,
      forLegSymptoms: false,
      cues: ['One foot on the floor, the other knee lifted', 'Push through the planted heel and keep the hips level', 'Only if both-leg bridges feel easy and comfortable'],
      cautions: ['floor.get-down'],
      pose: 'bridge-single-leg',
    },
  ]),
  ...chain('bird-dog', [
    {
      id: 'bird-dog',
      name: 'Bird-dog',
      lane: 'control',
      floor: true,
      loaded: false,
      sides: 'left-right',
      dose: reps(6, 10, true),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['On hands and knees, reach one arm forward and the opposite leg back', 'Reach out along the floor rather than up: fingertips forward, heel back', 'No twisting; come back slowly and switch'],
      cautions: ['floor.get-down'],
      pose: 'bird-dog',
    },
  ]),
  // ---------------------------------------------------------------- capacity: build strength
  ...chain('hip-hinge', [
    {
      id: 'hip-hinge-dowel',
      name: 'Hip hinge with a stick',
      lane: 'capacity',
      floor: false,
      loaded: false,
      sides: 'both',
      dose: reps(8, 12),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: [
        'Hold a broom handle along your spine, one hand behind your neck and one at the small of your back',
        'Soften the knees and push your hips back; head, upper back and tailbone stay on the stick',
        'Go only as far as all three stay in touch, then stand tall',
      ],
      cautions: [],
      pose: 'hip-hinge-dowel',
    },
    {
      id: 'hip-hinge-loaded',
      name: 'Hip hinge holding a weight',
      lane: 'capacity',
      floor: false,
      loaded: true,
      sides: 'both',
      dose: reps(6, 8),
      variable: 'resistance',
      direction: null,
      forLegSymptoms: false,
      cues: [
        'Start with the weight on a chair seat in front of you, not on the floor',
        'Hinge to pick it up: hips back, back long, the weight close to your legs',
        'Breathe out as you stand tall; stop well before you tire',
      ],
      cautions: ['loaded.calm-only'],
      pose: 'hip-hinge-loaded',
    },
  ]),
  ...chain('split-squat', [
    {
      id: 'split-squat',
      name: 'Split squat',
      lane: 'capacity',
      floor: false,
      loaded: false,
      sides: 'left-right',
      dose: reps(6, 10, true),
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['Stand with one foot well in front of the other; hold a wall if you like', 'Lower the back knee towards the floor only as far as is comfortable, then rise', 'Keep your pelvis level and facing forward'],
      cautions: [],
      pose: 'split-squat',
    },
    {
      id: 'reverse-lunge',
      name: 'Reverse lunge',
      lane: 'capacity',
      floor: false,
      loaded: false,
      sides: 'left-right',
      dose: reps(6, 10, true),
      variable: 'complexity',
      direction: null,
      forLegSymptoms: false,
      cues: [
        'Step one foot back and lower into the split position',
        'Push through the front foot to come back up',
        'Tall through the trunk; take your time',
        'Hold a wall or chair if your balance wobbles',
      ],
      cautions: [],
      pose: 'reverse-lunge',
    },
  ]),
  ...chain('carry', [
    {
      id: 'suitcase-carry',
      name: 'One-hand carry',
      lane: 'capacity',
      floor: false,
      loaded: true,
      sides: 'left-right',
      dose: { kind: 'distance', metres: 20, perSide: true },
      variable: null,
      direction: null,
      forLegSymptoms: false,
      cues: ['Take a bag or weight from a table or chair in one hand', 'Walk tall without leaning towards it or away from it', 'Swap hands and walk back'],
      cautions: ['loaded.start-light'],
      pose: 'suitcase-carry',
    },
  ]),
];

const BY_ID = new Map(PROGRAM_EXERCISES.map((e) => [e.id, e]));
export const programExerciseById = (id: string): ProgramExercise | undefined => BY_ID.get(id);
export const PROGRAM_EXERCISE_IDS: readonly string[] = PROGRAM_EXERCISES.map((e) => e.id);

export const laneIndex = (lane: Lane): number => LANES.indexOf(lane);

/** The chain of an exercise, first step first. */
export function chainOf(id: string): ProgramExercise[] {
  const exercise = BY_ID.get(id);
  if (!exercise) return [];
  return PROGRAM_EXERCISES.filter((e) => e.chain === exercise.chain).sort((a, b) => a.level - b.level);
}

/** Who a desk break borrows for: nerve glides only with leg symptoms, no move from a lane ahead. */
export interface DeskBreakFit {
  legSymptoms: boolean;
  lane: Lane;
}

/**
 * Desk breaks never use floor moves (and never weights). Given who it is for, they also skip the
 * nerve glide without leg symptoms and moves from a lane the user has not reached.
 */
export function eligibleForDeskBreak(exercise: ProgramExercise, fit?: DeskBreakFit): boolean {
  if (exercise.floor || exercise.loaded) return false;
  if (!fit) return !exercise.forLegSymptoms && exercise.lane === 'calm';
  return (!exercise.forLegSymptoms || fit.legSymptoms) && laneIndex(exercise.lane) <= laneIndex(fit.lane);
}

/** The moves a desk break may borrow from the library (the calm lane, no nerve glide, unless told who it is for). */
export function deskBreakExercises(fit?: DeskBreakFit): ProgramExercise[] {
  return PROGRAM_EXERCISES.filter((e) => eligibleForDeskBreak(e, fit));
}
