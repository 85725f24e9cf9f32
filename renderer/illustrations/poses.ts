/**
 * The exercise figures as data: a simple jointed figure (hips, two-part trunk, head, arms, legs)
 * posed by joint angles, a few props, and for each exercise the key poses of its movement.
 *
 * One source feeds both halves of an illustration:
 * - `Figure.tsx` draws the still (representative) pose with SVG `transform` attributes, which is
 *   all a reduced-motion user sees;
 * - `figureCss()` turns the key poses into CSS keyframes (served as 'virtual:illustrations.css'
 *   by vite-illustrations.config.ts at build time) that animate the same joints.
 *
 * No DOM, no React: the catalogue tests read the keys from here.
 *
 * Conventions (SVG user units, viewBox 0 0 200 200, y grows downwards, ground at y = 184):
 * the figure faces right (+x) in side view; angles are degrees, clockwise positive. A limb at 0
 * hangs straight down (negative swings it forward); the trunk at 0 stands straight up (positive
 * leans it forward).
 */

import { PROGRAM_FIGURES } from './program-poses';

export const VIEWBOX = 200;
/** The view starts above y = 0 so arms reaching overhead stay inside it. */
export const VIEWBOX_TOP = 12;
export const GROUND_Y = 184;
export const ANKLE_Y = 180;

export const BODY = {
  thigh: 40,
  shin: 38,
  foot: 11,
  pelvis: 22, // hip joint -> waist
  chest: 25, // waist -> top of the trunk
  shoulderDrop: 3, // arms hang from just below the top of the trunk
  neck: 5,
  headR: 12,
  upperArm: 27,
  forearm: 25,
  hipHalf: 8, // front view: hip joints either side of the centre
  shoulderHalf: 15, // front view: shoulders either side of the centre
} as const;

export type View = 'side' | 'front';
export type PropName = 'chair' | 'desk' | 'desk-side' | 'wall' | 'support' | 'mat' | 'cushion';
export type DecoName =
  'belly' | 'ribs' | 'guide' | 'glow' | 'air' | 'pull' | 'dowel' | 'band' | 'weight-both' | 'weight-near';

/** Rotating joints, and the two that move by translation (root = hips, shrug = both shoulders). */
export const ROTATING_JOINTS = [
  'torso',
  'chest',
  'head',
  'armN',
  'elbowN',
  'armF',
  'elbowF',
  'thighN',
  'shinN',
  'footN',
  'thighF',
  'shinF',
  'footF',
] as const;
export type RotatingJoint = (typeof ROTATING_JOINTS)[number];
export type Joint = RotatingJoint | 'root' | 'shrug';
export const JOINTS: readonly Joint[] = ['root', 'shrug', ...ROTATING_JOINTS];

/** A solved pose: the hips' position, the shoulders' shift and every joint's angle relative to its parent. */
export type Pose = Record<RotatingJoint, number> & { x: number; y: number; shrugX: number; shrugY: number };

type Pt = readonly [number, number];

/** What a key pose says: a starting posture, angles to change, and points hands or feet must reach. */
export interface PoseInput extends Partial<Pose> {
  base: 'stand' | 'sit';
  /** Where each ankle goes (the leg bends to reach it; knees forward in side view, outward in front view). */
  footAtN?: Pt;
  footAtF?: Pt;
  /** Absolute angle of the foot (0 = flat, pointing forward/outward). */
  footTiltN?: number;
  footTiltF?: number;
  /** Where each hand goes; elbows bend backward (side) or outward (front) unless told otherwise. */
  handAtN?: Pt;
  handAtF?: Pt;
  elbowOutN?: boolean;
  elbowOutF?: boolean;
}

export interface FigureSpec {
  key: string;
  /** What the figure shows, for screen readers (role="img"). */
  label: string;
  view: View;
  props: readonly PropName[];
  decos: readonly DecoName[];
  /** Seconds for one loop of the movement. */
  duration: number;
  /** Key poses at fractions of the loop (0 … 1); the loop returns to the first. */
  frames: readonly (readonly [number, PoseInput])[];
  /** Which key pose is the still frame shown with reduced motion. */
  still: number;
}

// ------------------------------------------------------------------ kinematics

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;
/** Rotates a point clockwise (screen) by `a` degrees. */
function rot([x, y]: Pt, a: number): Pt {
  const c = Math.cos(rad(a));
  const s = Math.sin(rad(a));
  return [x * c - y * s, x * s + y * c];
}
const add = (a: Pt, b: Pt): Pt => [a[0] + b[0], a[1] + b[1]];
/** Angle (degrees, this file's convention) of a limb pointing from `a` to `b`. */
const limbAngle = (a: Pt, b: Pt) => deg(Math.atan2(-(b[0] - a[0]), b[1] - a[1]));

/**
 * Two-bone reach from `root` toward `target`: the absolute angles of both bones. `side` +1 puts
 * the middle joint on the +x side of a downward line (knees forward), -1 on the other side.
 */
function reach(root: Pt, target: Pt, l1: number, l2: number, side: 1 | -1): [number, number] {
  const dx = target[0] - root[0];
  const dy = target[1] - root[1];
  const d = Math.min(Math.max(Math.hypot(dx, dy), Math.abs(l1 - l2) + 0.01), l1 + l2 - 0.01);
  const a0 = limbAngle(root, target);
  const a = deg(Math.acos((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)));
  const a1 = a0 - side * a;
  const mid = add(root, rot([0, l1], a1));
  return [a1, limbAngle(mid, target)];
}

const STAND: Pose = {
  x: 100,
  y: ANKLE_Y - BODY.thigh - BODY.shin,
  shrugX: 0,
  shrugY: 0,
  torso: 0,
  chest: 0,
  head: 0,
  armN: 4,
  elbowN: -10,
  armF: -4,
  elbowF: -10,
  thighN: 0,
  shinN: 0,
  footN: 0,
  thighF: 0,
  shinF: 0,
  footF: 0,
};

/** Chair geometry (side view, the chair behind the figure). */
export const CHAIR = { seatY: 148, front: 110, back: 64 } as const;

const SIT: Pose = {
  ...STAND,
  x: 86,
  y: CHAIR.seatY - 6,
  thighN: -90,
  shinN: 90,
  footN: 0,
  thighF: -90,
  shinF: 90,
  footF: 0,
  armN: -20,
  elbowN: -45,
  armF: -24,
  elbowF: -45,
};

/** Where the shoulders are for a pose (absolute), needed to aim the hands. */
function shoulders(p: Pose, view: View): { n: Pt; f: Pt } {
  const hip: Pt = [p.x, p.y];
  const waist = add(hip, rot([0, -BODY.pelvis], p.torso));
  const chestAbs = p.torso + p.chest;
  const top = BODY.chest - BODY.shoulderDrop;
  const half = view === 'front' ? BODY.shoulderHalf : 0;
  const shrug: Pt = [p.shrugX, p.shrugY];
  return {
    n: add(waist, rot(add([half, -top], shrug), chestAbs)),
    f: add(waist, rot(add([-half, -top], shrug), chestAbs)),
  };
}

export function hipJoints(p: Pick<Pose, 'x' | 'y'>, view: View): { n: Pt; f: Pt } {
  const half = view === 'front' ? BODY.hipHalf : 0;
  return { n: [p.x + half, p.y], f: [p.x - half, p.y] };
}

export function solvePose(input: PoseInput, view: View): Pose {
  const { base, footAtN, footAtF, footTiltN, footTiltF, handAtN, handAtF, elbowOutN, elbowOutF, ...angles } = input;
  const p: Pose = { ...(base === 'sit' ? SIT : STAND), ...angles };
  const hips = hipJoints(p, view);
  const legs: [Pt | undefined, number | undefined, 'N' | 'F', Pt, 1 | -1][] = [
    [footAtN, footTiltN, 'N', hips.n, 1],
    [footAtF, footTiltF, 'F', hips.f, view === 'front' ? -1 : 1],
  ];
  for (const [target, tilt, side, root, bend] of legs) {
    if (target) {
      const [thigh, shin] = reach(root, target, BODY.thigh, BODY.shin, bend);
      p[`thigh${side}`] = thigh;
      p[`shin${side}`] = shin - thigh;
      p[`foot${side}`] = (tilt ?? 0) - shin;
    } else if (tilt !== undefined) {
      p[`foot${side}`] = tilt - (p[`thigh${side}`] + p[`shin${side}`]);
    }
  }
  const sh = shoulders(p, view);
  const chestAbs = p.torso + p.chest;
  const arms: [Pt | undefined, boolean | undefined, 'N' | 'F', Pt, 1 | -1][] = [
    [handAtN, elbowOutN, 'N', sh.n, view === 'front' ? 1 : -1],
    [handAtF, elbowOutF, 'F', sh.f, -1],
  ];
  for (const [target, flip, side, root, bend] of arms) {
    if (!target) continue;
    const [upper, fore] = reach(root, target, BODY.upperArm, BODY.forearm, flip ? (-bend as 1 | -1) : bend);
    p[`arm${side}`] = upper - chestAbs;
    p[`elbow${side}`] = fore - upper;
  }
  return p;
}

// ------------------------------------------------------------------ the figures

const S = (input: Omit<PoseInput, 'base'>): PoseInput => ({ base: 'stand', ...input });
const C = (input: Omit<PoseInput, 'base'>): PoseInput => ({ base: 'sit', ...input });
const FEET_SIDE = { footAtN: [104, ANKLE_Y] as Pt, footAtF: [98, ANKLE_Y] as Pt };
const SEAT_FEET = { footAtN: [128, ANKLE_Y] as Pt, footAtF: [124, ANKLE_Y] as Pt };
/** Hands resting on the front of the thighs while seated. */
const LAP = { handAtN: [112, 136] as Pt, handAtF: [108, 136] as Pt };

export const FIGURES: readonly FigureSpec[] = [
  {
    key: 'walk',
    label: 'A figure walking at an easy pace, arms swinging loosely.',
    view: 'side',
    props: [],
    decos: [],
    duration: 1.2,
    frames: [
      [
        0,
        S({
          thighN: -24,
          shinN: 14,
          footN: -6,
          thighF: 18,
          shinF: 16,
          footF: -10,
          armN: 22,
          elbowN: -14,
          armF: -20,
          elbowF: -24,
          y: 104,
        }),
      ],
      [
        0.5,
        S({
          thighF: -24,
          shinF: 14,
          footF: -6,
          thighN: 18,
          shinN: 16,
          footN: -10,
          armF: 22,
          elbowF: -14,
          armN: -20,
          elbowN: -24,
          y: 104,
        }),
      ],
      [
        1,
        S({
          thighN: -24,
          shinN: 14,
          footN: -6,
          thighF: 18,
          shinF: 16,
          footF: -10,
          armN: 22,
          elbowN: -14,
          armF: -20,
          elbowF: -24,
          y: 104,
        }),
      ],
    ],
    still: 0,
  },
  {
    key: 'seated-knee-to-chest',
    label:
      'A seated figure hugging one knee gently toward the chest, the lower back rounding a little, then lowering it.',
    view: 'side',
    props: ['chair'],
    decos: [],
    duration: 4,
    frames: [
      [0, C({ ...SEAT_FEET, ...LAP })],
      [
        0.4,
        C({
          footAtF: [124, ANKLE_Y],
          thighN: -140,
          shinN: 140,
          footN: 0,
          torso: 10,
          chest: 10,
          head: 6,
          handAtN: [114, 121],
          handAtF: [111, 121],
        }),
      ],
      [
        0.65,
        C({
          footAtF: [124, ANKLE_Y],
          thighN: -140,
          shinN: 140,
          footN: 0,
          torso: 10,
          chest: 10,
          head: 6,
          handAtN: [114, 121],
          handAtF: [111, 121],
        }),
      ],
      [1, C({ ...SEAT_FEET, ...LAP })],
    ],
    still: 1,
  },
  {
    key: 'march',
    label: 'A figure marching on the spot, lifting one knee and then the other, arms swinging.',
    view: 'side',
    props: [],
    decos: [],
    duration: 1.4,
    frames: [
      [0, S({ thighN: -72, shinN: 82, footN: -10, armN: 28, elbowN: -20, armF: -34, elbowF: -45, y: 101 })],
      [0.5, S({ thighF: -72, shinF: 82, footF: -10, armN: -34, elbowN: -45, armF: 28, elbowF: -20, y: 101 })],
      [1, S({ thighN: -72, shinN: 82, footN: -10, armN: 28, elbowN: -20, armF: -34, elbowF: -45, y: 101 })],
    ],
    still: 0,
  },
  {
    key: 'seated-march',
    label: 'A seated figure lifting one foot a little off the floor, then the other.',
    view: 'side',
    props: ['chair'],
    decos: [],
    duration: 1.6,
    frames: [
      [0, C({ ...LAP, thighN: -102, shinN: 102, footAtF: [124, ANKLE_Y] })],
      [0.5, C({ ...LAP, thighF: -102, shinF: 102, footAtN: [128, ANKLE_Y] })],
      [1, C({ ...LAP, thighN: -102, shinN: 102, footAtF: [124, ANKLE_Y] })],
    ],
    still: 0,
  },
  {
    key: 'hip-hinge',
    label:
      'A standing figure pushing the hips back and tipping forward with a long, straight back, then standing tall.',
    view: 'side',
    props: [],
    decos: [],
    duration: 3.6,
    frames: [
      [0, S({ ...FEET_SIDE, y: 103 })],
      [0.45, S({ ...FEET_SIDE, x: 84, y: 109, torso: 48, head: -14, handAtN: [108, 128], handAtF: [104, 128] })],
      [0.6, S({ ...FEET_SIDE, x: 84, y: 109, torso: 48, head: -14, handAtN: [108, 128], handAtF: [104, 128] })],
      [1, S({ ...FEET_SIDE, y: 103 })],
    ],
    still: 1,
  },
  {
    key: 'mini-hinge',
    label: 'A figure with both hands on a desk, sending the hips back a short way and returning.',
    view: 'side',
    props: ['desk'],
    decos: [],
    duration: 3.2,
    frames: [
      [
        0,
        S({
          footAtN: [96, ANKLE_Y],
          footAtF: [90, ANKLE_Y],
          x: 90,
          y: 103,
          torso: 14,
          handAtN: [150, 112],
          handAtF: [148, 112],
        }),
      ],
      [
        0.45,
        S({
          footAtN: [96, ANKLE_Y],
          footAtF: [90, ANKLE_Y],
          x: 80,
          y: 106,
          torso: 34,
          head: -10,
          handAtN: [150, 112],
          handAtF: [148, 112],
        }),
      ],
      [
        0.6,
        S({
          footAtN: [96, ANKLE_Y],
          footAtF: [90, ANKLE_Y],
          x: 80,
          y: 106,
          torso: 34,
          head: -10,
          handAtN: [150, 112],
          handAtF: [148, 112],
        }),
      ],
      [
        1,
        S({
          footAtN: [96, ANKLE_Y],
          footAtF: [90, ANKLE_Y],
          x: 90,
          y: 103,
          torso: 14,
          handAtN: [150, 112],
          handAtF: [148, 112],
        }),
      ],
    ],
    still: 1,
  },
  {
    key: 'back-bend',
    label: 'A standing figure with hands on the back of the hips, leaning back a little and looking slightly up.',
    view: 'side',
    props: [],
    decos: [],
    duration: 4,
    frames: [
      [0, S({ ...FEET_SIDE, handAtN: [91, 100], handAtF: [89, 100] })],
      [
        0.45,
        S({ ...FEET_SIDE, x: 104, y: 103, torso: -7, chest: -11, head: -12, handAtN: [95, 101], handAtF: [93, 101] }),
      ],
      [
        0.6,
        S({ ...FEET_SIDE, x: 104, y: 103, torso: -7, chest: -11, head: -12, handAtN: [95, 101], handAtF: [93, 101] }),
      ],
      [1, S({ ...FEET_SIDE, handAtN: [91, 100], handAtF: [89, 100] })],
    ],
    still: 1,
  },
  {
    key: 'tall-reach',
    label: 'A figure seen from the front, standing tall and reaching both arms overhead, then lowering them.',
    view: 'front',
    props: [],
    decos: [],
    duration: 4,
    frames: [
      [0, S({ armN: -12, elbowN: -6, armF: 12, elbowF: 6 })],
      [0.45, S({ y: 100, armN: -168, elbowN: 4, armF: 168, elbowF: -4, head: 0 })],
      [0.6, S({ y: 100, armN: -168, elbowN: 4, armF: 168, elbowF: -4, head: 0 })],
      [1, S({ armN: -12, elbowN: -6, armF: 12, elbowF: 6 })],
    ],
    still: 1,
  },
  {
    key: 'hip-flexor-stretch',
    label:
      'A figure in a long split stance beside a desk, one hand resting on it for balance, back heel lifted, easing the hips forward to stretch the front of the back hip.',
    view: 'side',
    props: ['desk-side'],
    decos: [],
    duration: 4,
    frames: [
      [
        0,
        S({
          x: 96,
          y: 108,
          footAtN: [62, 176],
          footTiltN: 30,
          footAtF: [130, ANKLE_Y],
          handAtN: [102, 100],
          handAtF: [98, 109],
        }),
      ],
      [
        0.45,
        S({
          x: 101,
          y: 113,
          torso: -2,
          footAtN: [62, 176],
          footTiltN: 34,
          footAtF: [130, ANKLE_Y],
          handAtN: [107, 105],
          handAtF: [103, 109],
        }),
      ],
      [
        0.65,
        S({
          x: 101,
          y: 113,
          torso: -2,
          footAtN: [62, 176],
          footTiltN: 34,
          footAtF: [130, ANKLE_Y],
          handAtN: [107, 105],
          handAtF: [103, 109],
        }),
      ],
      [
        1,
        S({
          x: 96,
          y: 108,
          footAtN: [62, 176],
          footTiltN: 30,
          footAtF: [130, ANKLE_Y],
          handAtN: [102, 100],
          handAtF: [98, 109],
        }),
      ],
    ],
    still: 1,
  },
  {
    key: 'side-shift',
    label:
      'A figure seen from the front with feet wide, bending one knee and sliding the hips toward it, then to the other side.',
    view: 'front',
    props: [],
    decos: [],
    duration: 4,
    frames: [
      [0, S({ x: 86, y: 114, footAtN: [132, ANKLE_Y], footAtF: [68, ANKLE_Y], handAtN: [102, 92], handAtF: [70, 92] })],
      [
        0.5,
        S({ x: 114, y: 114, footAtN: [132, ANKLE_Y], footAtF: [68, ANKLE_Y], handAtN: [130, 92], handAtF: [98, 92] }),
      ],
      [1, S({ x: 86, y: 114, footAtN: [132, ANKLE_Y], footAtF: [68, ANKLE_Y], handAtN: [102, 92], handAtF: [70, 92] })],
    ],
    still: 0,
  },
  {
    key: 'leg-swing',
    label:
      'A figure standing side-on to a desk, one hand on its edge, swinging the outside leg gently forward and back.',
    view: 'side',
    props: ['desk-side'],
    decos: [],
    duration: 2,
    frames: [
      [
        0,
        S({ thighN: -32, shinN: 12, footN: 20, armN: 18, elbowN: -15, handAtF: [104, 109], footAtF: [100, ANKLE_Y] }),
      ],
      [
        0.5,
        S({ thighN: 22, shinN: 14, footN: -20, armN: -18, elbowN: -25, handAtF: [104, 109], footAtF: [100, ANKLE_Y] }),
      ],
      [
        1,
        S({ thighN: -32, shinN: 12, footN: 20, armN: 18, elbowN: -15, handAtF: [104, 109], footAtF: [100, ANKLE_Y] }),
      ],
    ],
    still: 0,
  },
  {
    key: 'ribs-over-pelvis',
    label:
      'A standing figure moving from leaning back with the hips pushed forward to stacking the ribs right over the pelvis, knees soft.',
    view: 'side',
    props: [],
    decos: ['guide'],
    duration: 4.5,
    frames: [
      [0, S({ ...FEET_SIDE, x: 108, y: 102, torso: -12, chest: 2, head: 8 })],
      [0.4, S({ ...FEET_SIDE, x: 101, y: 104 })],
      [0.8, S({ ...FEET_SIDE, x: 101, y: 104 })],
      [1, S({ ...FEET_SIDE, x: 108, y: 102, torso: -12, chest: 2, head: 8 })],
    ],
    still: 1,
  },
  {
    key: 'rib-breathing',
    label:
      'A figure seen from the front with hands on the lower ribs, breathing in so the ribs widen, then breathing out slowly.',
    view: 'front',
    props: [],
    decos: ['ribs'],
    duration: 5,
    frames: [
      [0, S({ handAtN: [114, 76], handAtF: [86, 76] })],
      [0.4, S({ y: 101, handAtN: [117, 75], handAtF: [83, 75] })],
      [0.55, S({ y: 101, handAtN: [117, 75], handAtF: [83, 75] })],
      [1, S({ handAtN: [114, 76], handAtF: [86, 76] })],
    ],
    still: 1,
  },
  {
    key: 'glute-set',
    label: 'A standing figure gently tightening the buttocks and lower belly, holding lightly, then letting go.',
    view: 'side',
    props: [],
    decos: ['glow'],
    duration: 4,
    frames: [
      [0, S({ ...FEET_SIDE, torso: 3, chest: -2 })],
      [0.35, S({ ...FEET_SIDE, x: 99, torso: -1, chest: 1 })],
      [0.7, S({ ...FEET_SIDE, x: 99, torso: -1, chest: 1 })],
      [1, S({ ...FEET_SIDE, torso: 3, chest: -2 })],
    ],
    still: 1,
  },
  {
    key: 'wall-angel',
    label: 'A figure seen from the front with the back against a wall, sliding bent arms up overhead and back down.',
    view: 'front',
    props: ['wall'],
    decos: [],
    duration: 4,
    frames: [
      [0, S({ armN: -88, elbowN: -86, armF: 88, elbowF: 86 })],
      [0.45, S({ armN: -150, elbowN: -22, armF: 150, elbowF: 22 })],
      [0.6, S({ armN: -150, elbowN: -22, armF: 150, elbowF: 22 })],
      [1, S({ armN: -88, elbowN: -86, armF: 88, elbowF: 86 })],
    ],
    still: 1,
  },
  {
    key: 'pelvic-tilt',
    label:
      'A figure with hands on the thighs and knees soft, tucking the tailbone under to flatten the lower back, then letting it go.',
    view: 'side',
    props: [],
    decos: [],
    duration: 3,
    frames: [
      [
        0,
        S({
          footAtN: [104, ANKLE_Y],
          footAtF: [98, ANKLE_Y],
          x: 96,
          y: 107,
          torso: 26,
          chest: 0,
          head: -14,
          handAtN: [114, 124],
          handAtF: [112, 124],
        }),
      ],
      [
        0.5,
        S({
          footAtN: [104, ANKLE_Y],
          footAtF: [98, ANKLE_Y],
          x: 98,
          y: 108,
          torso: 14,
          chest: 18,
          head: -20,
          handAtN: [114, 124],
          handAtF: [112, 124],
        }),
      ],
      [
        1,
        S({
          footAtN: [104, ANKLE_Y],
          footAtF: [98, ANKLE_Y],
          x: 96,
          y: 107,
          torso: 26,
          chest: 0,
          head: -14,
          handAtN: [114, 124],
          handAtF: [112, 124],
        }),
      ],
    ],
    still: 1,
  },
  {
    key: 'desk-round',
    label: 'A figure with straight arms on a desk, letting the hips drift back and the back round softly.',
    view: 'side',
    props: ['desk'],
    decos: [],
    duration: 4,
    frames: [
      [
        0,
        S({
          footAtN: [94, ANKLE_Y],
          footAtF: [88, ANKLE_Y],
          x: 78,
          y: 106,
          torso: 58,
          chest: 6,
          head: -16,
          handAtN: [158, 112],
          handAtF: [156, 112],
        }),
      ],
      [
        0.45,
        S({
          footAtN: [94, ANKLE_Y],
          footAtF: [88, ANKLE_Y],
          x: 70,
          y: 112,
          torso: 64,
          chest: 22,
          head: 10,
          handAtN: [158, 112],
          handAtF: [156, 112],
        }),
      ],
      [
        0.65,
        S({
          footAtN: [94, ANKLE_Y],
          footAtF: [88, ANKLE_Y],
          x: 70,
          y: 112,
          torso: 64,
          chest: 22,
          head: 10,
          handAtN: [158, 112],
          handAtF: [156, 112],
        }),
      ],
      [
        1,
        S({
          footAtN: [94, ANKLE_Y],
          footAtF: [88, ANKLE_Y],
          x: 78,
          y: 106,
          torso: 58,
          chest: 6,
          head: -16,
          handAtN: [158, 112],
          handAtF: [156, 112],
        }),
      ],
    ],
    still: 1,
  },
  {
    key: 'tall-sit',
    label: 'A seated figure moving from a slump to sitting tall, ribs over the pelvis and the head floating up.',
    view: 'side',
    props: ['chair'],
    decos: ['guide'],
    duration: 4.5,
    frames: [
      [0, C({ ...SEAT_FEET, ...LAP, x: 88, torso: -14, chest: 22, head: 16 })],
      [0.4, C({ ...SEAT_FEET, ...LAP, x: 88, y: 141 })],
      [0.8, C({ ...SEAT_FEET, ...LAP, x: 88, y: 141 })],
      [1, C({ ...SEAT_FEET, ...LAP, x: 88, torso: -14, chest: 22, head: 16 })],
    ],
    still: 1,
  },
  {
    key: 'shoulder-rolls',
    label: 'A seated figure lifting the shoulders toward the ears, rolling them back and letting them drop.',
    view: 'side',
    props: ['chair'],
    decos: [],
    duration: 3,
    frames: [
      [0, C({ ...SEAT_FEET, armN: -8, elbowN: -50, armF: -10, elbowF: -50 })],
      [0.3, C({ ...SEAT_FEET, shrugX: 1, shrugY: -8, armN: -8, elbowN: -50, armF: -10, elbowF: -50 })],
      [0.55, C({ ...SEAT_FEET, shrugX: -5, shrugY: -5, armN: -2, elbowN: -50, armF: -4, elbowF: -50 })],
      [0.8, C({ ...SEAT_FEET, shrugX: -3, shrugY: 1, armN: -6, elbowN: -50, armF: -8, elbowF: -50 })],
      [1, C({ ...SEAT_FEET, armN: -8, elbowN: -50, armF: -10, elbowF: -50 })],
    ],
    still: 1,
  },
  {
    key: 'seated-back-bend',
    label: 'A seated figure with hands on the lower back, lifting the chest and leaning back a little over the hands.',
    view: 'side',
    props: ['chair'],
    decos: [],
    duration: 4,
    frames: [
      [0, C({ ...SEAT_FEET, x: 94, handAtN: [86, 128], handAtF: [84, 128] })],
      [0.45, C({ ...SEAT_FEET, x: 94, torso: -6, chest: -12, head: -12, handAtN: [88, 128], handAtF: [86, 128] })],
      [0.6, C({ ...SEAT_FEET, x: 94, torso: -6, chest: -12, head: -12, handAtN: [88, 128], handAtF: [86, 128] })],
      [1, C({ ...SEAT_FEET, x: 94, handAtN: [86, 128], handAtF: [84, 128] })],
    ],
    still: 1,
  },
  {
    key: 'seated-tilt',
    label: 'A seated figure rolling the pelvis back to round the lower back gently, then returning to upright.',
    view: 'side',
    props: ['chair'],
    decos: [],
    duration: 3.2,
    frames: [
      [0, C({ ...SEAT_FEET, ...LAP, torso: 0, chest: 0 })],
      [0.5, C({ ...SEAT_FEET, ...LAP, torso: -12, chest: 16, head: 6 })],
      [1, C({ ...SEAT_FEET, ...LAP, torso: 0, chest: 0 })],
    ],
    still: 1,
  },
  {
    key: 'nerve-glide',
    label:
      'A seated figure straightening one knee while looking up, then bending it while looking down, with only a light pull.',
    view: 'side',
    props: ['chair'],
    decos: ['pull'],
    duration: 3.2,
    frames: [
      [0, C({ x: 92, footAtF: [124, ANKLE_Y], handAtN: [110, 146], handAtF: [108, 146], head: 18 })],
      [
        0.45,
        C({
          x: 92,
          footAtF: [124, ANKLE_Y],
          thighN: -96,
          shinN: 18,
          footN: -10,
          handAtN: [110, 146],
          handAtF: [108, 146],
          head: -16,
        }),
      ],
      [
        0.6,
        C({
          x: 92,
          footAtF: [124, ANKLE_Y],
          thighN: -96,
          shinN: 18,
          footN: -10,
          handAtN: [110, 146],
          handAtF: [108, 146],
          head: -16,
        }),
      ],
      [1, C({ x: 92, footAtF: [124, ANKLE_Y], handAtN: [110, 146], handAtF: [108, 146], head: 18 })],
    ],
    still: 1,
  },
  {
    key: 'ankle-glide',
    label: 'A seated figure with the knee bent and heel on the floor, pointing the toes away and pulling them back.',
    view: 'side',
    props: ['chair'],
    decos: [],
    duration: 2.2,
    frames: [
      [0, C({ ...LAP, torso: -6, footAtN: [140, 178], footTiltN: 24, footAtF: [124, ANKLE_Y] })],
      [0.5, C({ ...LAP, torso: -6, footAtN: [140, 178], footTiltN: -34, footAtF: [124, ANKLE_Y] })],
      [1, C({ ...LAP, torso: -6, footAtN: [140, 178], footTiltN: 24, footAtF: [124, ANKLE_Y] })],
    ],
    still: 1,
  },
  {
    key: 'breathing',
    label:
      'A seated figure breathing slowly, the belly and ribs widening on the breath in and settling on the long breath out.',
    view: 'side',
    props: ['chair'],
    decos: ['belly', 'air'],
    duration: 6,
    frames: [
      [0, C({ ...SEAT_FEET, ...LAP })],
      [0.4, C({ ...SEAT_FEET, ...LAP, y: 141, chest: -2, head: -3 })],
      [0.5, C({ ...SEAT_FEET, ...LAP, y: 141, chest: -2, head: -3 })],
      [1, C({ ...SEAT_FEET, ...LAP })],
    ],
    still: 1,
  },
  {
    key: 'rest',
    label: 'A figure sitting back in a chair, hands in the lap, resting and breathing easily.',
    view: 'side',
    props: ['chair'],
    decos: ['belly'],
    duration: 6,
    frames: [
      [0, C({ ...SEAT_FEET, x: 80, torso: -10, chest: 4, head: 8, handAtN: [104, 134], handAtF: [102, 134] })],
      [0.4, C({ ...SEAT_FEET, x: 80, torso: -10, chest: 2, head: 6, handAtN: [104, 134], handAtF: [102, 134] })],
      [0.5, C({ ...SEAT_FEET, x: 80, torso: -10, chest: 2, head: 6, handAtN: [104, 134], handAtF: [102, 134] })],
      [1, C({ ...SEAT_FEET, x: 80, torso: -10, chest: 4, head: 8, handAtN: [104, 134], handAtF: [102, 134] })],
    ],
    still: 1,
  },
];

export const ILLUSTRATION_KEYS: readonly string[] = FIGURES.map((f) => f.key);
/** The desk figures and the home program's floor and strength figures (program-poses.ts). */
export const ALL_FIGURES: readonly FigureSpec[] = [...FIGURES, ...PROGRAM_FIGURES];
export const figureByKey = (key: string): FigureSpec | undefined => ALL_FIGURES.find((f) => f.key === key);

// ------------------------------------------------------------------ CSS keyframes

const num = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/** The CSS value of one joint in a solved pose. */
export function jointTransform(pose: Pose, joint: Joint): string {
  if (joint === 'root') return `translate(${num(pose.x)}px, ${num(pose.y)}px)`;
  if (joint === 'shrug') return `translate(${num(pose.shrugX)}px, ${num(pose.shrugY)}px)`;
  return `rotate(${num(pose[joint])}deg)`;
}

/** The SVG `transform` attribute of one joint (the same transform, SVG syntax). */
export function jointAttribute(pose: Pose, joint: Joint): string {
  if (joint === 'root') return `translate(${num(pose.x)} ${num(pose.y)})`;
  if (joint === 'shrug') return `translate(${num(pose.shrugX)} ${num(pose.shrugY)})`;
  return `rotate(${num(pose[joint])})`;
}

export const stillPose = (spec: FigureSpec): Pose => solvePose(spec.frames[spec.still]![1], spec.view);

/**
 * The stylesheet that animates every figure: for each joint that moves, a keyframe per key pose.
 * Motion only when the user has not asked for less; otherwise the still pose stays.
 */
export function figureCss(): string {
  const out: string[] = [
    '/* Generated from renderer/illustrations/poses.ts by figureCss() at build time (vite-illustrations.config.ts). */',
    '@media (prefers-reduced-motion: no-preference) {',
  ];
  for (const spec of ALL_FIGURES) {
    const frames = spec.frames.map(([at, input]) => [at, solvePose(input, spec.view)] as const);
    out.push(`  .ms-fig--${spec.key} {`, `    --ms-fig-duration: ${spec.duration}s;`, '  }');
    for (const joint of JOINTS) {
      const values = frames.map(([at, pose]) => [at, jointTransform(pose, joint)] as const);
      if (new Set(values.map(([, v]) => v)).size === 1) continue;
      const name = `ms-${spec.key}-${joint}`;
      out.push(`  .ms-fig--${spec.key} .ms-j-${joint} {`, `    animation-name: ${name};`, '  }');
      out.push(`  @keyframes ${name} {`);
      for (const [at, value] of values) out.push(`    ${num(at * 100)}% {`, `      transform: ${value};`, '    }');
      out.push('  }');
    }
  }
  out.push('}', '');
  return out.join('\n');
}
