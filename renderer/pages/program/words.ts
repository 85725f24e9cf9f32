/**
 * The program's words in the user's language: exercise names, cues and doses, and the engine's
 * codes (changes, notes, cautions, holds) from their parameters. The engine's English text in the
 * view is the fallback for a code this version does not know.
 */
import type { TFunction } from 'i18next';
import type { Dose } from '../../../shared/program/exercises';
import type { ProgramParams } from '../../../shared/program/messages';
import type { ProgramData, ProgramViewChange, ProgramViewExercise, ProgramViewText } from '../../data/program';

export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;

export const exerciseName = (t: TFunction, e: Pick<ProgramViewExercise, 'id' | 'name'>): string =>
  t(`program:exercise.${e.id}.name`, { defaultValue: e.name });

export function exerciseCues(t: TFunction, e: Pick<ProgramViewExercise, 'id' | 'cues'>): string[] {
  const cues = t(`program:exercise.${e.id}.cues`, { returnObjects: true, defaultValue: [...e.cues] }) as unknown;
  return Array.isArray(cues) ? cues.map(String) : [...e.cues];
}

export function doseText(t: TFunction, dose: Dose): string {
  switch (dose.kind) {
    case 'reps':
      if (dose.min === dose.max)
        return t(dose.perSide ? 'program:dose.repsExactSide' : 'program:dose.repsExact', { count: dose.min });
      return t(dose.perSide ? 'program:dose.repsSide' : 'program:dose.reps', { min: dose.min, max: dose.max });
    case 'holds':
      return t('program:dose.holds', { count: dose.reps, seconds: dose.seconds });
    case 'time':
      return t('program:dose.time', { min: dose.minMinutes, max: dose.maxMinutes });
    case 'distance':
      return t(dose.perSide ? 'program:dose.distanceSide' : 'program:dose.distance', { metres: dose.metres });
  }
}

export const cautionWords = (t: TFunction, e: Pick<ProgramViewExercise, 'caution' | 'cautionText'>): string | null =>
  e.caution ? t(`program:caution.${e.caution}`, { defaultValue: e.cautionText ?? '' }) : null;

/** Every caution of a move, each with its "How?" steps, in the user's language. */
export function cautionList(
  t: TFunction,
  e: Pick<ProgramViewExercise, 'caution' | 'cautionText' | 'cautionDetails'>,
): { code: string; text: string; help: string[] }[] {
  const details = e.cautionDetails ?? (e.caution ? [{ code: e.caution, text: e.cautionText ?? '', help: [] }] : []);
  return details.map((c) => {
    const help = t(`program:cautionHelp.${c.code}`, { returnObjects: true, defaultValue: c.help }) as unknown;
    return {
      code: c.code,
      text: t(`program:caution.${c.code}`, { defaultValue: c.text }),
      help: Array.isArray(help) ? help.map(String) : c.help,
    };
  });
}

/** A question or session rule the engine sends as a code with its English text. */
export const codeWords = (t: TFunction, item: ProgramViewText, params: Record<string, string | number> = {}): string =>
  t(`program:${item.code}`, { ...params, defaultValue: item.text });

const nameOfId = (t: TFunction, id: unknown, fallback: unknown) =>
  t(`program:exercise.${String(id)}.name`, { defaultValue: String(fallback ?? id ?? '') });

/** Parameters of a change or note, with names, lanes, variables and reasons in the user's language. */
function localParams(t: TFunction, params: ProgramParams): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (params.fromId !== undefined) out.fromName = nameOfId(t, params.fromId, params.fromName);
  if (params.toId !== undefined) out.toName = nameOfId(t, params.toId, params.toName);
  if (params.toLane !== undefined) out.toLane = t(`program:lane.${String(params.toLane)}.name`);
  if (params.lane !== undefined) out.lane = t(`program:lane.${String(params.lane)}.name`);
  if (params.variable !== undefined) out.variable = t(`program:variable.${String(params.variable)}`);
  if (params.name !== undefined && params.exerciseId !== undefined)
    out.name = nameOfId(t, params.exerciseId, params.name);
  if (params.previousName !== undefined && params.previousId !== undefined)
    out.previousName = nameOfId(t, params.previousId, params.previousName);
  if (params.reason !== undefined)
    out.reason = t(`program:reason.${String(params.reason)}`, { defaultValue: t('program:reason.other') });
  return out;
}

export const changeWords = (t: TFunction, c: Pick<ProgramViewChange, 'code' | 'params' | 'text'>): string =>
  t(`program:change.${c.code}`, { ...localParams(t, c.params), defaultValue: c.text });

export const noteWords = (t: TFunction, code: string, params: ProgramParams = {}, fallback?: string): string =>
  t(`program:note.${code}`, { ...localParams(t, params), ...(fallback ? { defaultValue: fallback } : {}) });

/** The engine's refusal in the user's language (by its code), else in its own words. */
export const refusalWords = (t: TFunction, error: ProgramData['error']): string | null =>
  error ? (error.code ? t(`program:refusal.${error.code}`, { defaultValue: error.message }) : error.message) : null;
