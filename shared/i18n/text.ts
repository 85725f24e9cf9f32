/**
 * Translated texts for the shared data, looked up by id: what the screens, the tray, the
 * notifications and the CLI call instead of reading the English fields of shared/*.ts.
 * Every function takes an i18next `t` (from createI18n(lang).t or the React hook).
 */
import type { TFunction } from 'i18next';
import type { CSV_COLUMNS } from '../csv';
import type { RedFlagId, ReaskReason, Urgency } from '../red-flags';
import type { AnyReminderKind } from '../reminders';
import { REMINDER_TEXT } from '../reminders';
import type { BusyReason } from '../settings';

type T = TFunction;
type CsvColumnId = (typeof CSV_COLUMNS)[number];

export const exerciseText = (t: T, id: string): { name: string; cues: string[] } => ({
  name: t(`routines:exercises.${id}.name`),
  cues: t(`routines:exercises.${id}.cues`, { returnObjects: true }) as unknown as string[],
});

export const routineText = (t: T, id: string): { name: string; summary: string } => ({
  name: t(`routines:routines.${id}.name`),
  summary: t(`routines:routines.${id}.summary`),
});

export const checklistAreaText = (t: T, id: string): { title: string; intro: string } => ({
  title: t(`checklist:areas.${id}.title`),
  intro: t(`checklist:areas.${id}.intro`),
});

/** `note` is undefined for items without one, as in shared/checklist.ts. */
export function checklistItemText(t: T, id: string): { question: string; fix: string; note?: string } {
  const noteKey = `checklist:items.${id}.note`;
  return {
    question: t(`checklist:items.${id}.question`),
    fix: t(`checklist:items.${id}.fix`),
    ...(t(noteKey, { defaultValue: '' }) ? { note: t(noteKey) } : {}),
  };
}

export const redFlagText = (t: T, id: RedFlagId): { label: string; detail: string } => ({
  label: t(`clinical:flags.${id}.label`),
  detail: t(`clinical:flags.${id}.detail`),
});

/** What to do for an urgency. The emergency one says "now", in every language. */
export const urgencyText = (t: T, urgency: Urgency): { title: string; action: string } => ({
  title: t(`clinical:urgency.${urgency}.title`),
  action: t(`clinical:urgency.${urgency}.action`),
});

export const reaskMessage = (t: T, reason: ReaskReason): string => t(`clinical:reask.${reason}`);

export const reminderText = (t: T, kind: AnyReminderKind) => ({
  title: t(`reminders:${kind}.title`),
  body: t(`reminders:${kind}.body`),
  view: REMINDER_TEXT[kind].view,
});

/** describeHold (shared/presence.ts), translated: the first busy reason, in the same order. */
export function holdText(t: T, busy: readonly BusyReason[]): string {
  const order: BusyReason[] = ['meeting', 'fullscreen', 'dnd', 'app'];
  const reason = order.find((r) => busy.includes(r));
  return t(`tray:hold.${reason ?? 'none'}`);
}

/** The "break is due" notification (main/electron/notifications.ts), translated. */
export function dueNotificationText(t: T, snoozesLeft: number): { title: string; body: string } {
  const body = t('notifications:due.body');
  return {
    title: t('notifications:due.title'),
    body: snoozesLeft > 0 ? `${body} ${t('notifications:due.snoozes', { count: snoozesLeft })}` : body,
  };
}

export const pauseChoiceLabel = (t: T, choice: '30m' | '1h' | '2h' | 'tomorrow'): string => t(`tray:pause.${choice}`);

/** CSV header labels for people (the file's own header stays the stable ids: see README). */
export const csvColumnLabel = (t: T, column: CsvColumnId): string => t(`csv:columns.${column}`);

/** Warnings whose plural hangs on a parameter other than `count`. */
const PLURAL_PARAM: Record<string, string> = {
  'quit.records-unsaved': 'records',
  'history.month-stray-bytes': 'bytes',
};

/**
 * An engine refusal or warning (state.notices) in the user's language, from its code and
 * parameters (DESIGN.md "Language"; shared/engine-messages.ts). Parameters the sentence needs
 * in words (an action, a phase, a routine's name) are looked up here; an unknown code falls
 * back to the English text given. `error`, `reason` and `message.text` parameters are the
 * system's or an older part's own English and stay as they are.
 */
export function engineMessage(
  t: T,
  message: { code: string; params?: Record<string, string | number> },
  englishFallback?: string,
): string {
  const params: Record<string, string | number> = { ...(message.params ?? {}) };
  const { code } = message;
  if (code === 'phase.refused') {
    const action = String(params.action ?? '');
    params.action = t(`engine:actionWords.${action}`, { defaultValue: t('engine:actionWords.other') });
    params.phase = t(`engine:phaseWords.${String(params.phase ?? '')}`);
  }
  if (code === 'routine.unfit' && params.routineId !== undefined) {
    params.routine = routineText(t, String(params.routineId)).name;
  }
  if (PLURAL_PARAM[code] && params[PLURAL_PARAM[code]] !== undefined) params.count = Number(params[PLURAL_PARAM[code]]);
  if (params.count !== undefined) params.count = Number(params.count);
  if (code === 'history.out-of-range') {
    const kept = Number(params.kept ?? 0);
    params.keptPart = kept ? t('engine:history.out-of-range-kept', { count: kept }) : '';
  }
  const key = code === 'interval.not-offered' && params.minutes !== undefined ? 'engine:interval.not-offered-minutes' : `engine:${code}`;
  const text = t(key, { ...params, defaultValue: '' });
  return text || englishFallback || t('engine:unknown');
}
