import { z } from 'zod';

export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO date-time' });

export const FeelingSchema = z.enum(['better', 'same', 'worse']);
export type Feeling = z.infer<typeof FeelingSchema>;

export const StretchSchema = z.strictObject({
  start: isoDateTime,
  end: isoDateTime,
  endedBy: z.enum(['routine', 'natural', 'quit']),
  discomfortAt: isoDateTime.nullable(),
});
export type Stretch = z.infer<typeof StretchSchema>;

export const BreakRecordSchema = z.strictObject({
  dueAt: isoDateTime,
  outcome: z.enum(['taken', 'skipped', 'natural']),
  at: isoDateTime,
  snoozes: z.number().int().min(0),
  routineId: z.string().nullable(),
  seconds: z.number().min(0),
  feeling: FeelingSchema.nullable(),
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

export const CheckinSchema = z.strictObject({ at: isoDateTime, ...CheckinInputSchema.shape });
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
