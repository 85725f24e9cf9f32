/**
 * Figures for the home program's moves (shared/program/exercises.ts `pose`), in the same jointed
 * figure and conventions as poses.ts (viewBox 0 0 200 200, ground at y = 184, side view facing
 * right; angles in degrees, clockwise positive; a limb at 0 hangs down, the trunk at 0 stands up).
 *
 * Floor moves lie on a mat: on the back the trunk is turned to -90 (head to the left, face up),
 * on the front to about +90 (head to the right, face down), on hands and knees to +90 with the
 * limbs under it; side-lying is the front view turned on its side. Standing moves stand.
 *
 * Keys are `program-<pose>` (the standing desk figures already use some of the same words, such as
 * 'pelvic-tilt'); `programFigureKey` maps a pose id to its figure. Two-sided moves are drawn
 * working the near side (the figure's left, as it faces right); the right side is the same figure
 * mirrored (ProgramFigure.tsx).
 *
 * Only types come from poses.ts (poses.ts lists these figures in FIGURES, so a value import would
 * be circular); the few numbers below restate its geometry.
 */
import type { FigureSpec, PoseInput } from './poses';

type Pt = readonly [number, number];
const ANKLE_Y = 180;
const S = (input: Omit<PoseInput, 'base'>): PoseInput => ({ base: 'stand', ...input });

/** The program's pose ids whose figure is an existing one. */
const SHARED_FIGURES: Readonly<Record<string, string>> = { 'seated-nerve-glide': 'nerve-glide' };

/** The figure key for a program exercise's `pose`. */
export const programFigureKey = (pose: string): string => SHARED_FIGURES[pose] ?? `program-${pose}`;

// ------------------------------------------------------------------ on the back
/** Lying on the back: hips low on the mat, head resting (tipped a little so it sits on the floor). */
const BACK = { x: 112, y: 175, torso: -90, chest: 0, head: 14 } as const;
/** Knees bent, feet flat. */
const HOOK = { footAtN: [152, ANKLE_Y] as Pt, footAtF: [148, ANKLE_Y] as Pt };
/** Arms resting beside the body. */
const ARMS_DOWN = { handAtN: [121, 179] as Pt, handAtF: [119, 179] as Pt };

const loop = (a: PoseInput, b: PoseInput, hold = true): (readonly [number, PoseInput])[] =>
  hold
    ? [
        [0, a],
        [0.4, b],
        [0.6, b],
        [1, a],
      ]
    : [
        [0, a],
        [0.5, b],
        [1, a],
      ];

// ------------------------------------------------------------------ hands and knees
const QUAD = { x: 86, y: 134, torso: 92, chest: 0, head: -62 } as const;
const QUAD_LIMBS = {
  footAtN: [48, ANKLE_Y] as Pt,
  footAtF: [44, ANKLE_Y] as Pt,
  handAtN: [130, 182] as Pt,
  handAtF: [126, 182] as Pt,
};

// ------------------------------------------------------------------ standing
const FEET = { footAtN: [104, ANKLE_Y] as Pt, footAtF: [98, ANKLE_Y] as Pt };

export const PROGRAM_FIGURES: readonly FigureSpec[] = [
  {
    key: 'program-supine-breathing',
    label:
      'A figure lying on the back on a mat, knees bent over a cushion, hands on the belly, which rises on the breath in and settles on the long breath out.',
    view: 'side',
    props: ['mat', 'cushion'],
    decos: ['belly', 'air'],
    duration: 6,
    frames: [
      [0, S({ ...BACK, ...HOOK, handAtN: [98, 166], handAtF: [94, 166], elbowOutN: true, elbowOutF: true })],
      [
        0.4,
        S({ ...BACK, ...HOOK, chest: -3, handAtN: [98, 163], handAtF: [94, 163], elbowOutN: true, elbowOutF: true }),
      ],
      [
        0.5,
        S({ ...BACK, ...HOOK, chest: -3, handAtN: [98, 163], handAtF: [94, 163], elbowOutN: true, elbowOutF: true }),
      ],
      [1, S({ ...BACK, ...HOOK, handAtN: [98, 166], handAtF: [94, 166], elbowOutN: true, elbowOutF: true })],
    ],
    still: 1,
  },
  {
    key: 'program-pelvic-tilt',
    label:
      'A figure lying on the back, knees bent and feet flat, gently rocking the pelvis so the low back presses down, then easing off.',
    view: 'side',
    props: ['mat'],
    decos: ['glow'],
    duration: 3.6,
    frames: loop(
      S({ ...BACK, ...HOOK, ...ARMS_DOWN, torso: -92, chest: 2 }),
      S({ ...BACK, ...HOOK, ...ARMS_DOWN, y: 174, torso: -87, chest: -3 }),
    ),
    still: 1,
  },
  {
    key: 'program-hook-lying-march',
    label:
      'A figure lying on the back, knees bent, lifting one foot a little off the mat, setting it down, then the other.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 2.8,
    frames: [
      [0, S({ ...BACK, ...ARMS_DOWN, footAtN: [142, 156], footAtF: [148, ANKLE_Y] })],
      [0.25, S({ ...BACK, ...ARMS_DOWN, ...HOOK })],
      [0.5, S({ ...BACK, ...ARMS_DOWN, footAtN: [152, ANKLE_Y], footAtF: [138, 156] })],
      [0.75, S({ ...BACK, ...ARMS_DOWN, ...HOOK })],
      [1, S({ ...BACK, ...ARMS_DOWN, footAtN: [142, 156], footAtF: [148, ANKLE_Y] })],
    ],
    still: 0,
  },
  {
    key: 'program-hands-to-thighs-tilt',
    label:
      'A figure lying on the back with hands on the thighs, tucking the tailbone so the low back flattens and the hands slide towards the knees, then letting go.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 4,
    frames: loop(
      S({ ...BACK, ...HOOK, handAtN: [124, 158], handAtF: [120, 158] }),
      S({ ...BACK, ...HOOK, torso: -86, chest: 12, head: 22, handAtN: [134, 148], handAtF: [130, 148] }),
    ),
    still: 1,
  },
  {
    key: 'program-knee-to-chest',
    label:
      'A figure lying on the back hugging one knee towards the chest with both hands, the other foot flat on the mat, then lowering it.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 4.5,
    frames: loop(
      S({ ...BACK, ...HOOK, ...ARMS_DOWN }),
      S({
        ...BACK,
        footAtF: [148, ANKLE_Y],
        thighN: 150,
        shinN: 95,
        footN: 0,
        handAtN: [94, 142],
        handAtF: [92, 144],
        elbowOutN: true,
        elbowOutF: true,
      }),
    ),
    still: 1,
  },
  // ------------------------------------------------------------------ face down
  {
    key: 'program-prone-elbows',
    label: 'A figure lying face down on a mat, propped on the forearms, hips and belly resting heavy on the floor.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 6,
    frames: [
      [
        0,
        S({
          x: 94,
          y: 176,
          torso: 88,
          chest: -26,
          head: -40,
          thighN: 90,
          shinN: 0,
          footN: 90,
          thighF: 90,
          shinF: 0,
          footF: 90,
          handAtN: [154, 181],
          handAtF: [150, 181],
        }),
      ],
      [
        0.45,
        S({
          x: 94,
          y: 176,
          torso: 88,
          chest: -30,
          head: -44,
          thighN: 90,
          shinN: 0,
          footN: 90,
          thighF: 90,
          shinF: 0,
          footF: 90,
          handAtN: [154, 181],
          handAtF: [150, 181],
        }),
      ],
      [
        0.55,
        S({
          x: 94,
          y: 176,
          torso: 88,
          chest: -30,
          head: -44,
          thighN: 90,
          shinN: 0,
          footN: 90,
          thighF: 90,
          shinF: 0,
          footF: 90,
          handAtN: [154, 181],
          handAtF: [150, 181],
        }),
      ],
      [
        1,
        S({
          x: 94,
          y: 176,
          torso: 88,
          chest: -26,
          head: -40,
          thighN: 90,
          shinN: 0,
          footN: 90,
          thighF: 90,
          shinF: 0,
          footF: 90,
          handAtN: [154, 181],
          handAtF: [150, 181],
        }),
      ],
    ],
    still: 1,
  },
  {
    key: 'program-prone-press-up',
    label:
      'A figure lying face down pressing the chest up with the hands while the hips stay on the mat, then lowering slowly.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 4,
    frames: loop(
      S({
        x: 90,
        y: 176,
        torso: 90,
        chest: -4,
        head: -10,
        thighN: 90,
        shinN: 0,
        footN: 90,
        thighF: 90,
        shinF: 0,
        footF: 90,
        handAtN: [136, 181],
        handAtF: [132, 181],
        elbowOutN: true,
        elbowOutF: true,
      }),
      S({
        x: 90,
        y: 176,
        torso: 86,
        chest: -44,
        head: -26,
        thighN: 90,
        shinN: 0,
        footN: 90,
        thighF: 90,
        shinF: 0,
        footF: 90,
        handAtN: [136, 181],
        handAtF: [132, 181],
      }),
    ),
    still: 1,
  },
  // ------------------------------------------------------------------ on the side
  {
    key: 'program-side-lying-abduction',
    label:
      'A figure lying on one side, head resting on the lower arm, lifting the top leg a little, heel leading, then lowering it.',
    view: 'front',
    props: ['mat'],
    decos: [],
    duration: 3.2,
    frames: loop(
      S({
        x: 96,
        y: 168,
        torso: -90,
        chest: 0,
        head: 0,
        thighN: -92,
        shinN: 0,
        footN: -90,
        thighF: -90,
        shinF: 0,
        footF: 90,
        handAtF: [18, 182],
        handAtN: [90, 160],
      }),
      S({
        x: 96,
        y: 168,
        torso: -90,
        chest: 0,
        head: 0,
        thighN: -120,
        shinN: 0,
        footN: -90,
        thighF: -90,
        shinF: 0,
        footF: 90,
        handAtF: [18, 182],
        handAtN: [90, 160],
      }),
    ),
    still: 1,
  },
  // ------------------------------------------------------------------ dead bug
  {
    key: 'program-dead-bug-heel-tap',
    label:
      'A figure lying on the back, arms reaching to the ceiling, knees lifted and bent, lowering one heel to tap the mat and bringing it back.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 3,
    frames: loop(
      S({ ...BACK, footAtN: [150, 136], footAtF: [146, 136], handAtN: [70, 126], handAtF: [66, 126] }),
      S({ ...BACK, footAtN: [160, ANKLE_Y], footAtF: [146, 136], handAtN: [70, 126], handAtF: [66, 126] }),
    ),
    still: 1,
  },
  {
    key: 'program-dead-bug-opposite',
    label:
      'A figure lying on the back, knees lifted, reaching one arm back overhead while the opposite leg lowers and lengthens, then returning.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 3.6,
    frames: loop(
      S({ ...BACK, footAtN: [150, 136], footAtF: [146, 136], handAtN: [70, 126], handAtF: [66, 126] }),
      S({ ...BACK, footAtN: [150, 136], footAtF: [184, 168], handAtN: [20, 160], handAtF: [66, 126] }),
    ),
    still: 1,
  },
  // ------------------------------------------------------------------ bridges
  {
    key: 'program-bridge',
    label:
      'A figure lying on the back, knees bent, lifting the hips until shoulders, hips and knees make a straight line, then lowering.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 3.6,
    frames: loop(
      S({ ...BACK, ...HOOK, ...ARMS_DOWN }),
      S({ ...HOOK, x: 106, y: 146, torso: -128, chest: 0, head: 38, handAtN: [104, 181], handAtF: [100, 181] }),
    ),
    still: 1,
  },
  {
    key: 'program-bridge-band',
    label:
      'A figure with a band looped above the knees, pressing the knees gently out against it while lifting the hips into a bridge.',
    view: 'side',
    props: ['mat'],
    decos: ['band'],
    duration: 3.6,
    frames: loop(
      S({ ...BACK, ...HOOK, ...ARMS_DOWN }),
      S({ ...HOOK, x: 106, y: 146, torso: -128, chest: 0, head: 38, handAtN: [104, 181], handAtF: [100, 181] }),
    ),
    still: 1,
  },
  {
    key: 'program-bridge-single-leg',
    label:
      'A figure lying on the back with one knee lifted and the other foot planted, pushing through that heel to lift the hips level, then lowering.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 3.6,
    frames: loop(
      S({ ...BACK, ...ARMS_DOWN, footAtF: [148, ANKLE_Y], footAtN: [146, 140] }),
      S({
        x: 106,
        y: 146,
        torso: -128,
        chest: 0,
        head: 38,
        handAtN: [104, 181],
        handAtF: [100, 181],
        footAtF: [148, ANKLE_Y],
        thighN: -118,
        shinN: 0,
        footN: 90,
      }),
    ),
    still: 1,
  },
  // ------------------------------------------------------------------ hands and knees
  {
    key: 'program-bird-dog',
    label:
      'A figure on hands and knees reaching one arm forward and the opposite leg back, long and level, then returning.',
    view: 'side',
    props: ['mat'],
    decos: [],
    duration: 4,
    frames: loop(
      S({ ...QUAD, ...QUAD_LIMBS }),
      S({ ...QUAD, footAtN: [48, ANKLE_Y], handAtF: [126, 182], handAtN: [180, 126], thighF: 88, shinF: 0, footF: 90 }),
    ),
    still: 1,
  },
  // ------------------------------------------------------------------ standing: capacity
  {
    key: 'program-hip-hinge-dowel',
    label:
      'A standing figure holding a stick along the back, touching the head, upper back and tailbone, pushing the hips back and tipping forward with the stick still in touch, then standing tall.',
    view: 'side',
    props: [],
    decos: ['dowel'],
    duration: 4,
    frames: loop(
      S({ ...FEET, y: 103, handAtN: [89, 54], handAtF: [89, 98] }),
      S({ ...FEET, x: 84, y: 109, torso: 50, head: 0, handAtN: [115, 68], handAtF: [81, 97] }),
    ),
    still: 1,
  },
  {
    key: 'program-hip-hinge-loaded',
    label:
      'A standing figure holding a light weight close to the legs, pushing the hips back with a long back, then standing tall.',
    view: 'side',
    props: [],
    decos: ['weight-both'],
    duration: 4,
    frames: loop(
      S({ ...FEET, y: 103, handAtN: [106, 150], handAtF: [104, 150] }),
      S({ ...FEET, x: 84, y: 109, torso: 50, head: -12, handAtN: [112, 160], handAtF: [110, 160] }),
    ),
    still: 1,
  },
  {
    key: 'program-split-squat',
    label:
      'A figure standing with one foot well in front of the other, lowering straight down with the trunk tall, then rising.',
    view: 'side',
    props: [],
    decos: [],
    duration: 3.6,
    frames: loop(
      S({
        x: 100,
        y: 108,
        footAtN: [130, ANKLE_Y],
        footAtF: [66, 176],
        footTiltF: 40,
        handAtN: [106, 100],
        handAtF: [102, 100],
      }),
      S({
        x: 98,
        y: 128,
        footAtN: [130, ANKLE_Y],
        footAtF: [66, 176],
        footTiltF: 44,
        handAtN: [104, 120],
        handAtF: [100, 120],
      }),
    ),
    still: 1,
  },
  {
    key: 'program-reverse-lunge',
    label:
      'A standing figure stepping one foot back and lowering into a split stance, then pushing through the front foot to stand again.',
    view: 'side',
    props: [],
    decos: [],
    duration: 4,
    frames: [
      [0, S({ ...FEET, y: 103, handAtN: [104, 98], handAtF: [100, 98] })],
      [
        0.4,
        S({
          x: 100,
          y: 126,
          footAtF: [130, ANKLE_Y],
          footAtN: [64, 176],
          footTiltN: 44,
          handAtN: [104, 118],
          handAtF: [100, 118],
        }),
      ],
      [
        0.6,
        S({
          x: 100,
          y: 126,
          footAtF: [130, ANKLE_Y],
          footAtN: [64, 176],
          footTiltN: 44,
          handAtN: [104, 118],
          handAtF: [100, 118],
        }),
      ],
      [1, S({ ...FEET, y: 103, handAtN: [104, 98], handAtF: [100, 98] })],
    ],
    still: 1,
  },
  {
    key: 'program-suitcase-carry',
    label: 'A figure walking tall with a weight in one hand, shoulders level, the other arm swinging easily.',
    view: 'side',
    props: [],
    decos: ['weight-near'],
    duration: 1.4,
    frames: [
      [
        0,
        S({
          y: 104,
          thighN: -22,
          shinN: 14,
          footN: -6,
          thighF: 18,
          shinF: 16,
          footF: -10,
          armN: 0,
          elbowN: 0,
          armF: -18,
          elbowF: -24,
        }),
      ],
      [
        0.5,
        S({
          y: 104,
          thighF: -22,
          shinF: 14,
          footF: -6,
          thighN: 18,
          shinN: 16,
          footN: -10,
          armN: 0,
          elbowN: 0,
          armF: 18,
          elbowF: -14,
        }),
      ],
      [
        1,
        S({
          y: 104,
          thighN: -22,
          shinN: 14,
          footN: -6,
          thighF: 18,
          shinF: 16,
          footF: -10,
          armN: 0,
          elbowN: 0,
          armF: -18,
          elbowF: -24,
        }),
      ],
    ],
    still: 0,
  },
];
