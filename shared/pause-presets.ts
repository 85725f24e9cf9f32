import type { WorkingHours } from './settings';

const MINUTE = 60_000;

/** When "until tomorrow" ends if no working hours are set: a usual start of the working day. */
export const TOMORROW_DEFAULT_START = '08:00';

export type PausePresetId = '30m' | '1h' | '2h' | 'tomorrow';

/** The pause choices offered everywhere (tray, dashboard), in order. */
export const PAUSE_PRESETS: ReadonlyArray<{ id: PausePresetId; minutes: number | null }> = [
  { id: '30m', minutes: 30 },
  { id: '1h', minutes: 60 },
  { id: '2h', minutes: 120 },
  { id: 'tomorrow', minutes: null },
];

/** The clock time "until tomorrow" ends: the start of working hours when set, else 08:00. */
export function tomorrowStart(workingHours: WorkingHours | null): string {
  return workingHours?.start ?? TOMORROW_DEFAULT_START;
}

/**
 * The one rule for a pause's end. "Until tomorrow" is tomorrow at the start of working hours
 * when they are set, otherwise 08:00 tomorrow (local time). After it the engine resumes as on
 * start().
 */
export function pauseUntil(id: PausePresetId, now: Date, workingHours: WorkingHours | null): Date {
  const preset = PAUSE_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown pause choice "${String(id)}"`);
  if (preset.minutes !== null) return new Date(now.getTime() + preset.minutes * MINUTE);
  const [h, m] = tomorrowStart(workingHours).split(':').map(Number);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, h ?? 8, m ?? 0, 0, 0);
}
