import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Feeling } from '../../shared/history';
import type { CompanionState } from '../../shared/state';
import { useAction, useCompanionState } from '../companion';
import { Icon } from '../components/Icon';
import { ErrorNote } from '../components/Notice';
import { describePhase } from '../lib/phase';
import { formatClock, formatDuration } from '../lib/time';
import { useNow } from '../lib/useNow';
import { hrefFor } from '../router';
import { RoutineSession } from './RoutineSession';

/** What the user just did in this window, so the next screen can say so. */
export type BreakOutcome =
  { kind: 'snoozed' } | { kind: 'skipped' } | { kind: 'done'; feeling: Feeling } | { kind: 'ended' };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable="true"]');

export function snoozeNote(state: CompanionState): string {
  if (state.settings.maxSnoozes === 0) return 'Snoozing is turned off in Settings.';
  if (state.snoozesLeft <= 0) return 'No snoozes left for this break. A short move now, or skip it.';
  return `${state.snoozesLeft} ${state.snoozesLeft === 1 ? 'snooze' : 'snoozes'} left for this break`;
}

interface BreakChoicesProps {
  state: CompanionState;
  /** "prompt": the break window, with keyboard shortcuts. "inline": inside the dashboard. */
  variant: 'prompt' | 'inline';
  onOutcome?: (outcome: BreakOutcome) => void;
}

/** Start / Snooze / Skip for a due break. The engine decides; this only asks. */
export function BreakChoices({ state, variant, onOutcome }: BreakChoicesProps) {
  const action = useAction();
  const busy = useRef(false);
  const canSnooze = state.snoozesLeft > 0 && state.settings.maxSnoozes > 0;
  const snoozeNoteId = `snooze-note-${variant}`;

  const run = async (kind: 'start' | 'snooze' | 'skip') => {
    if (busy.current) return;
    if (kind === 'snooze' && !canSnooze) return;
    busy.current = true;
    const type = kind === 'start' ? 'break/start' : kind === 'snooze' ? 'break/snooze' : 'break/skip';
    const next = await action.run({ type });
    busy.current = false;
    if (next && kind === 'snooze') onOutcome?.({ kind: 'snoozed' });
    if (next && kind === 'skip') onOutcome?.({ kind: 'skipped' });
  };
  // Enter starts, S snoozes, Esc skips: only in the break window, never while typing, and
  // Enter on another focused button keeps its own meaning.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
    if (isTyping(event.target)) return;
    const onControl = event.target instanceof HTMLElement && !!event.target.closest('button, a, [role="button"]');
    if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      void run('snooze');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void run('skip');
    } else if (event.key === 'Enter' && !onControl) {
      event.preventDefault();
      void run('start');
    }
  });

  useEffect(() => {
    if (variant !== 'prompt') return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [variant]);

  return (
    <div className={`break-choices break-choices-${variant}`}>
      <button
        type="button"
        className="button button-primary button-large"
        autoFocus={variant === 'prompt'}
        disabled={action.pending}
        onClick={() => void run('start')}
      >
        <Icon name="play" />
        <span className="button-label">Start the 60-second routine</span>
        {variant === 'prompt' && <kbd aria-hidden="true">Enter</kbd>}
      </button>
      <div className="break-secondary">
        <button
          type="button"
          className="button button-secondary"
          disabled={action.pending || !canSnooze}
          aria-describedby={snoozeNoteId}
          onClick={() => void run('snooze')}
        >
          <Icon name="snooze" />
          <span className="button-label">Snooze {state.settings.snoozeMin} min</span>
          {variant === 'prompt' && <kbd aria-hidden="true">S</kbd>}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={action.pending}
          onClick={() => void run('skip')}
        >
          <Icon name="skip" />
          <span className="button-label">Skip</span>
          {variant === 'prompt' && <kbd aria-hidden="true">Esc</kbd>}
        </button>
      </div>
      <p className={canSnooze ? 'snooze-note' : 'snooze-note snooze-note-empty'} id={snoozeNoteId}>
        {snoozeNote(state)}
      </p>
      {variant === 'prompt' && (
        <p className="key-hints" aria-hidden="true">
          <kbd>Enter</kbd> starts · <kbd>S</kbd> snoozes · <kbd>Esc</kbd> skips
        </p>
      )}
      <ErrorNote message={action.error} onDismiss={action.clearError} />
    </div>
  );
}

/**
 * The break window (#/prompt) and the routine view (#/routine): one flow that follows the
 * engine's phase — the prompt while a break is due, the routine while it runs, and a calm
 * "what happens next" otherwise.
 */
export function BreakFlow({ homeLink = false }: { homeLink?: boolean }) {
  const { state } = useCompanionState();
  const [outcome, setOutcome] = useState<BreakOutcome | null>(null);
  const now = useNow(1000);
  const phase = state?.phase;

  // A new break: forget what was said about the last one.
  const [lastPhase, setLastPhase] = useState(phase);
  if (phase !== lastPhase) {
    setLastPhase(phase);
    if (phase === 'due') setOutcome(null);
  }

  if (!state) return null;

  if (state.phase === 'due') {
    const sat = state.stretchStart ? formatDuration(now - Date.parse(state.stretchStart)) : null;
    return (
      <section className="break-card" aria-labelledby="break-title">
        <p className="eyebrow">
          <Icon name="walk" /> Break time
        </p>
        <h1 id="break-title" className="break-title" tabIndex={-1} data-page-title>
          Time to move
        </h1>
        <p className="break-lead">
          {sat ? `You've been sitting for ${sat}. ` : ''}A minute of easy movement is a kind thing to do for your back.
        </p>
        <BreakChoices state={state} variant="prompt" onOutcome={setOutcome} />
      </section>
    );
  }

  if (state.phase === 'routine' && state.routine) {
    return <RoutineSession routine={state.routine} onFinished={setOutcome} />;
  }

  return <AfterBreak state={state} outcome={outcome} now={now} homeLink={homeLink} />;
}

function AfterBreak({
  state,
  outcome,
  now,
  homeLink,
}: {
  state: CompanionState;
  outcome: BreakOutcome | null;
  now: number;
  homeLink: boolean;
}) {
  const next = state.phase === 'sitting' && state.nextBreakAt ? formatClock(state.nextBreakAt) : null;
  let title: string;
  let detail: string;
  let extra: string | null = null;
  switch (outcome?.kind) {
    case 'done':
      title = outcome.feeling === 'worse' ? 'Thanks for telling me' : 'Nice work';
      detail =
        outcome.feeling === 'better'
          ? 'Glad that helped.'
          : outcome.feeling === 'same'
            ? 'Steady is good. Moving regularly is what counts.'
            : 'Moves that keep feeling worse are swapped for gentler ones.';
      if (outcome.feeling === 'worse') {
        extra = 'If a move ever sends pain down your leg, stop it and talk to your clinician.';
      }
      break;
    case 'ended':
      title = 'That still counts';
      detail = 'Every bit of movement helps.';
      break;
    case 'snoozed':
      title = 'Snoozed';
      detail = next ? `I'll check back around ${next}.` : "I'll check back soon.";
      break;
    case 'skipped':
      title = 'Skipped, no problem';
      detail = 'Back to it.';
      break;
    default: {
      const words = describePhase(state, now);
      title = state.phase === 'sitting' ? 'No break right now' : words.title;
      detail = state.phase === 'sitting' ? '' : words.detail;
    }
  }
  return (
    <section className="break-card break-card-after" aria-labelledby="after-title">
      <p className="eyebrow">
        {outcome?.kind === 'done' || outcome?.kind === 'ended' ? (
          <>
            <Icon name="check" /> Break done
          </>
        ) : outcome ? (
          <>
            <Icon name="walk" /> Break time
          </>
        ) : (
          <>
            <Icon name="clock" /> Movesnack
          </>
        )}
      </p>
      <h1 id="after-title" className="break-title" tabIndex={-1} data-page-title>
        {title}
      </h1>
      {detail && <p className="break-lead">{detail}</p>}
      {extra && <p className="care-note">{extra}</p>}
      {next && outcome?.kind !== 'snoozed' && <p className="next-break">Next break around {next}.</p>}
      {homeLink && (
        <p>
          <a className="button button-secondary" href={hrefFor('dashboard')}>
            Back to today
          </a>
        </p>
      )}
    </section>
  );
}
