import { z } from 'zod';
import { salvageFields } from './salvage';

import { AgeBandSchema, RedFlagIdSchema } from './red-flags';

export { RED_FLAG_IDS, RedFlagIdSchema, type RedFlagId, AGE_BANDS, AgeBandSchema, type AgeBand } from './red-flags';

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO date-time' });

export const RedFlagScreenSchema = z.strictObject({
  answeredAt: isoDate,
  present: z.array(RedFlagIdSchema),
  /** When the user confirmed a clinician cleared them to exercise; null while not cleared. */
  clearedAt: isoDate.nullable(),
  /**
   * The age band and whether this back pain started in the last six weeks (the age sign,
   * shared/red-flags.ts `ageFlag`). Absent in answers saved before the full list: those keep
   * their ticked signs, and `reaskReason` asks the new questions.
   */
  ageBand: AgeBandSchema.nullable().optional(),
  newPain: z.boolean().nullable().optional(),
});
export type RedFlagScreen = z.infer<typeof RedFlagScreenSchema>;

export const DirectionalPreferenceSchema = z.enum(['extension', 'flexion', 'unsure']);
export type DirectionalPreference = z.infer<typeof DirectionalPreferenceSchema>;

export const ProfileShape = {
  /** Which eases the back: bending back (extension), bending forward (flexion), or unsure. */
  directionalPreference: DirectionalPreferenceSchema,
  legSymptoms: z.boolean(),
  canStand: z.boolean(),
  heightCm: z
    .number()
    .min(120, 'height must be between 120 and 230 cm')
    .max(230, 'height must be between 120 and 230 cm')
    .nullable(),
  units: z.enum(['metric', 'imperial']),
  standingDesk: z.boolean(),
  confidenceTask: z.string().max(120, 'keep the task under 120 characters'),
  redFlags: RedFlagScreenSchema.nullable(),
  firstRunDone: z.boolean(),
  /** The user told us they moved desks: the setup wizard reminder is brought forward. */
  movedDeskAt: isoDate.nullable(),
};
export const ProfileSchema = z.strictObject(ProfileShape);
export type Profile = z.infer<typeof ProfileSchema>;
export const ProfilePatchSchema = ProfileSchema.partial();
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

export const DEFAULT_PROFILE: Readonly<Profile> = Object.freeze({
  directionalPreference: 'unsure',
  legSymptoms: false,
  canStand: true,
  heightCm: null,
  units: 'metric',
  standingDesk: false,
  confidenceTask: '',
  redFlags: null,
  firstRunDone: false,
  movedDeskAt: null,
});

/**
 * The safety gate (DESIGN.md "Safety gate"): guided routines need an answered safety check.
 * Closed while the check was never answered, or while a warning sign is reported and no
 * clearance was confirmed. Fail-safe: anything else than a clean or cleared answer holds.
 */
export function safetyGateOpen(profile: Profile): boolean {
  const screen = profile.redFlags;
  if (!screen) return false;
  return screen.present.length === 0 || !!screen.clearedAt;
}

/** Guided routines are held back: the safety gate is closed. */
export function routinesHeldBack(profile: Profile): boolean {
  return !safetyGateOpen(profile);
}

/** Why the gate is closed, for the UI: never answered, or a sign awaiting clearance. */
export function safetyGateReason(profile: Profile): 'open' | 'unanswered' | 'flagged' {
  if (safetyGateOpen(profile)) return 'open';
  return profile.redFlags ? 'flagged' : 'unanswered';
}

/** The one break that needs no safety check: stand up and walk about for a minute. */
export const PLAIN_BREAK_ID = 'plain-break';

export function salvageProfile(raw: unknown): { profile: Profile; rejected: string[] } {
  const { value, rejected } = salvageFields<Profile>(ProfileShape, DEFAULT_PROFILE, raw);
  return { profile: value, rejected };
}
