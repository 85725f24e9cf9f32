import { z } from 'zod';

/** The range of times Movesnack stores: anything outside is a broken clock or a damaged file. */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2100, 0, 1);

/** True for an ISO time inside [EARLIEST_TIME, LATEST_TIME). */
export const isSaneTime = (iso: string): boolean => {
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= EARLIEST_TIME && t < LATEST_TIME;
};

/**
 * Every time that comes in (history on disk, actions such as pause's `until`, imports, backups,
 * the runtime file) is validated by this one schema: an ISO date-time with an offset, between the
 * years 2000 and 2100 once turned into UTC. `9999-12-31T23:59:59-23:59` or year 0 would file the
 * record under a month Movesnack never reads again.
 */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO date-time' })
  .refine(isSaneTime, { error: 'must be a time between the years 2000 and 2100' });

export const FeelingSchema = z.enum(['better', 'same', 'worse']);
export type Feeling = z.infer<typeof FeelingSchema>;

export const StretchSchema = z
  .strictObject({
    start: isoDateTime,
    end: isoDateTime,
    endedBy: z.enum(['routine', 'natural', 'quit']),
    discomfortAt: isoDateTime.nullable(),
  })
  .refine((s) => Date.parse(s.end) >= Date.parse(s.start), { error: 'a stretch ends before it starts', path: ['end'] })
  .refine(
    (s) => s.discomfortAt === null || (Date.parse(s.discomfortAt) >= Date.parse(s.start) && Date.parse(s.discomfortAt) <= Date.parse(s.end)),
    { error: 'the discomfort time must lie within its stretch', path: ['discomfortAt'] },
  );
export type Stretch = z.infer<typeof StretchSchema>;

/** Upper bounds for imported numbers: far above anything real, far below what breaks a chart. */
export const MAX_SNOOZES = 1000;
export const MAX_ROUTINE_SECONDS = 24 * 60 * 60;
export const MAX_DEFERRED_MIN = 24 * 60;

export const BreakRecordSchema = z.strictObject({
  dueAt: isoDateTime,
  outcome: z.enum(['taken', 'skipped', 'natural']),
  at: isoDateTime,
  snoozes: z.number().int().min(0).max(MAX_SNOOZES),
  routineId: z.string().max(64).nullable(),
  seconds: z.number().min(0).max(MAX_ROUTINE_SECONDS),
  feeling: FeelingSchema.nullable(),
  /** Whole minutes the break was held while the user was busy; absent when it never was. */
  deferredMin: z.number().int().min(0).max(MAX_DEFERRED_MIN).optional(),
});
export type BreakRecord = z.infer<typeof BreakRecordSchema>;

const score = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} must be between 0 and 10`)
    .max(10, `${label} must be between 0 and 10`);
const dayMinutes = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(0, `${label} cannot be negative`)
    .max(1440, `${label} cannot be more than a day (1440 minutes)`);

export const CheckinInputSchema = z
  .strictObject({
    painLow: score('Lowest pain'),
    painHigh: score('Highest pain'),
    stiffnessMin: dayMinutes('Morning stiffness'),
    walkingMin: dayMinutes('Walking time'),
    confidence: score('Confidence'),
    note: z.string().max(500, 'keep the note under 500 characters'),
  })
  .refine((c) => c.painLow <= c.painHigh, {
    message: 'lowest pain cannot be above highest pain',
    path: ['painLow'],
  });
export type CheckinInput = z.infer<typeof CheckinInputSchema>;

export const CheckinSchema = z
  .strictObject({ at: isoDateTime, ...CheckinInputSchema.shape })
  .refine((c) => c.painLow <= c.painHigh, { message: 'lowest pain cannot be above highest pain', path: ['painLow'] });
export type Checkin = z.infer<typeof CheckinSchema>;

export const AnswerSchema = z.enum(['yes', 'no', 'unsure']);
export type Answer = z.infer<typeof AnswerSchema>;
export const ChecklistAnswersSchema = z
  .record(z.string().min(1).max(64), AnswerSchema)
  .refine((a) => Object.keys(a).length > 0, 'answer at least one item');
export const ChecklistSchema = z.strictObject({ at: isoDateTime, answers: ChecklistAnswersSchema });
export type Checklist = z.infer<typeof ChecklistSchema>;

/** Every "my back is complaining" report; the first one inside a stretch is that stretch's event. */
export const DiscomfortSchema = z.strictObject({ at: isoDateTime, inStretch: z.boolean() });
export type Discomfort = z.infer<typeof DiscomfortSchema>;

export interface History {
  stretches: Stretch[];
  breaks: BreakRecord[];
  checkins: Checkin[];
  checklists: Checklist[];
  discomforts: Discomfort[];
}

export const emptyHistory = (): History => ({ stretches: [], breaks: [], checkins: [], checklists: [], discomforts: [] });
