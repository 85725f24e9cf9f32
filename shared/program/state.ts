/** The home program's stored state and records (program.json, and the `program` export section). */
import { z } from 'zod';
import { LANES, PROGRAM_EXERCISE_IDS } from './exercises';

const iso = z.iso.datetime({ offset: true, error: 'must be an ISO date-time' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-27');
export const ExerciseIdSchema = z.string().refine((id) => PROGRAM_EXERCISE_IDS.includes(id), { error: 'unknown exercise' });
export const LaneSchema = z.enum(LANES);
export const StageSchema = z.enum(['early', 'later']);
export type Stage = z.infer<typeof StageSchema>;
export const AnswerSchema = z.enum(['better', 'same', 'worse']);
export type Answer = z.infer<typeof AnswerSchema>;
export const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:30');

/** One finished session and the answers that close it. */
export const SessionRecordSchema = z.strictObject({
  startedAt: iso,
  /** When it ended (the record's identity for import). */
  at: iso,
  /** Local calendar day it ended on. */
  day,
  lane: LaneSchema,
  exerciseIds: z.array(ExerciseIdSchema).max(12),
  answer: AnswerSchema,
  /** Usual symptoms stayed worse for more than a day after the last session day (asked at the start of a day's first session). */
  lingering: z.boolean(),
  legWorse: z.boolean(),
  /** Muscle soreness: recorded, never a reason to back up. */
  soreness: z.boolean(),
  tooEasy: z.array(ExerciseIdSchema).max(12),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

export const TrackingRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({ at: iso, kind: z.literal('stiffness'), minutes: z.number().min(0).max(24 * 60) }),
  z.strictObject({
    at: iso,
    kind: z.literal('walk'),
    minutes: z.number().min(0).max(24 * 60).nullable(),
    metres: z.number().min(0).max(200_000).nullable(),
  }),
  z.strictObject({ at: iso, kind: z.literal('confidence'), task: z.string().trim().min(1).max(120), rating: z.number().int().min(0).max(10) }),
]);
export type TrackingRecord = z.infer<typeof TrackingRecordSchema>;

export const PlanSnapshotSchema = z.strictObject({
  lane: LaneSchema,
  stage: StageSchema,
  picks: z.array(ExerciseIdSchema).length(3),
});
export type PlanSnapshot = z.infer<typeof PlanSnapshotSchema>;

export const ChangeSchema = z.strictObject({
  id: z.string().min(1),
  at: iso,
  code: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The plan before the change: undo restores it. */
  before: PlanSnapshotSchema.nullable(),
  undoneAt: iso.nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const ScheduleSchema = z.strictObject({
  /** Program days, 0 = Sunday … 6 = Saturday; five by default (the seed: "five days a week"). */
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  /** Early on: short sessions two or three times a day. */
  sessionsPerDay: z.union([z.literal(2), z.literal(3)]),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const ReminderTimesSchema = z.strictObject({ morning: HHMM.nullable(), lunch: HHMM.nullable(), evening: HHMM.nullable() });
export type ReminderTimes = z.infer<typeof ReminderTimesSchema>;
export const REMINDER_SLOTS = ['morning', 'lunch', 'evening'] as const;
export type ReminderSlot = (typeof REMINDER_SLOTS)[number];

export const ProgramStateSchema = z.strictObject({
  version: z.literal(1),
  startedAt: iso.nullable(),
  lane: LaneSchema,
  stage: StageSchema,
  picks: z.array(ExerciseIdSchema).max(3),
  schedule: ScheduleSchema,
  reminders: ReminderTimesSchema,
  sessions: z.array(SessionRecordSchema),
  tracking: z.array(TrackingRecordSchema),
  changes: z.array(ChangeSchema),
  active: z
    .strictObject({
      startedAt: iso,
      exerciseIds: z.array(ExerciseIdSchema),
      /** The lingering answer given at the start (null or absent when it was not asked). */
      lingering: z.boolean().nullable().optional(),
    })
    .nullable(),
});
export type ProgramState = z.infer<typeof ProgramStateSchema>;

export const DEFAULT_SCHEDULE: Schedule = { days: [1, 2, 3, 4, 5], sessionsPerDay: 2 };

export function emptyProgramState(): ProgramState {
  return {
    version: 1,
    startedAt: null,
    lane: 'calm',
    stage: 'early',
    picks: [],
    schedule: { ...DEFAULT_SCHEDULE, days: [...DEFAULT_SCHEDULE.days] },
    reminders: { morning: null, lunch: null, evening: null },
    sessions: [],
    tracking: [],
    changes: [],
    active: null,
  };
}

/** The `program` section of export version 2: the records (import merges these only). */
export const PROGRAM_SECTION = 'program';
export const ProgramSectionSchema = z.looseObject({
  sessions: z.array(z.unknown()),
  tracking: z.array(z.unknown()),
  lane: LaneSchema.optional(),
  stage: StageSchema.optional(),
  picks: z.array(z.string()).optional(),
});
export type ProgramSection = z.infer<typeof ProgramSectionSchema>;
