import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode } from 'react';
import type { Feeling } from '../../shared/history';
import { routinesHeldBack, type Profile } from '../../shared/profile';
import { offeredRoutines } from '../../shared/routine-selection';
import type { Routine } from '../../shared/routines';
import type { CompanionState } from '../../shared/state';
import { useAction, useCompanionState } from '../companion';
import { Icon } from '../components/Icon';
import { ErrorNote } from '../components/Notice';
import { describePhase } from '../lib/phase';
import { formatClock, formatDuration } from '../lib/time';
import { useNow } from '../lib/useNow';
import { hrefFor } from '../router';
import { RoutinePlayer } from '../routine/RoutinePlayer';

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

/**
 * The engine refuses `break/start` while a reported warning sign has not been cleared; the
 * renderer says the same up front instead of offering a button that cannot work.
 */
export const ROUTINES_OFF_TEXT =
  'Movement routines are switched off until you confirm that a clinician has checked the warning signs you reported.';

export function routinesOff(profile: Profile | null): boolean {
  return !!profile && routinesHeldBack(profile);
}

/** The plain notice shown where a routine would start; the main window links to the answer. */
export function RoutinesOffNote({ link = false }: { link?: boolean }) {
  return (
    <div className="held-note" role="note">
      <Icon name="alert" />
      <p>
        {ROUTINES_OFF_TEXT}{' '}
        {link ? (
          <a href={hrefFor('settings')}>Update your answer in Settings</a>
        ) : (
          <span>You can update your answer in Settings.</span>
        )}
      </p>
    </div>
  );
}

interface BreakChoicesProps {
  state: CompanionState;
  /** "prompt": the break window, with keyboard shortcuts. "inline": inside the dashboard. */
  variant: 'prompt' | 'inline';
  onOutcome?: (outcome: BreakOutcome) => void;
  /** Routines are held back (red flags not cleared): no Start button, Snooze and Skip stay. */
  startDisabled?: boolean;
  /** Shown under the buttons, e.g. "Choose another routine". */
  extra?: ReactNode;
}

/** Start / Snooze / Skip for a due break. The engine decides; this only asks. */
export function BreakChoices({ state, variant, onOutcome, startDisabled = false, extra }: BreakChoicesProps) {
  const action = useAction();
  const busy = useRef(false);
  const canSnooze = state.snoozesLeft > 0 && state.settings.maxSnoozes > 0;
  const snoozeNoteId = `snooze-note-${variant}`;

  const run = async (kind: 'start' | 'snooze' | 'skip') => {
    if (busy.current) return;
    if (kind === 'snooze' && !canSnooze) return;
    if (kind === 'start' && startDisabled) return;
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
      {!startDisabled && (
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
      )}
      <div className="break-secondary">
        <button
          type="button"
          className="button button-secondary"
          disabled={action.pending || !canSnooze}
          autoFocus={variant === 'prompt' && startDisabled && canSnooze}
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
          autoFocus={variant === 'prompt' && startDisabled && !canSnooze}
          onClick={() => void run('skip')}
        >
          <Icon name="skip" />
          <span className="button-label">Skip</span>
          {variant === 'prompt' && <kbd aria-hidden="true">Esc</kbd>}
        </button>
      </div>
      <div className="break-notes">
        <p className={canSnooze ? 'snooze-note' : 'snooze-note snooze-note-empty'} id={snoozeNoteId}>
          {snoozeNote(state)}
        </p>
        {extra}
      </div>
      {variant === 'prompt' && (
        <p className="key-hints" aria-hidden="true">
          {startDisabled ? null : (
            <>
              <kbd>Enter</kbd> starts ·{' '}
            </>
          )}
          <kbd>S</kbd> snoozes · <kbd>Esc</kbd> skips
        </p>
      )}
      <ErrorNote message={action.error} onDismiss={action.clearError} />
    </div>
  );
}

/**
 * The break window (#/prompt) and the routine view (#/routine): one flow that follows the
 * engine's phase — the prompt while a break is due, the routine player while it runs, and a
 * calm "what happens next" otherwise.
 */
export function BreakFlow({ homeLink = false }: { homeLink?: boolean }) {
  const { state, profile, dismissedWarnings } = useCompanionState();
  const [outcome, setOutcome] = useState<BreakOutcome | null>(null);
  const [choosing, setChoosing] = useState(false);
  const action = useAction();
  const now = useNow(1000);
  const phase = state?.phase;

  // A new break: forget what was said about the last one.
  const [lastPhase, setLastPhase] = useState(phase);
  if (phase !== lastPhase) {
    setLastPhase(phase);
    setChoosing(false);
    if (phase === 'due') setOutcome(null);
  }

  if (!state) return null;

  if (state.phase === 'due') {
    const off = routinesOff(profile);
    if (choosing && profile && !off) {
      return <RoutineChooser profile={profile} state={state} onBack={() => setChoosing(false)} />;
    }
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
          {sat ? `You've been sitting for ${sat}. ` : ''}
          {off ? '' : 'A minute of easy movement is a kind thing to do for your back.'}
        </p>
        {off && <RoutinesOffNote />}
        <BreakChoices
          state={state}
          variant="prompt"
          onOutcome={setOutcome}
          startDisabled={off}
          extra={
            profile && !off ? (
              <button type="button" className="text-button" onClick={() => setChoosing(true)}>
                Choose another routine
              </button>
            ) : null
          }
        />
        <BackCheck />
      </section>
    );
  }

  if (state.phase === 'routine' && state.routine) {
    return (
      <div className="routine-stage">
        <RoutinePlayer
          routine={state.routine}
          settings={state.settings}
          onComplete={(feeling) =>
            void action
              .run({ type: 'routine/complete', feeling })
              .then((ok) => ok && setOutcome({ kind: 'done', feeling }))
          }
          onAbandon={() =>
            void action.run({ type: 'routine/abandon' }).then((ok) => ok && setOutcome({ kind: 'ended' }))
          }
        />
        <ErrorNote message={action.error} onDismiss={action.clearError} />
      </div>
    );
  }

  const legNoticeShown = state.warnings.some((w) => !dismissedWarnings.has(w) && /down your leg/.test(w));
  return <AfterBreak state={state} outcome={outcome} now={now} homeLink={homeLink} legNoticeShown={legNoticeShown} />;
}

/** "Choose another routine": the routines that suit the user's answers, best first. */
function RoutineChooser({ profile, state, onBack }: { profile: Profile; state: CompanionState; onBack: () => void }) {
  const action = useAction();
  const routines = offeredRoutines(profile);
  const preferred = state.settings.routineId;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  // Esc goes back to the prompt here (it skips the break there).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onBack();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const start = (routine: Routine) => void action.run({ type: 'break/start', routineId: routine.id });

  return (
    <section className="break-card chooser" aria-labelledby="chooser-title">
      <h1 id="chooser-title" className="break-title chooser-title" tabIndex={-1} ref={headingRef} data-page-title>
        Choose a routine
      </h1>
      <p className="break-lead">Each one takes a minute. These suit the answers you gave about your back.</p>
      <ul className="chooser-list">
        {routines.map((routine) => (
          <li key={routine.id}>
            <button type="button" className="chooser-item" disabled={action.pending} onClick={() => start(routine)}>
              <span className="chooser-name">
                {routine.name}
                {routine.kind === 'nerve-glide' && <span className="badge">For leg symptoms</span>}
                {routine.id === preferred && <span className="badge badge-accent">Your choice</span>}
              </span>
              <span className="chooser-summary">{routine.summary}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote message={action.error} onDismiss={action.clearError} />
      <div className="chooser-foot">
        <button type="button" className="button button-secondary" onClick={onBack}>
          Back
        </button>
        <span className="key-hint-inline" aria-hidden="true">
          <kbd>Esc</kbd> back
        </span>
      </div>
    </section>
  );
}

const BACK_FEELINGS = [
  { value: 'fine', label: 'Fine' },
  { value: 'stiff', label: 'Stiff' },
  { value: 'sore', label: 'Sore' },
] as const;
type BackFeeling = (typeof BACK_FEELINGS)[number]['value'];

/**
 * One tap on how the back feels: stiff and sore are a discomfort report (they mark the sitting
 * stretch), fine is only acknowledged.
 */
export function BackCheck() {
  const action = useAction();
  const [told, setTold] = useState<BackFeeling | null>(null);
  const labelId = useId();

  const tell = async (feeling: BackFeeling) => {
    if (feeling !== 'fine' && !(await action.run({ type: 'discomfort/report' }))) return;
    setTold(feeling);
  };

  return (
    <div className="back-check">
      <div className="back-check-row" role="group" aria-labelledby={labelId}>
        <span className="back-check-label" id={labelId}>
          My back is
        </span>
        {BACK_FEELINGS.map((f) => (
          <button
            key={f.value}
            type="button"
            className="chip chip-small"
            aria-pressed={told === f.value}
            disabled={action.pending}
            onClick={() => void tell(f.value)}
          >
            {f.label}
          </button>
        ))}
      </div>
      <p className="back-check-note" role="status">
        {told === 'fine' ? 'Good to hear.' : told ? `Noted: ${told}. It helps show how long you sit comfortably.` : ''}
      </p>
      <ErrorNote message={action.error} onDismiss={action.clearError} />
    </div>
  );
}

function AfterBreak({
  state,
  outcome,
  now,
  homeLink,
  legNoticeShown,
}: {
  state: CompanionState;
  outcome: BreakOutcome | null;
  now: number;
  homeLink: boolean;
  /** The engine's one-time note about leg pain is on screen: do not say it twice. */
  legNoticeShown: boolean;
}) {
  // The button that was pressed is gone: keyboard and screen-reader users land on what happened.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome) titleRef.current?.focus();
  }, [outcome]);
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
      if (outcome.feeling === 'worse' && !legNoticeShown) {
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
      <h1 id="after-title" className="break-title" tabIndex={-1} ref={titleRef} data-page-title>
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
