import type { CompanionState, Phase } from '../../shared/state';
import { describeHold } from '../../shared/presence';
import { describeWorkingHours, formatClock, formatCountdown, formatDuration, formatMoment } from './time';

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

export const PHASE_LABELS: Record<Phase, string> = {
  sitting: 'Sitting',
  due: 'Break due',
  deferred: 'Break held',
  routine: 'On a break',
  away: 'Away',
  paused: 'Paused',
  'off-hours': 'Off hours',
};

/**
 * The state in plain words. Pure: `now` is only used to phrase times. `routinesOff`: guided
 * routines are held back (an uncleared warning sign), so a due break does not suggest one.
 */
export function describePhase(state: CompanionState, now: number, { routinesOff = false } = {}): PhaseWords {
  const label = PHASE_LABELS[state.phase];
  switch (state.phase) {
    case 'sitting': {
      const left = state.nextBreakAt ? Date.parse(state.nextBreakAt) - now : null;
      const since = state.stretchStart
        ? ` You've been sitting for ${formatDuration(now - Date.parse(state.stretchStart))}.`
        : '';
      return {
        label,
        tone: 'calm',
        title:
          left === null ? 'Sitting' : left <= 0 ? 'Your break is coming up' : `Next break in ${formatCountdown(left)}`,
        detail: state.nextBreakAt ? `Around ${formatClock(state.nextBreakAt)}.${since}` : since.trim(),
      };
    }
    case 'due':
      return {
        label,
        tone: 'due',
        title: 'Time to move',
        detail: [
          state.stretchStart ? `You've been sitting for ${formatDuration(now - Date.parse(state.stretchStart))}.` : '',
          routinesOff ? '' : 'One easy minute is plenty.',
        ]
          .filter(Boolean)
          .join(' '),
      };
    case 'deferred':
      return {
        label,
        tone: 'calm',
        title: describeHold(state.busy),
        detail: state.nextBreakAt
          ? `It will come anyway around ${formatClock(state.nextBreakAt)}, or a minute after you are free.`
          : 'It will come a minute after you are free.',
      };
    case 'routine':
      return {
        label,
        tone: 'active',
        title: 'Break in progress',
        detail: 'Enjoy the minute. The timer starts again when you finish.',
      };
    case 'away':
      return {
        label,
        tone: 'quiet',
        title: 'Away from the desk',
        detail: 'Time away counts as a break. The timer starts again when you are back.',
      };
    case 'paused':
      return {
        label,
        tone: 'quiet',
        title: state.pausedUntil ? `Paused until ${formatMoment(state.pausedUntil, now)}` : 'Paused',
        detail: 'No reminders until then. Resume whenever you like.',
      };
    case 'off-hours':
      return {
        label,
        tone: 'quiet',
        title: 'Outside your working hours',
        detail: state.settings.workingHours
          ? `Reminders run ${describeWorkingHours(state.settings.workingHours)}.`
          : 'Reminders are resting for now.',
      };
  }
}
