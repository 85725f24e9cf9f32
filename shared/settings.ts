import { z } from 'zod';
import { salvageFields } from './salvage';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, from 00:00 to 23:59');

export const WorkingHoursSchema = z
  .strictObject({
    days: z
      .array(z.number().int().min(0, 'days are 0 (Sunday) to 6 (Saturday)').max(6, 'days are 0 (Sunday) to 6 (Saturday)'))
      .min(1, 'choose at least one working day')
      .refine((days) => new Set(days).size === days.length, 'each day may appear once'),
    start: hhmm,
    end: hhmm,
  })
  .refine((wh) => wh.start !== wh.end, { message: 'working hours must start and end at different times', path: ['end'] });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

const minutes = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be between ${min} and ${max}`)
    .max(max, `${label} must be between ${min} and ${max}`);

/** Why a break may be held (DESIGN.md "Presence"). */
export const BUSY_REASONS = ['fullscreen', 'dnd', 'meeting', 'app'] as const;
export const BusyReasonSchema = z.enum(BUSY_REASONS);
export type BusyReason = z.infer<typeof BusyReasonSchema>;

export const SUPPORTED_LANGUAGES = ['en', 'es', 'de', 'fr'] as const;
export const LanguageSchema = z.enum(['system', ...SUPPORTED_LANGUAGES], {
  error: `language must be "system" or one of ${SUPPORTED_LANGUAGES.join(', ')}`,
});
export type Language = z.infer<typeof LanguageSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

/** Every field with its range; DESIGN.md "Timer rules" lists the timer ones. */
export const SettingsShape = {
  breakIntervalMin: minutes('Break interval', 10, 120),
  snoozeMin: minutes('Snooze length', 1, 30),
  maxSnoozes: minutes('Snooze limit', 0, 10),
  naturalBreakMin: minutes('Natural break threshold', 1, 30),
  idlePollSec: minutes('Idle check interval', 1, 60),
  workingHours: WorkingHoursSchema.nullable(),
  routineId: z.string().min(1, 'routine must be "auto" or a routine id').max(64),
  launchAtLogin: z.boolean(),
  theme: ThemeSchema,
  soundEnabled: z.boolean(),
  soundVolume: z.number().min(0, 'volume is 0 to 1').max(1, 'volume is 0 to 1'),
  discomfortShortcut: z.string().max(64),
  checkinReminder: z
    .strictObject({ days: WorkingHoursSchema.shape.days, time: hhmm })
    .nullable(),
  weeklySummaryReminder: z.strictObject({ day: z.number().int().min(0).max(6), time: hhmm }).nullable(),
  recheckDays: minutes('Re-check reminder', 7, 365),
  smartInterval: z.boolean(),
  /** Which busy reasons hold a break that comes due. */
  deferFor: z.strictObject({ fullscreen: z.boolean(), dnd: z.boolean(), meeting: z.boolean(), app: z.boolean() }),
  /** The longest a break is held; 0 = never hold. */
  maxDeferMin: minutes('Longest hold', 0, 240),
  /** Process names that count as busy (reason "app"). */
  deferApps: z
    .array(z.string().trim().min(1, 'an app name cannot be empty').max(64, 'keep each app name under 64 characters'))
    .max(50, 'list at most 50 apps'),
  language: LanguageSchema,
  /** The browser shell's offer to allow notifications: still offered, or answered "No thanks". */
  browserNotifications: z.enum(['ask', 'declined']),
};

export const SettingsSchema = z.strictObject(SettingsShape);
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  breakIntervalMin: 30,
  snoozeMin: 5,
  maxSnoozes: 3,
  naturalBreakMin: 2,
  idlePollSec: 10,
  workingHours: null,
  routineId: 'auto',
  launchAtLogin: false,
  theme: 'system',
  soundEnabled: true,
  soundVolume: 0.6,
  discomfortShortcut: 'CommandOrControl+Alt+B',
  checkinReminder: { days: [2, 5], time: '17:00' },
  weeklySummaryReminder: { day: 1, time: '09:00' },
  recheckDays: 90,
  smartInterval: false,
  deferFor: { fullscreen: true, dnd: true, meeting: true, app: true },
  maxDeferMin: 60,
  deferApps: [],
  language: 'system',
  browserNotifications: 'ask',
});

export function salvageSettings(raw: unknown): { settings: Settings; rejected: string[] } {
  const { value, rejected } = salvageFields<Settings>(SettingsShape, DEFAULT_SETTINGS, raw);
  return { settings: value, rejected };
}
