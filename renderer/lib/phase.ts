import type { CompanionState, Phase } from '../../shared/state';
import type { BusyReason } from '../../shared/settings';
import { describeWorkingHours, formatClock, formatCountdown, formatDuration, formatMoment, type Fmt } from './time';

export type Tone = 'calm' | 'due' | 'active' | 'quiet';

export interface PhaseWords {
  /** One or two words for the status pill. */
  label: string;
  tone: Tone;
  /** The headline sentence. */
  title: string;
  /** A second, smaller sentence. */
  detail: string;
}

/** The status pill's words for each phase (app:phase.label.<phase>). */
export const phaseLabel = (phase: Phase, { t }: Fmt): string => t(`app:phase.label.${phase}`);

/** describeHold (shared/presence.ts) in the user's language: the first busy reason, in the same order. */
export function holdWords(busy: readonly BusyReason[], { t }: Fmt): string {
  const order: BusyReason[] = ['meeting', 'fullscreen', 'dnd', 'app'];
  const reason = order.find((r) => busy.includes(r));
  return t(`app:phase.hold.${reason ?? 'none'}`);
}

/**
 * The state in plain words, in the user's language (`fmt` from useT()). Pure: `now` is only
 * used to phrase times. `routinesOff`: guided routines are held back (an uncleared warning
 * sign), so a due break does not suggest one.
 */
export function describePhase(state: CompanionState, now: number, fmt: Fmt, { routinesOff = false } = {}): PhaseWords {
  const { t } = fmt;
  const label = phaseLabel(state.phase, fmt);
  const sat = () => formatDuration(now - Date.parse(state.stretchStart!), fmt);
  switch (state.phase) {
    case 'sitting': {
      const left = state.nextBreakAt ? Date.parse(state.nextBreakAt) - now : null;
      const since = state.stretchStart ? t('app:phase.sittingFor', { duration: sat() }) : '';
      return {
        label,
        tone: 'calm',
        title:
          left === null
            ? t('app:phase.sitting.title')
            : left <= 0
              ? t('app:phase.sitting.soon')
              : t('app:phase.sitting.nextIn', { left: formatCountdown(left, fmt) }),
        detail: state.nextBreakAt
          ? [t('app:phase.sitting.around', { time: formatClock(state.nextBreakAt, fmt) }), since]
              .filter(Boolean)
              .join(' ')
          : since,
      };
    }
    case 'due':
      return {
        label,
        tone: 'due',
        title: t('app:phase.due.title'),
        detail: [
          state.stretchStart ? t('app:phase.sittingFor', { duration: sat() }) : '',
          routinesOff ? '' : t('app:phase.due.detail'),
        ]
          .filter(Boolean)
          .join(' '),
      };
    case 'deferred':
      return {
        label,
        tone: 'calm',
        title: holdWords(state.busy, fmt),
        detail: state.nextBreakAt
          ? t('app:phase.deferred.comesAt', { time: formatClock(state.nextBreakAt, fmt) })
          : t('app:phase.deferred.comesFree'),
      };
    case 'routine':
      return { label, tone: 'active', title: t('app:phase.routine.title'), detail: t('app:phase.routine.detail') };
    case 'away':
      return { label, tone: 'quiet', title: t('app:phase.away.title'), detail: t('app:phase.away.detail') };
    case 'paused':
      return {
        label,
        tone: 'quiet',
        title: state.pausedUntil
          ? t('app:phase.paused.until', { moment: formatMoment(state.pausedUntil, now, fmt) })
          : t('app:phase.paused.title'),
        detail: t('app:phase.paused.detail'),
      };
    case 'off-hours':
      return {
        label,
        tone: 'quiet',
        title: t('app:phase.offHours.title'),
        detail: state.settings.workingHours
          ? t('app:phase.offHours.runs', { hours: describeWorkingHours(state.settings.workingHours, fmt) })
          : t('app:phase.offHours.resting'),
      };
  }
}
