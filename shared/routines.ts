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
});
export type Exercise = z.infer<typeof ExerciseSchema>;

export const RoutineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  summary: z.string().min(1),
  /** What the routine suits; the selection rules read these. */
  kind: z.enum(['classic', 'extension', 'flexion', 'seated', 'hips', 'reset', 'nerve-glide']),
  steps: z.array(z.strictObject({ exerciseId: z.string(), seconds: z.number().int().positive() })).min(1),
});
export type Routine = z.infer<typeof RoutineSchema>;

export const ROUTINE_SECONDS = 60;

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'march-in-place',
    name: 'March in place',
    cues: ['Lift each knee to a comfortable height', 'Let your arms swing loosely', 'Breathe out slowly every few steps'],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'seated-march',
    illustration: 'march',
  },
  {
    id: 'seated-march',
    name: 'Seated march',
    cues: ['Sit tall near the front of the chair', 'Lift one foot a few centimetres, then the other', 'Keep the movement easy and rhythmic'],
    posture: 'seated',
    bias: 'neutral',
    sides: false,
    gentlerId: null,
    illustration: 'seated-march',
  },
  {
    id: 'hip-hinge',
    name: 'Hip hinge, no weight',
    cues: ['Soften your knees a little', 'Push your hips back as if closing a drawer behind you', 'Keep your back long; come up by squeezing your glutes'],
    posture: 'standing',
    bias: 'neutral',
    sides: false,
    gentlerId: 'mini-hinge',
    illustration: 'hip-hinge',
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
  },
  {
    id: 'standing-back-bend',
    name: 'Gentle standing back bend',
    cues: ['Hands on the back of your hips, fingers pointing down', 'Lean back a little, looking slightly up', 'Go only as far as feels easy, then return'],
    posture: 'standing',
    bias: 'extension',
    sides: false,
    gentlerId: 'standing-tall-reach',
    illustration: 'back-bend',
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
  },
  {
    id: 'wall-angel',
    name: 'Wall angel',
    cues: ['Stand with your back and head near a wall', 'Slide your arms up and down like a slow snow angel', 'Keep your lower back soft; no need to press it flat'],
    posture: 'standing',
    bias: 'flexion',
    sides: false,
    gentlerId: 'standing-tall-reach',
    illustration: 'wall-angel',
  },
  {
    id: 'pelvic-tilt-standing',
    name: 'Standing pelvic tilt',
    cues: ['Hands resting on your thighs, knees soft', 'Tuck your tailbone under gently, then let it go', 'Small, slow and pain-free'],
    posture: 'standing',
    bias: 'flexion',
    sides: false,
    gentlerId: 'seated-pelvic-tilt',
    illustration: 'pelvic-tilt',
  },
  {
    id: 'seated-pelvic-tilt',
    name: 'Seated pelvic tilt',
    cues: ['Sit on your sit bones', 'Roll your pelvis back to round your lower back slightly, then forward', 'Move slowly and breathe'],
    posture: 'seated',
    bias: 'flexion',
    sides: false,
    gentlerId: 'belly-breathing',
    illustration: 'seated-tilt',
  },
  {
    id: 'belly-breathing',
    name: 'Slow belly breathing',
    cues: ['Let your shoulders drop', 'Breathe in through your nose and feel your ribs widen', 'Make the breath out longer than the breath in'],
    posture: 'seated',
    bias: 'neutral',
    sides: false,
    gentlerId: null,
    illustration: 'breathing',
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
    summary: 'Marching, hip hinges and wall angels, for backs that dislike arching.',
    kind: 'flexion',
    steps: [
      { exerciseId: 'march-in-place', seconds: 20 },
      { exerciseId: 'hip-hinge', seconds: 20 },
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
];

export const exerciseById = (id: string): Exercise | undefined => EXERCISES.find((e) => e.id === id);
export const routineById = (id: string): Routine | undefined => ROUTINES.find((r) => r.id === id);
