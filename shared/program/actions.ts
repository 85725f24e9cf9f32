/** The `program/*` actions the home program service accepts (validated; bad input changes nothing). */
import { z } from 'zod';
import { AnswerSchema, ExerciseIdSchema, HHMM, ScheduleSchema } from './state';

const days = ScheduleSchema.shape.days.refine((d) => new Set(d).size === d.length, { error: 'each day once' });

export const ProgramActionSchema = z.discriminatedUnion('type', [
  /** Begin the program: calm lane, three suggested moves, early plan. */
  z.strictObject({ type: z.literal('program/start'), days: days.optional(), sessionsPerDay: ScheduleSchema.shape.sessionsPerDay.optional() }),
  /** The user's own three moves (from `view().offered`). */
  z.strictObject({
    type: z.literal('program/pick'),
    exerciseIds: z
      .array(ExerciseIdSchema)
      .length(3, 'pick exactly three moves')
      .refine((ids) => new Set(ids).size === 3, { error: 'pick three different moves' }),
  }),
  z.strictObject({ type: z.literal('program/schedule'), days, sessionsPerDay: ScheduleSchema.shape.sessionsPerDay }),
  z.strictObject({ type: z.literal('program/reminders'), morning: HHMM.nullable(), lunch: HHMM.nullable(), evening: HHMM.nullable() }),
  /**
   * `lingering`: the answer to the lingering question when the view says it is due
   * (`view().ask.lingering`); acted on before the session's moves are set.
   */
  z.strictObject({ type: z.literal('program/session-start'), lingering: z.boolean().optional() }),
  /** The same closing question every time, plus what the rules need. */
  z.strictObject({
    type: z.literal('program/session-end'),
    answer: AnswerSchema,
    /**
     * Kept for older screens: the lingering question now belongs at the session's start. Used only
     * when the start did not answer it.
     */
    lingering: z.boolean().optional(),
    legWorse: z.boolean(),
    soreness: z.boolean(),
    /** Moves done; defaults to the session's moves. */
    done: z.array(ExerciseIdSchema).max(12).optional(),
    /** Moves that felt too easy. */
    tooEasy: z.array(ExerciseIdSchema).max(12).optional(),
    /** The move the user thinks made things worse, if any. */
    worseExerciseId: ExerciseIdSchema.nullable().optional(),
  }),
  z.strictObject({ type: z.literal('program/session-cancel') }),
  z.strictObject({ type: z.literal('program/undo'), changeId: z.string().min(1).max(80) }),
  /** Yes to "try it again?" for a move that rests until asked (the nerve glide after a worse leg). */
  z.strictObject({ type: z.literal('program/allow-move'), exerciseId: ExerciseIdSchema }),
  z.strictObject({ type: z.literal('program/track-stiffness'), minutes: z.number().min(0).max(24 * 60) }),
  z
    .strictObject({
      type: z.literal('program/track-walk'),
      minutes: z.number().min(0).max(24 * 60).nullable().optional(),
      metres: z.number().min(0).max(200_000).nullable().optional(),
    })
    .refine((a) => a.minutes != null || a.metres != null, { error: 'give the walking time or the distance' }),
  /** Task defaults to the profile's confidence task. */
  z.strictObject({ type: z.literal('program/track-confidence'), task: z.string().trim().min(1).max(120).optional(), rating: z.number().int().min(0).max(10) }),
]);
export type ProgramAction = z.infer<typeof ProgramActionSchema>;
