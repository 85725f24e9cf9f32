import { z } from 'zod';

export const ExerciseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  cues: z.array(z.string().min(1)).min(2).max(3),
  posture: z.enum(['standing', 'seated']),
  bias: z.enum(['extension', 'flexion', 'neutral']),
  sides: z.boolean(),
  /** A gentler exercise used once this one has been rated worse twice; null only for the gentlest. */
  gentlerId: z.string().nullable(),
  /** Key of the animated figure in renderer/illustrations. */
  illustration: z.string().min(1),
  /**
   * Kind to an irritable leg nerve: no long stride, deep knee bend, swinging leg or forward
   * bend that tensions the back of the leg. With leg symptoms, automatic picks use only
   * routines made of these (the first run promises "very gentle" movements).
   */
  gentleForLegs: z.boolean(),
});
export type Exercise = z.infer<typeof ExerciseSchema>;

export const RoutineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  summary: z.string().min(1),
  /** What the routine suits; the selection rules read these. */
  kind: z.enum(['classic', 'extension', 'flexion', 'seated', 'hips', 'reset', 'nerve-glide', 'plain']),
  steps: z.array(z.strictObject({ exerciseId: z.string(), seconds: z.number().int().positive() })).min(1),
});
export type Routine = z.infer<typeof RoutineSchema>;

export const ROUTINE_SECONDS = 60;

/*
 * The catalogue. Rules the tests hold it to (tests/shared/routines.test.ts):
 * - every routine lasts exactly ROUTINE_SECONDS, in timed steps; a two-sided step has an even
 *   number of seconds, split between the sides;
 * - no routine mixes extension (bending back) with flexion (rounding) moves;
 * - every exercise a routine uses has a gentler alternative, and following `gentlerId` always ends
 *   at the one exercise with none ("rest"), never loops, never turns a seated move into a
 *   standing one and never brings in a direction the original did not have;
 * - every exercise has its own animated figure in renderer/illustrations.
 * Facts come from the physical therapist's roadmap (shared/seed); the wording is ours.
 */
export const EXERCISES: readonly Exercise[] = [
  // ---------------------------------------------------------------- the plain break
  {
    /** The plain break's only step: no guidance needed, allowed before the safety check. */
    id: 'walk-about',
    name: 'Stand up and walk about',
    cues: [
      'Get up from your chair and walk around the room, or to fetch a glass of water',
      'Any easy pace is fine; look at something far away as you go',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'march-in-place',
    illustration: 'walk',
    gentleForLegs: true,
  },
  // ---------------------------------------------------------------- standing, neutral
  {
    id: 'march-in-place',
    name: 'March in place',
    cues: [
      'Lift each knee to a comfortable height',
      'Let your arms swing loosely',
      'Breathe out slowly every few steps',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'seated-march',
    illustration: 'march',
    gentleForLegs: true,
  },
  {
    id: 'hip-hinge',
    name: 'Hip hinge, no weight',
    cues: [
      'Soften your knees a little',
      'Push your hips back as if closing a drawer behind you',
      'Keep your back long; come up by squeezing your glutes',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'mini-hinge',
    illustration: 'hip-hinge',
    gentleForLegs: false,
  },
  {
    id: 'mini-hinge',
    name: 'Small hip hinge with hands on the desk',
    cues: ['Rest your hands on the desk edge', 'Send your hips back only a short way', 'Stop well before any pinch'],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'seated-march',
    illustration: 'mini-hinge',
    gentleForLegs: true,
  },
  {
    id: 'standing-tall-reach',
    name: 'Stand tall and reach',
    cues: ['Stack your ribs over your pelvis', 'Reach both arms up without arching', 'Breathe out as you lower them'],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'tall-reach',
    gentleForLegs: true,
  },
  {
    id: 'hip-flexor-stretch',
    name: 'Standing hip flexor stretch',
    cues: [
      'One foot a long step behind you, a hand on the desk for balance',
      'Tuck your tailbone under a touch and squeeze the back buttock',
      'Feel a mild stretch at the front of the hip, without arching',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: true,
    gentlerId: 'glute-belly-set',
    illustration: 'hip-flexor-stretch',
    gentleForLegs: false,
  },
  {
    id: 'side-shift',
    name: 'Side-to-side weight shift',
    cues: [
      'Stand with your feet wide and toes slightly out',
      'Bend one knee and slide your hips over it, then the other',
      'Keep your chest up and the range easy',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'seated-march',
    illustration: 'side-shift',
    gentleForLegs: false,
  },
  {
    id: 'leg-swing',
    name: 'Easy leg swings',
    cues: [
      'Hold the desk or a wall with one hand',
      'Swing the outside leg gently forward and back',
      'Keep your trunk still; let the hip do the work',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: true,
    gentlerId: 'march-in-place',
    illustration: 'leg-swing',
    gentleForLegs: false,
  },
  {
    id: 'ribs-over-pelvis',
    name: 'Ribs over pelvis',
    cues: [
      'Feet under your hips, knees a hair soft',
      'Bring your ribs to sit right above your pelvis: not leaning back, not pushed forward',
      'Hold that easy stack and breathe',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'ribs-over-pelvis',
    gentleForLegs: true,
  },
  {
    id: 'rib-breathing',
    name: 'Wide rib breathing',
    cues: [
      'Rest your hands on the sides of your lower ribs',
      'Breathe in and let your ribs push your hands apart',
      'Breathe out slowly and for longer',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'rib-breathing',
    gentleForLegs: true,
  },
  {
    id: 'glute-belly-set',
    name: 'Gentle glute and belly set',
    cues: [
      'Lightly squeeze your buttocks and draw your lower belly in, like closing snug trousers',
      'Keep it at a low dimmer setting: you can still talk and breathe',
      'Let go, then set it again',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'ribs-over-pelvis',
    illustration: 'glute-set',
    gentleForLegs: true,
  },
  // ---------------------------------------------------------------- standing, extension
  {
    id: 'standing-back-bend',
    name: 'Gentle standing back bend',
    cues: [
      'Hands on the back of your hips, fingers pointing down',
      'Lean back a little, looking slightly up',
      'Go only as far as feels easy, then return',
    ],
    posture: 'standing',
    bias: 'extension',
    sides: false,
    gentlerId: 'standing-tall-reach',
    illustration: 'back-bend',
    gentleForLegs: true,
  },
  // ---------------------------------------------------------------- standing, upper back and shoulders
  {
    /** An upper-back and shoulder move: neutral for the lower back (DESIGN.md), not a flexion move. */
    id: 'wall-angel',
    name: 'Wall angel',
    cues: [
      'Stand with your back and head near a wall',
      'Slide your arms up and down like a slow snow angel',
      'Keep your lower back soft; no need to press it flat',
    ],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'standing-tall-reach',
    illustration: 'wall-angel',
    gentleForLegs: true,
  },
  // ---------------------------------------------------------------- standing, flexion bias
  {
    id: 'pelvic-tilt-standing',
    name: 'Hands-to-thighs pelvic tilt',
    cues: [
      'Rest your hands on your thighs, knees soft, leaning forward a little',
      'Tuck your tailbone under so your lower back rounds gently, hold a breath, then ease off',
      'Small, slow and pain-free',
    ],
    posture: 'standing',
    bias: 'flexion',
    sides: false,
    gentlerId: 'seated-pelvic-tilt',
    illustration: 'pelvic-tilt',
    gentleForLegs: true,
  },
  {
    id: 'desk-round',
    name: 'Rounded desk stretch',
    cues: [
      'Hands on the desk edge, step back until your arms are long',
      'Let your hips drift back and your lower back round softly',
      'Breathe into your back, then walk in and stand up slowly',
    ],
    posture: 'standing',
    bias: 'flexion',
    sides: false,
    gentlerId: 'pelvic-tilt-standing',
    illustration: 'desk-round',
    gentleForLegs: false,
  },
  // ---------------------------------------------------------------- seated
  {
    id: 'seated-march',
    name: 'Seated march',
    cues: [
      'Sit tall near the front of the chair',
      'Lift one foot a few centimetres, then the other',
      'Keep the movement easy and rhythmic',
    ],
    posture: 'seated',
    bias: 'neutral',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'seated-march',
    gentleForLegs: true,
  },
  {
    id: 'seated-tall-sit',
    name: 'Sit tall',
    cues: [
      'Sit on your sit bones with both feet flat',
      'Let your ribs rest over your pelvis and the crown of your head float up',
      'Stay there, easy and breathing, without stiffening',
    ],
    posture: 'seated',
    bias: 'neutral',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'tall-sit',
    gentleForLegs: true,
  },
  {
    id: 'shoulder-rolls',
    name: 'Slow shoulder rolls',
    cues: [
      'Lift your shoulders toward your ears',
      'Roll them back and let them drop',
      'Breathe out each time they come down',
    ],
    posture: 'seated',
    bias: 'neutral',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'shoulder-rolls',
    gentleForLegs: true,
  },
  {
    id: 'seated-back-bend',
    name: 'Seated lean back',
    cues: [
      'Sit near the front of the chair, hands on your lower back',
      'Lift your chest and lean back a little over your hands',
      'Small and easy; come back to upright each time',
    ],
    posture: 'seated',
    bias: 'extension',
    sides: false,
    gentlerId: 'seated-tall-sit',
    illustration: 'seated-back-bend',
    gentleForLegs: true,
  },
  {
    id: 'seated-pelvic-tilt',
    name: 'Seated pelvic tilt (tuck)',
    cues: [
      'Sit tall on your sit bones, feet flat',
      'Roll your pelvis back so your lower back rounds gently, then return to upright',
      'Move slowly and breathe; no need to arch',
    ],
    posture: 'seated',
    bias: 'flexion',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'seated-tilt',
    gentleForLegs: true,
  },
  {
    id: 'seated-knee-to-chest',
    name: 'Seated knee to chest',
    cues: [
      'Sit near the front of the chair, one hand on the desk or seat if you like',
      'Hug one knee gently toward your chest, letting your lower back round a little',
      'Hold a slow breath, lower it, then the other knee',
    ],
    posture: 'seated',
    bias: 'flexion',
    sides: true,
    gentlerId: 'seated-pelvic-tilt',
    illustration: 'seated-knee-to-chest',
    gentleForLegs: true,
  },
  {
    id: 'sciatic-nerve-glide',
    name: 'Seated nerve glide',
    cues: [
      'Sit tall; straighten one knee as you look up, then bend it as you look down',
      'Stop at a light pull, about 2 or 3 out of 10, never pain',
      'Tingling or pain spreading down the leg? Make it smaller or stop',
    ],
    posture: 'seated',
    bias: 'neutral',
    sides: true,
    gentlerId: 'ankle-glide',
    illustration: 'nerve-glide',
    gentleForLegs: true,
  },
  {
    id: 'ankle-glide',
    name: 'Ankle pumps, knee bent',
    cues: [
      'Sit back with your knee bent and the heel resting on the floor',
      'Point your toes away, then pull them toward you',
      'Barely any pull in the leg: easy does it',
    ],
    posture: 'seated',
    bias: 'neutral',
    sides: true,
    gentlerId: 'rest',
    illustration: 'ankle-glide',
    gentleForLegs: true,
  },
  {
    id: 'belly-breathing',
    name: 'Slow belly breathing',
    cues: [
      'Let your shoulders drop',
      'Breathe in through your nose and feel your ribs widen',
      'Make the breath out longer than the breath in',
    ],
    posture: 'seated',
    bias: 'neutral',
    sides: false,
    gentlerId: 'rest',
    illustration: 'breathing',
    gentleForLegs: true,
  },
  {
    /** The gentlest of all: every gentler chain ends here. */
    id: 'rest',
    name: 'Rest and breathe',
    cues: [
      'Sit back against the chair, hands in your lap',
      'Breathe normally and let your shoulders soften',
      'Nothing else to do for these seconds',
    ],
    posture: 'seated',
    bias: 'neutral',
    sides: false,
    gentlerId: null,
    illustration: 'rest',
    gentleForLegs: true,
  },
];

export const ROUTINES: readonly Routine[] = [
  {
    id: 'classic-snack',
    name: 'The classic movement snack',
    summary: 'Marching, hip hinges and a gentle back bend: a full reset in one minute.',
    kind: 'classic',
    steps: [
      { exerciseId: 'march-in-place', seconds: 20 },
      { exerciseId: 'hip-hinge', seconds: 20 },
      { exerciseId: 'standing-back-bend', seconds: 20 },
    ],
  },
  {
    id: 'classic-wall-angel',
    name: 'The classic snack, wall version',
    summary: 'Marching, hip hinges and wall angels for the upper back and shoulders: no bending back.',
    kind: 'classic',
    steps: [
      { exerciseId: 'march-in-place', seconds: 20 },
      { exerciseId: 'hip-hinge', seconds: 20 },
      { exerciseId: 'wall-angel', seconds: 20 },
    ],
  },
  {
    id: 'extension-open-up',
    name: 'Open up after sitting',
    summary: 'Reach tall, open the front of the hips, then lean back gently: the opposite of a long sit.',
    kind: 'extension',
    steps: [
      { exerciseId: 'standing-tall-reach', seconds: 20 },
      { exerciseId: 'hip-flexor-stretch', seconds: 20 },
      { exerciseId: 'standing-back-bend', seconds: 20 },
    ],
  },
  {
    id: 'flexion-ease',
    name: 'Tuck and round',
    summary: 'A hands-to-thighs tilt, a rounded stretch at the desk and easy marching, with no arching.',
    kind: 'flexion',
    steps: [
      { exerciseId: 'pelvic-tilt-standing', seconds: 20 },
      { exerciseId: 'desk-round', seconds: 20 },
      { exerciseId: 'march-in-place', seconds: 20 },
    ],
  },
  {
    id: 'flexion-tuck-stack',
    name: 'Tuck, march and stack',
    summary: 'Easy marching, a hands-to-thighs tilt, then ribs over pelvis: gentle rounding, no arching.',
    kind: 'flexion',
    steps: [
      { exerciseId: 'march-in-place', seconds: 20 },
      { exerciseId: 'pelvic-tilt-standing', seconds: 20 },
      { exerciseId: 'ribs-over-pelvis', seconds: 20 },
    ],
  },
  {
    id: 'flexion-seated',
    name: 'Seated tuck and hug',
    summary: 'Pelvic tucks and a knee hugged toward the chest, all in your chair, with no arching.',
    kind: 'flexion',
    steps: [
      { exerciseId: 'seated-pelvic-tilt', seconds: 20 },
      { exerciseId: 'seated-knee-to-chest', seconds: 20 },
      { exerciseId: 'belly-breathing', seconds: 20 },
    ],
  },
  {
    id: 'gentle-open-up',
    name: 'Gentle open-up',
    summary: 'Easy marching, a tall reach and a small back bend: no long strides or deep bends.',
    kind: 'extension',
    steps: [
      { exerciseId: 'march-in-place', seconds: 20 },
      { exerciseId: 'standing-tall-reach', seconds: 20 },
      { exerciseId: 'standing-back-bend', seconds: 20 },
    ],
  },
  {
    id: 'gentle-wall-angel',
    name: 'Gentle wall minute',
    summary: 'Easy marching, a small hinge with hands on the desk, then wall angels for the upper back.',
    kind: 'reset',
    steps: [
      { exerciseId: 'march-in-place', seconds: 20 },
      { exerciseId: 'mini-hinge', seconds: 20 },
      { exerciseId: 'wall-angel', seconds: 20 },
    ],
  },
  {
    id: 'meeting-safe',
    name: 'Meeting-safe seated minute',
    summary: 'Everything done in your chair, quietly.',
    kind: 'seated',
    steps: [
      { exerciseId: 'seated-march', seconds: 20 },
      { exerciseId: 'seated-pelvic-tilt', seconds: 20 },
      { exerciseId: 'belly-breathing', seconds: 20 },
    ],
  },
  {
    id: 'seated-open-up',
    name: 'Seated open-up',
    summary: 'Sit tall, lean back a little over your hands and roll your shoulders, all in your chair.',
    kind: 'seated',
    steps: [
      { exerciseId: 'seated-tall-sit', seconds: 20 },
      { exerciseId: 'seated-back-bend', seconds: 20 },
      { exerciseId: 'shoulder-rolls', seconds: 20 },
    ],
  },
  {
    id: 'hip-opener',
    name: 'Hip opener',
    summary: 'Weight shifts, leg swings and a hip flexor stretch, so the hips move and the back can rest.',
    kind: 'hips',
    steps: [
      { exerciseId: 'side-shift', seconds: 20 },
      { exerciseId: 'leg-swing', seconds: 20 },
      { exerciseId: 'hip-flexor-stretch', seconds: 20 },
    ],
  },
  {
    id: 'ribs-reset',
    name: 'Ribs over pelvis reset',
    summary: 'Stack, breathe wide and switch on a little support: a calm minute on your feet.',
    kind: 'reset',
    steps: [
      { exerciseId: 'ribs-over-pelvis', seconds: 20 },
      { exerciseId: 'rib-breathing', seconds: 20 },
      { exerciseId: 'glute-belly-set', seconds: 20 },
    ],
  },
  {
    id: 'seated-reset',
    name: 'Seated breathing reset',
    summary: 'Sit tall, roll your shoulders and slow your breath, without leaving your chair.',
    kind: 'reset',
    steps: [
      { exerciseId: 'seated-tall-sit', seconds: 20 },
      { exerciseId: 'shoulder-rolls', seconds: 20 },
      { exerciseId: 'belly-breathing', seconds: 20 },
    ],
  },
  {
    id: 'nerve-glide',
    name: 'Gentle nerve glides',
    summary: 'For a leg that complains: easy sliding moves with only a light pull, never pain.',
    kind: 'nerve-glide',
    steps: [
      { exerciseId: 'seated-march', seconds: 20 },
      { exerciseId: 'sciatic-nerve-glide', seconds: 40 },
    ],
  },
];

/** Shared with the engine: the break that needs no safety check (shared/profile.ts PLAIN_BREAK_ID). */
export const PLAIN_ROUTINE_ID = 'plain-break';

/** The one break that needs no safety check and is never chosen automatically. */
export const PLAIN_ROUTINE: Routine = {
  id: PLAIN_ROUTINE_ID,
  name: 'A plain walking break',
  summary: 'Stand up and walk about for a minute. No guided moves.',
  kind: 'plain',
  steps: [{ exerciseId: 'walk-about', seconds: ROUTINE_SECONDS }],
};

export const exerciseById = (id: string): Exercise | undefined => EXERCISES.find((e) => e.id === id);
export const routineById = (id: string): Routine | undefined =>
  id === PLAIN_ROUTINE_ID ? PLAIN_ROUTINE : ROUTINES.find((r) => r.id === id);
