import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode } from 'react';
import type { Feeling } from '../../../shared/history';
import { PLAIN_BREAK_ID, routinesHeldBack, safetyGateReason, type Profile } from '../../../shared/profile';
import { reaskMessage } from '../../../shared/i18n/text';
import type { TFunction } from 'i18next';
import { useT } from '../../i18n';
import { useReaskReason, useRecentBreaks } from '../../data/flows';
import { findDirection, offeredRoutines } from '../../../shared/routine-selection';
import { findingText } from '../../../shared/direction-finding-text';
import { exerciseById } from '../../../shared/routines';
import { routineText } from '../../../shared/i18n/text';
import type { ActiveRoutine } from '../../../shared/state';
import type { Routine } from '../../../shared/routines';
import type { CompanionState } from '../../../shared/state';
import { useAction, useCompanionState } from '../../data/companion';
import { Icon } from '../../ui/Icon';
import { ErrorNote } from '../../ui/Notice';
import { describePhase } from '../../lib/phase';
import { formatClock, formatDuration } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { hrefFor } from '../../router';
import { RoutinePlayer, stepName } from '../routine';
import { Button, buttonClass } from '../../ui/Button';
import './prompt.css';

/** What the user just did in this window, so the next screen can say so. */
export type BreakOutcome =
  | { kind: 'snoozed' }
  | { kind: 'skipped' }
  /** `routine`: what was played (id and steps), so "which step felt worse?" can name them. */
  | { kind: 'done'; feeling: Feeling; routine?: ActiveRoutine }
  | { kind: 'ended' };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable="true"]');

export function snoozeNote(state: CompanionState, t: TFunction): string {
  if (state.settings.maxSnoozes === 0) return t('prompt:snooze.off');
  if (state.snoozesLeft <= 0) return t('prompt:snooze.none');
  return t('prompt:snooze.left', { count: state.snoozesLeft });
}

/**
 * The safety gate (DESIGN.md "Safety gate"): the engine refuses a guided routine while the
 * safety check is unanswered, or while a reported warning sign has not been cleared. The
 * renderer says the same up front and offers what still works: a plain walking break.
 */

/** Where the prompt's "take the safety check" link goes: the first run's safety step. */
export const SAFETY_CHECK_HREF = `${hrefFor('first-run')}?step=safety`;

/**
 * True while guided routines are held back. Fail-safe: an unknown profile (not loaded yet)
 * holds them too; the engine would refuse anyway.
 */
export function routinesOff(profile: Profile | null): boolean {
  return !profile || routinesHeldBack(profile);
}

/**
 * The plain notice shown where a routine would start: never answered (with the link to the
 * check), or a sign awaiting clearance (the main window links to the answer in Settings).
 */
export function RoutinesOffNote({ link = false }: { link?: boolean }) {
  const { profile } = useCompanionState();
  const { t } = useT();
  if (!profile) return null;
  if (profile && safetyGateReason(profile) === 'unanswered') {
    return (
      <div className="held-note" role="note">
        <Icon name="alert" />
        <p>
          {t('prompt:gate.unscreened')} <a href={SAFETY_CHECK_HREF}>{t('prompt:gate.takeCheck')}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="held-note" role="note">
      <Icon name="alert" />
      <p>
        {t('prompt:gate.routinesOff')} {link && <a href={hrefFor('settings')}>{t('prompt:gate.updateAnswer')}</a>}
      </p>
    </div>
  );
}

/** The safety questions are due again (six weeks, new questions, "worse" piling up): a quiet note. */
function ReaskNote() {
  const { api, profile } = useCompanionState();
  const reason = useReaskReason(api, profile?.redFlags ?? null);
  const { t } = useT();
  if (!profile || !reason || reason === 'never' || routinesHeldBack(profile)) return null;
  return (
    <p className="reask-note" role="note">
      {reaskMessage(t, reason)} <a href={SAFETY_CHECK_HREF}>{t('prompt:gate.answerCheck')}</a>
    </p>
  );
}

interface BreakChoicesProps {
  state: CompanionState;
  /** "prompt": the break window, with keyboard shortcuts. "inline": inside the dashboard. */
  variant: 'prompt' | 'inline';
  onOutcome?: (outcome: BreakOutcome) => void;
  /**
   * Guided routines are held back (safety check unanswered, or a sign not cleared): the main
   * button starts the plain walking break instead (it counts as taken); Snooze and Skip stay.
   */
  startDisabled?: boolean;
  /** Shown under the buttons, e.g. "Choose another routine". */
  extra?: ReactNode;
}

/** Start / Snooze / Skip for a due break. The engine decides; this only asks. */
export function BreakChoices({ state, variant, onOutcome, startDisabled = false, extra }: BreakChoicesProps) {
  const action = useAction();
  const { t } = useT();
  const busy = useRef(false);
  const canSnooze = state.snoozesLeft > 0 && state.settings.maxSnoozes > 0;
  const snoozeNoteId = `snooze-note-${variant}`;

  const run = async (kind: 'start' | 'snooze' | 'skip') => {
    if (busy.current) return;
    if (kind === 'snooze' && !canSnooze) return;
    busy.current = true;
    const next = await action.run(
      kind === 'start'
        ? startDisabled
          ? { type: 'break/start', routineId: PLAIN_BREAK_ID }
          : { type: 'break/start' }
        : { type: kind === 'snooze' ? 'break/snooze' : 'break/skip' },
    );
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
      <Button
        type="button"
        variant="primary"
        size="large"
        autoFocus={variant === 'prompt'}
        disabled={action.pending}
        onClick={() => void run('start')}
      >
        <Icon name={startDisabled ? 'walk' : 'play'} />
        <span className="button-label">
          {startDisabled ? t('prompt:choices.walkAbout') : t('prompt:choices.start')}
        </span>
        {variant === 'prompt' && (
          <kbd aria-hidden="true" translate="no">
            Enter
          </kbd>
        )}
      </Button>
      <div className="break-secondary">
        <Button
          type="button"
          variant="secondary"
          disabled={action.pending || !canSnooze}
          aria-describedby={snoozeNoteId}
          onClick={() => void run('snooze')}
        >
          <Icon name="snooze" />
          <span className="button-label">{t('prompt:choices.snooze', { minutes: state.settings.snoozeMin })}</span>
          {variant === 'prompt' && (
            <kbd aria-hidden="true" translate="no">
              S
            </kbd>
          )}
        </Button>
        <Button type="button" variant="secondary" disabled={action.pending} onClick={() => void run('skip')}>
          <Icon name="skip" />
          <span className="button-label">{t('prompt:choices.skip')}</span>
          {variant === 'prompt' && (
            <kbd aria-hidden="true" translate="no">
              Esc
            </kbd>
          )}
        </Button>
      </div>
      <div className="break-notes">
        <p className={canSnooze ? 'snooze-note' : 'snooze-note snooze-note-empty'} id={snoozeNoteId}>
          {snoozeNote(state, t)}
        </p>
        {extra}
      </div>
      {variant === 'prompt' && (
        <p className="key-hints" aria-hidden="true">
          <kbd translate="no">Enter</kbd> {t('prompt:keys.starts')} · <kbd translate="no">S</kbd>{' '}
          {t('prompt:keys.snoozes')} · <kbd translate="no">Esc</kbd> {t('prompt:keys.skips')}
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
  const { state, profile, dismissedWarnings, day } = useCompanionState();
  const [outcome, setOutcome] = useState<BreakOutcome | null>(null);
  const [choosing, setChoosing] = useState(false);
  const action = useAction();
  const fmt = useT();
  const { t } = fmt;
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
    const sat = state.stretchStart ? formatDuration(now - Date.parse(state.stretchStart), fmt) : null;
    return (
      <section className="break-card" aria-labelledby="break-title">
        <p className="eyebrow">
          <Icon name="walk" /> {t('prompt:due.eyebrow')}
        </p>
        <h1 id="break-title" className="break-title" tabIndex={-1} data-page-title>
          {t('prompt:due.title')}
        </h1>
        <p className="break-lead">
          {sat ? `${t('prompt:due.sat', { duration: sat })} ` : ''}
          {/* While routines are held, the walk button says what to do; the small window keeps room. */}
          {off ? '' : t('prompt:due.lead')}
        </p>
        <HeldNote heldMin={day?.heldMin ?? null} state={state} />
        {off && <RoutinesOffNote />}
        {!off && <ReaskNote />}
        <BreakChoices
          state={state}
          variant="prompt"
          onOutcome={setOutcome}
          startDisabled={off}
          extra={
            profile && !off ? (
              <button type="button" className="text-button" onClick={() => setChoosing(true)}>
                {t('prompt:due.chooseAnother')}
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
          onComplete={(feeling) => {
            const played = state.routine!;
            void action
              .run({ type: 'routine/complete', feeling })
              .then((ok) => ok && setOutcome({ kind: 'done', feeling, routine: played }));
          }}
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
  const { t } = useT();
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
        {t('prompt:chooser.title')}
      </h1>
      <p className="break-lead">{t('prompt:chooser.lead')}</p>
      <ul className="chooser-list">
        {routines.map((routine) => (
          <li key={routine.id}>
            <button type="button" className="chooser-item" disabled={action.pending} onClick={() => start(routine)}>
              <span className="chooser-name">
                {routineText(t, routine.id).name}
                {routine.kind === 'nerve-glide' && <span className="badge">{t('prompt:chooser.forLeg')}</span>}
                {routine.id === preferred && (
                  <span className="badge badge-accent">{t('prompt:chooser.yourChoice')}</span>
                )}
              </span>
              <span className="chooser-summary">{routineText(t, routine.id).summary}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote message={action.error} onDismiss={action.clearError} />
      <div className="chooser-foot">
        <Button type="button" variant="secondary" onClick={onBack}>
          {t('prompt:chooser.back')}
        </Button>
        <span className="key-hint-inline" aria-hidden="true">
          <kbd translate="no">Esc</kbd> {t('prompt:chooser.escBack')}
        </span>
      </div>
    </section>
  );
}

const BACK_FEELINGS = ['fine', 'stiff', 'sore'] as const;
type BackFeeling = (typeof BACK_FEELINGS)[number];

/**
 * One tap on how the back feels: stiff and sore are a discomfort report (they mark the sitting
 * stretch), fine is only acknowledged.
 */
export function BackCheck() {
  const action = useAction();
  const [told, setTold] = useState<BackFeeling | null>(null);
  const labelId = useId();
  const { t } = useT();

  const tell = async (feeling: BackFeeling) => {
    if (feeling !== 'fine' && !(await action.run({ type: 'discomfort/report' }))) return;
    setTold(feeling);
  };

  return (
    <div className="back-check">
      <div className="back-check-row" role="group" aria-labelledby={labelId}>
        <span className="back-check-label" id={labelId}>
          {t('prompt:back.label')}
        </span>
        {BACK_FEELINGS.map((f) => (
          <button
            key={f}
            type="button"
            className="chip chip-small"
            aria-pressed={told === f}
            disabled={action.pending}
            onClick={() => void tell(f)}
          >
            {t(`prompt:back.${f}`)}
          </button>
        ))}
      </div>
      <p className="back-check-note" role="status">
        {told === 'fine' ? t('prompt:back.good') : told ? t(`prompt:back.noted.${told}`) : ''}
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
  const fmt = useT();
  const { t } = fmt;
  useEffect(() => {
    if (outcome) titleRef.current?.focus();
  }, [outcome]);
  const next = state.phase === 'sitting' && state.nextBreakAt ? formatClock(state.nextBreakAt, fmt) : null;
  let title: string;
  let detail: string;
  let extra: string | null = null;
  switch (outcome?.kind) {
    case 'done':
      title = outcome.feeling === 'worse' ? t('prompt:after.thanks') : t('prompt:after.niceWork');
      detail =
        outcome.feeling === 'better'
          ? t('prompt:after.better')
          : outcome.feeling === 'same'
            ? t('prompt:after.same')
            : outcome.routine && outcome.routine.steps.length > 1
              ? t('prompt:after.tapStep')
              : t('prompt:after.takeEasy');
      if (outcome.feeling === 'worse' && !legNoticeShown) {
        extra = t('prompt:after.legCare');
      }
      break;
    case 'ended':
      title = t('prompt:after.stillCounts');
      detail = t('prompt:after.everyBit');
      break;
    case 'snoozed':
      title = t('prompt:after.snoozed');
      detail = next ? t('prompt:after.checkBackAt', { time: next }) : t('prompt:after.checkBackSoon');
      break;
    case 'skipped':
      title = t('prompt:after.skipped');
      detail = t('prompt:after.backToIt');
      break;
    default: {
      const words = describePhase(state, now, fmt);
      title = state.phase === 'sitting' ? t('prompt:after.noBreak') : words.title;
      detail = state.phase === 'sitting' ? '' : words.detail;
    }
  }
  return (
    <section className="break-card break-card-after" aria-labelledby="after-title">
      <p className="eyebrow">
        {outcome?.kind === 'done' || outcome?.kind === 'ended' ? (
          <>
            <Icon name="check" /> {t('prompt:after.eyebrowDone')}
          </>
        ) : outcome ? (
          <>
            <Icon name="walk" /> {t('prompt:due.eyebrow')}
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
      {outcome?.kind === 'done' && outcome.feeling === 'worse' && outcome.routine && (
        <WhichStep routine={outcome.routine} />
      )}
      {extra && <p className="care-note">{extra}</p>}
      {outcome?.kind === 'done' && <DirectionNote outcome={outcome} />}
      {outcome?.kind === 'done' && outcome.feeling !== 'worse' && <ReofferQuestion />}
      {next && outcome?.kind !== 'snoozed' && (
        <p className="next-break">{t('prompt:after.nextAround', { time: next })}</p>
      )}
      {homeLink && (
        <p>
          <a className={buttonClass('secondary')} href={hrefFor('dashboard')}>
            {t('prompt:after.backToToday')}
          </a>
        </p>
      )}
    </section>
  );
}

/**
 * "Which step felt worse?": one tap on a step swaps that step only (the engine keeps the swap);
 * "Skip" swaps nothing. Shown after a routine answered with "worse".
 */
export function WhichStep({ routine }: { routine: ActiveRoutine }) {
  const action = useAction();
  const [answered, setAnswered] = useState<string | null | undefined>(undefined);
  const labelId = useId();
  const { t } = useT();
  const steps = routine.steps.filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i);
  if (steps.length < 2) return null;

  const tell = async (stepId: string | null) => {
    if (await action.run({ type: 'routine/worse-step', stepId })) setAnswered(stepId);
  };
  if (answered !== undefined) {
    const step = steps.find((s) => s.id === answered);
    return (
      <p className="care-note" role="status">
        {step ? t('prompt:which.swapped', { name: stepName(t, step) }) : t('prompt:which.nothing')}
      </p>
    );
  }
  return (
    <div className="back-check which-step">
      <div className="back-check-row" role="group" aria-labelledby={labelId}>
        <span className="back-check-label" id={labelId}>
          {t('prompt:which.label')}
        </span>
        {steps.map((step) => (
          <button
            key={step.id}
            type="button"
            className="chip chip-small"
            disabled={action.pending}
            onClick={() => void tell(step.id)}
          >
            {stepName(t, step)}
          </button>
        ))}
        <button type="button" className="text-button" disabled={action.pending} onClick={() => void tell(null)}>
          {t('prompt:which.skip')}
        </button>
      </div>
      <ErrorNote message={action.error} onDismiss={action.clearError} />
    </div>
  );
}

/**
 * A swapped step is offered again after a run of good sessions, and only with the user's yes
 * (shared/routine-selection.ts stepsToReoffer / applyReoffer). Shown after a better or same
 * answer when the engine lists one.
 */
export function ReofferQuestion() {
  const { api } = useCompanionState();
  const action = useAction();
  const [stepId, setStepId] = useState<string | null>(null);
  const [done, setDone] = useState<boolean | null>(null);
  const { t } = useT();
  useEffect(() => {
    let alive = true;
    // A window whose API predates the channel simply never offers.
    if (typeof api.getStepSwaps !== 'function') return;
    api.getStepSwaps().then(
      (r) => alive && setStepId(r.reoffer[0] ?? null),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api]);
  const step = stepId ? exerciseById(stepId) : undefined;
  if (!step) return null;
  if (done !== null) {
    return (
      <p className="care-note" role="status">
        {done ? t('prompt:reoffer.back', { name: stepName(t, step) }) : t('prompt:reoffer.stays')}
      </p>
    );
  }
  const answer = async (accept: boolean) => {
    if (await action.run({ type: 'routine/reoffer', stepId: step.id, accept })) setDone(accept);
  };
  return (
    <div className="care-note reoffer" role="group" aria-labelledby="reoffer-text">
      <p id="reoffer-text">{t('prompt:reoffer.question', { name: stepName(t, step) })}</p>
      <p>
        <Button type="button" variant="secondary" disabled={action.pending} onClick={() => void answer(true)}>
          {t('prompt:reoffer.yes')}
        </Button>{' '}
        <button type="button" className="text-button" disabled={action.pending} onClick={() => void answer(false)}>
          {t('prompt:reoffer.notYet')}
        </button>
      </p>
      <ErrorNote message={action.error} onDismiss={action.clearError} />
    </div>
  );
}

/**
 * For users unsure which direction helps: what the answers found, said when this break changed
 * it, with the choice to keep it for good or change it in Settings.
 */
export function DirectionNote({ outcome }: { outcome: Extract<BreakOutcome, { kind: 'done' }> }) {
  const { api, profile } = useCompanionState();
  const action = useAction();
  const breaks = useRecentBreaks(api, DIRECTION_DAYS, outcome);
  const [kept, setKept] = useState(false);
  const { t } = useT();
  if (!profile || profile.directionalPreference !== 'unsure' || !outcome.routine || !breaks.length) return null;
  const last = breaks.at(-1)!;
  if (last.routineId !== outcome.routine.id) return null; // not recorded yet
  const before = findDirection(breaks.slice(0, -1));
  const after = findDirection(breaks);
  const changed =
    after.status !== before.status ||
    ('direction' in after && 'direction' in before && after.direction !== before.direction);
  if (!changed || after.status === 'trying') return null;
  const text = findingText(t, after);
  const keep = after.status === 'found' ? after.direction : null;
  return (
    <div className="care-note direction-note" role="status">
      <p>{text}</p>
      {kept ? (
        <p>{t('prompt:direction.saved')}</p>
      ) : (
        <p>
          {keep && (
            <>
              <Button
                type="button"
                variant="secondary"
                disabled={action.pending}
                onClick={() =>
                  void action
                    .run({ type: 'profile/save', profile: { directionalPreference: keep } })
                    .then((ok) => ok && setKept(true))
                }
              >
                {t('prompt:direction.keep')}
              </Button>{' '}
            </>
          )}
          <a href={hrefFor('settings')}>{t('prompt:direction.change')}</a>
        </p>
      )}
    </div>
  );
}

/** How far back the direction finding looks in the renderer (the engine passes its own history). */
const DIRECTION_DAYS = 14;

/**
 * The break that follows a hold (DESIGN.md "Presence"): how long it waited while the user was
 * busy (getDay().heldMin), and, when the longest hold ran out while still busy, that snoozing is fine.
 */
export function HeldNote({ heldMin, state }: { heldMin: number | null; state: CompanionState }) {
  const fmt = useT();
  if (heldMin === null) return null;
  const stillBusy = state.settings.maxDeferMin > 0 && state.busy.some((reason) => state.settings.deferFor[reason]);
  return (
    <p className="held-for">
      <Icon name="hourglass" />
      <span>
        {fmt.t('prompt:held.for', { duration: formatDuration(heldMin * 60_000, fmt) })}
        {stillBusy ? ` ${fmt.t('prompt:held.stillBusy')}` : ''}
      </span>
    </p>
  );
}
