import { z } from 'zod';
import { refuse } from './engine-messages';
import { BusyReasonSchema, SettingsPatchSchema } from './settings';
import { ProfilePatchSchema } from './profile';
import { CheckinInputSchema, ChecklistAnswersSchema, FeelingSchema, isoDateTime } from './history';

const action = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

/** The engine's actions, exactly as DESIGN.md lists them; any other field is refused. */
export const ActionSchema = z.discriminatedUnion('type', [
  action('break/start', { routineId: z.string().min(1).max(64).optional() }),
  action('break/snooze', {}),
  action('break/skip', {}),
  action('routine/complete', { feeling: FeelingSchema }),
  action('routine/abandon', {}),
  action('discomfort/report', {}),
  action('pause', { until: isoDateTime }),
  action('resume', {}),
  action('system/suspend', {}),
  action('system/resume', {}),
  action('system/lock', {}),
  action('system/unlock', {}),
  action('settings/update', { settings: SettingsPatchSchema }),
  action('checklist/save', { answers: ChecklistAnswersSchema }),
  action('checkin/save', { checkin: CheckinInputSchema }),
  action('profile/save', { profile: ProfilePatchSchema }),
  action('presence/update', { busy: z.array(BusyReasonSchema).max(8) }),
  // After a routine felt worse: which step (null: rather not say). Then, later, a swapped step
  // offered again: try it (accept) or not yet.
  action('routine/worse-step', { stepId: z.string().min(1).max(64).nullable() }),
  action('routine/reoffer', { stepId: z.string().min(1).max(64), accept: z.boolean() }),
  // The smart-interval offer: accept the interval it suggests now, or "not now" for a week.
  action('interval/accept', { minutes: z.number().int().min(10).max(120) }),
  action('interval/dismiss', {}),
]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];
export const ACTION_TYPES = ActionSchema.options.map((o) => o.shape.type.value) as ActionType[];

/** Turns a zod failure into one sentence a person can act on. */
export function describeIssues(error: z.ZodError, what = 'input'): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '';
    if (issue.code === 'unrecognized_keys') return `${where ? where + ': ' : ''}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_union' && where === '' ) return issue.message;
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  return `Invalid ${what}: ${parts.join('; ')}`;
}

export function parseAction(input: unknown): Action {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    refuse('action.invalid', { type: '' }, 'Invalid action: expected an object with a "type" field');
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !(ACTION_TYPES as string[]).includes(type)) {
    refuse(
      'action.invalid',
      { type: String(type) },
      `Invalid action: unknown type ${JSON.stringify(type)}; expected one of ${ACTION_TYPES.join(', ')}`,
    );
  }
  const parsed = ActionSchema.safeParse(input);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')).filter(Boolean))];
    refuse('action.invalid', { type: type as string, fields: fields.join(',') }, describeIssues(parsed.error, `"${type}" action`));
  }
  return parsed.data!;
}
