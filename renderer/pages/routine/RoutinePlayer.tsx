import { useEffect, useEffectEvent, useMemo, useReducer, useRef, useState } from 'react';
import type { Feeling } from '../../../shared/history';
import { exerciseById, routineById } from '../../../shared/routines';
import type { Settings } from '../../../shared/settings';
import type { ActiveRoutine, RoutineStepView } from '../../../shared/state';
import { ExerciseIllustration } from '../../illustrations';
import { createChime, type Chime, type ChimeKind } from './chime';
import { buildTimeline, formatSeconds, locate } from './timeline';
import type { TFunction } from 'i18next';
import { routineText } from '../../../shared/i18n/text';
import { useT } from '../../i18n';
import { formatClock, type Fmt } from '../../lib/time';
import { stepCues, stepName } from './step-text';
import './routine-player.css';

/** How often the display catches up with the clock while the routine runs. */
export const TICK_MS = 250;
/** A longer gap between two ticks (the machine slept, the window was frozen) counts as this much. */
const MAX_TICK_GAP_MS = 2000;
/** How long the "switch sides" cue stays prominent. */
const SWITCH_CUE_MS = 2500;

export interface RoutinePlayerProps {
  /** The routine the engine chose (state.routine): played exactly as given. */
  routine: ActiveRoutine;
  /** Sound: settings.soundEnabled and settings.soundVolume (0…1). */
  settings: Pick<Settings, 'soundEnabled' | 'soundVolume'>;
  /** The routine ran to its end and the user answered the feeling question. */
  onComplete: (feeling: Feeling) => void;
  /** The user ended early; `secondsDone` is the time actually spent moving (skipped steps do not count). */
  onAbandon: (secondsDone: number) => void;
  /** Title above the steps; defaults to the catalogue name of routine.id. */
  routineName?: string;
  /** When the next break is due (state.nextBreakAt), shown with the "back to work" message if known. */
  nextBreakAt?: string | null;
  /** Sound output; tests pass a fake. Defaults to Web Audio chimes. */
  chime?: Chime;
}

type Stage = 'playing' | 'feeling' | 'done' | 'ended';

interface PlayerState {
  stage: Stage;
  /** Where the routine is (skips jump it forward). */
  positionMs: number;
  /** Time actually spent moving. */
  activeMs: number;
  paused: boolean;
  feeling: Feeling | null;
}

type PlayerAction =
  | { type: 'advance'; ms: number }
  | { type: 'toggle-pause' }
  | { type: 'skip' }
  | { type: 'end' }
  | { type: 'feeling'; feeling: Feeling };

function reducer(totalMs: number, stepEnds: readonly number[]) {
  return (state: PlayerState, action: PlayerAction): PlayerState => {
    switch (action.type) {
      case 'advance': {
        if (state.stage !== 'playing' || state.paused) return state;
        const positionMs = Math.min(totalMs, state.positionMs + action.ms);
        const activeMs = state.activeMs + (positionMs - state.positionMs);
        return { ...state, positionMs, activeMs, stage: positionMs >= totalMs ? 'feeling' : 'playing' };
      }
      case 'toggle-pause':
        return state.stage === 'playing' ? { ...state, paused: !state.paused } : state;
      case 'skip': {
        if (state.stage !== 'playing') return state;
        const next = stepEnds.find((end) => end > state.positionMs) ?? totalMs;
        return { ...state, positionMs: next, stage: next >= totalMs ? 'feeling' : 'playing' };
      }
      case 'end':
        return state.stage === 'playing' ? { ...state, stage: 'ended' } : state;
      case 'feeling':
        return state.stage === 'feeling' ? { ...state, stage: 'done', feeling: action.feeling } : state;
    }
  };
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable="true"]');
const isControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('button, a[href], [role="button"]');

function sideWords(t: TFunction, step: RoutineStepView): string {
  return t('routine:eachSide', { count: Math.round(step.seconds / 2) });
}

function stepAnnouncement(t: TFunction, step: RoutineStepView, index: number, count: number): string {
  const time = step.sides
    ? t('routine:firstSideNow', { side: sideWords(t, step) })
    : t('routine:seconds', { count: step.seconds });
  const cue = stepCues(t, step)[0] ?? '';
  return `${t('routine:announce', { n: index + 1, count, name: stepName(t, step), time })} ${cue}`.trim();
}

/**
 * The 60-second routine, coached step by step: a large moving figure, the step's name and cues,
 * a countdown ring for the step and one for the whole minute, what comes next, a cue to switch
 * sides halfway through two-sided steps, pause/resume, skip, end early; a soft chime at each step
 * change and at the end; every step announced to screen readers. Space pauses or resumes, →
 * skips to the next step, Esc ends early. Then it asks how the back feels and sends the user back
 * to work.
 *
 * It decides nothing about breaks and talks to no API: the app shell passes callbacks that
 * dispatch `routine/complete` and `routine/abandon`. Its only timer is a 250 ms display tick that
 * runs while the routine is playing and not paused.
 */
export function RoutinePlayer({
  routine,
  settings,
  onComplete,
  onAbandon,
  routineName,
  nextBreakAt = null,
  chime: chimeProp,
}: RoutinePlayerProps) {
  const timeline = useMemo(() => buildTimeline(routine.steps), [routine.steps]);
  const reduce = useMemo(
    () =>
      reducer(
        timeline.totalMs,
        timeline.steps.map((s) => s.endMs),
      ),
    [timeline],
  );
  const [state, dispatch] = useReducer(reduce, {
    stage: timeline.totalMs > 0 ? 'playing' : 'feeling',
    positionMs: 0,
    activeMs: 0,
    paused: false,
    feeling: null,
  });
  const [announcement, setAnnouncement] = useState('');
  const [fallbackChime] = useState<Chime | null>(() => (chimeProp ? null : createChime()));
  const chime = chimeProp ?? fallbackChime;
  const fmt = useT();
  const { t } = fmt;
  const title = routineName ?? (routineById(routine.id) ? routineText(t, routine.id).name : t('routine:yourMinute'));
  const pos = locate(timeline, state.positionMs);
  const count = timeline.steps.length;
  const current = timeline.steps[pos.index]?.step;
  const next = timeline.steps[pos.index + 1]?.step ?? null;
  const running = state.stage === 'playing' && !state.paused;

  useEffect(() => () => fallbackChime?.close(), [fallbackChime]);

  const ring = useEffectEvent((kind: ChimeKind) => {
    if (settings.soundEnabled) chime?.play(kind, settings.soundVolume);
  });

  // The display tick: only while the routine is open, playing and not paused.
  useEffect(() => {
    if (!running) return;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      const gap = Math.min(Math.max(0, now - last), MAX_TICK_GAP_MS);
      last = now;
      dispatch({ type: 'advance', ms: gap });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [running]);

  // Step changes: a chime (not for the first step: the user just pressed start) and an announcement.
  const announced = useRef<{ index: number; side: 0 | 1 | null } | null>(null);
  const announceStep = useEffectEvent((index: number, side: 0 | 1 | null) => {
    const before = announced.current;
    announced.current = { index, side };
    const step = timeline.steps[index]?.step;
    if (!step) return;
    if (!before || before.index !== index) {
      if (before) ring('step');
      setAnnouncement(stepAnnouncement(t, step, index, count));
    } else if (before.side === 0 && side === 1) {
      ring('side');
      setAnnouncement(t('routine:switchSidesSaid'));
    }
  });
  useEffect(() => {
    if (state.stage === 'playing') announceStep(pos.index, pos.side);
  }, [state.stage, pos.index, pos.side]);

  // The end: a chime, and the feeling question takes focus.
  const feelingHeading = useRef<HTMLHeadingElement>(null);
  const finished = useRef(false);
  const onFinish = useEffectEvent(() => {
    if (finished.current) return;
    finished.current = true;
    ring('end');
    setAnnouncement(t('routine:doneSaid'));
  });
  useEffect(() => {
    if (state.stage === 'feeling') {
      onFinish();
      feelingHeading.current?.focus();
    }
  }, [state.stage]);

  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.stage === 'done' || state.stage === 'ended') doneHeading.current?.focus();
  }, [state.stage]);

  const togglePause = () => {
    if (state.stage !== 'playing') return;
    setAnnouncement(state.paused ? t('routine:goingAgain') : t('routine:pausedSaid'));
    dispatch({ type: 'toggle-pause' });
  };
  const skip = () => dispatch({ type: 'skip' });
  const endEarly = () => {
    if (state.stage !== 'playing') return;
    dispatch({ type: 'end' });
    onAbandon(Math.round(state.activeMs / 1000));
  };
  const answer = (feeling: Feeling) => {
    if (state.stage !== 'feeling') return;
    dispatch({ type: 'feeling', feeling });
    onComplete(feeling);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (state.stage !== 'playing') return;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTyping(event.target)) return;
    if (event.key === ' ' || event.key === 'Spacebar') {
      // A focused button answers Space itself (the pause button pauses, another one does its job).
      if (isControl(event.target)) return;
      event.preventDefault();
      if (!event.repeat) togglePause();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      if (!event.repeat) skip();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      endEarly();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const live = (
    <p className="rp-sr-only" role="status" aria-live="polite" aria-atomic="true">
      {announcement}
    </p>
  );

  if (state.stage === 'feeling') {
    return (
      <section className="rp rp-finish" aria-labelledby="rp-feeling-title">
        <p className="rp-eyebrow">
          <span className="rp-check" aria-hidden="true" /> {t('routine:titleDone', { title })}
        </p>
        <h1 id="rp-feeling-title" className="rp-title" tabIndex={-1} ref={feelingHeading} data-page-title>
          {t('routine:feeling.title')}
        </h1>
        <p className="rp-lead">{t('routine:feeling.lead')}</p>
        <div className="rp-feelings" role="group" aria-labelledby="rp-feeling-title">
          <button type="button" className="rp-feeling rp-feeling-better" onClick={() => answer('better')}>
            <FeelingFace feeling="better" />
            {t('routine:feeling.better')}
          </button>
          <button type="button" className="rp-feeling rp-feeling-same" onClick={() => answer('same')}>
            <FeelingFace feeling="same" />
            {t('routine:feeling.same')}
          </button>
          <button type="button" className="rp-feeling rp-feeling-worse" onClick={() => answer('worse')}>
            <FeelingFace feeling="worse" />
            {t('routine:feeling.worse')}
          </button>
        </div>
        {live}
      </section>
    );
  }

  if (state.stage === 'done' || state.stage === 'ended') {
    const next = nextBreakAt ? formatClockTime(nextBreakAt, fmt) : null;
    const seconds = Math.round(state.activeMs / 1000);
    const [heading, text, care] =
      state.stage === 'ended'
        ? [t('routine:done.stillCounts'), t('routine:done.secondsMoving', { count: seconds }), null]
        : state.feeling === 'better'
          ? [t('routine:done.backToWork'), t('routine:done.better'), null]
          : state.feeling === 'same'
            ? [t('routine:done.backToWork'), t('routine:done.same'), null]
            : [t('routine:done.thanks'), t('routine:done.worse'), t('routine:done.legCare')];
    return (
      <section className="rp rp-finish" aria-labelledby="rp-done-title">
        <p className="rp-eyebrow">
          <span className="rp-check" aria-hidden="true" /> {title}
        </p>
        <h1 id="rp-done-title" className="rp-title" tabIndex={-1} ref={doneHeading} data-page-title>
          {heading}
        </h1>
        <p className="rp-lead">{text}</p>
        {care && <p className="rp-care">{care}</p>}
        {next && <p className="rp-next-break">{t('routine:done.nextAround', { time: next })}</p>}
        {live}
      </section>
    );
  }

  if (!current) return null;
  const switchCue = pos.side === 1 && pos.sideElapsedMs < SWITCH_CUE_MS;
  const original = current.swappedFrom ? exerciseById(current.swappedFrom) : undefined;
  return (
    <section className={`rp${state.paused ? ' rp-paused' : ''}`} aria-labelledby="rp-step-name" data-step={pos.index}>
      <header className="rp-top">
        <div>
          <p className="rp-eyebrow">{title}</p>
          <div className="rp-progress">
            <ol className="rp-dots" aria-hidden="true">
              {timeline.steps.map((s, i) => (
                <li
                  key={`${s.step.id}-${i}`}
                  className={i < pos.index ? 'rp-dot rp-dot-done' : i === pos.index ? 'rp-dot rp-dot-now' : 'rp-dot'}
                />
              ))}
            </ol>
            <p className="rp-step-of">
              {t('routine:stepOf', { n: pos.index + 1, count })}
              {current.posture === 'seated' ? ` · ${t('routine:inChair')}` : ''}
            </p>
          </div>
        </div>
        <div className="rp-minute">
          <Ring value={pos.remainingMs / timeline.totalMs} size="small" />
          <p className="rp-minute-text">
            <span className="rp-minute-time">{formatSeconds(pos.remainingMs / 1000)}</span>
            <span className="rp-minute-label">{t('routine:leftOfMinute')}</span>
          </p>
        </div>
      </header>

      <div className="rp-main">
        <div className="rp-stage">
          <div className="rp-stage-ring">
            <Ring value={pos.stepRemainingMs / Math.max(1, pos.stepMs)} size="large" />
            <div className="rp-figure">
              <ExerciseIllustration
                key={`${pos.index}-${current.illustration}`}
                name={current.illustration}
                label={stepName(t, current)}
                paused={state.paused}
              />
            </div>
            {state.paused && (
              <p className="rp-paused-badge" aria-hidden="true">
                {t('routine:paused')}
              </p>
            )}
            <p className="rp-count" aria-hidden="true">
              <span className="rp-count-number">{Math.ceil(pos.stepRemainingMs / 1000)}</span>
              <span className="rp-count-unit">{t('routine:secondsUnit')}</span>
            </p>
          </div>
        </div>

        <div className="rp-info">
          <h1 id="rp-step-name" className="rp-step-name" tabIndex={-1} data-page-title>
            {stepName(t, current)}
          </h1>
          {pos.side !== null && (
            <p className={switchCue ? 'rp-side rp-side-switch' : 'rp-side'}>
              <span className="rp-side-icon" aria-hidden="true">
                ⇄
              </span>
              {switchCue
                ? t('routine:switchSides')
                : pos.side === 0
                  ? t('routine:firstSide', { side: sideWords(t, current) })
                  : t('routine:otherSide')}
            </p>
          )}
          <ul className="rp-cues">
            {stepCues(t, current).map((cue) => (
              <li key={cue}>{cue}</li>
            ))}
          </ul>
          {current.swappedFrom && (
            <p className="rp-swapped">
              {original ? t('routine:gentlerOf', { name: stepName(t, original) }) : t('routine:gentler')}
            </p>
          )}
          <div className="rp-next">
            {next ? (
              <>
                <span className="rp-next-label">{t('routine:nextUp')}</span>
                <span className="rp-next-name">{stepName(t, next)}</span>
                <span className="rp-next-time">{t('routine:secondsShort', { count: next.seconds })}</span>
              </>
            ) : (
              <>
                <span className="rp-next-label">{t('routine:lastMove')}</span>
                <span className="rp-next-name">{t('routine:thenCheckin')}</span>
              </>
            )}
          </div>
        </div>
      </div>

      <footer className="rp-footer">
        <p className="rp-safety">{t('routine:safety')}</p>
        <div className="rp-controls">
          <button
            type="button"
            className="rp-button rp-button-primary"
            onClick={togglePause}
            aria-keyshortcuts="Space"
            aria-pressed={state.paused}
            title={state.paused ? t('routine:controls.resumeTitle') : t('routine:controls.pauseTitle')}
          >
            <span className={state.paused ? 'rp-icon rp-icon-play' : 'rp-icon rp-icon-pause'} aria-hidden="true" />
            {state.paused ? t('routine:controls.resume') : t('routine:controls.pause')}
          </button>
          <button
            type="button"
            className="rp-button"
            onClick={skip}
            aria-keyshortcuts="ArrowRight"
            title={t('routine:controls.nextTitle')}
          >
            <span className="rp-icon rp-icon-skip" aria-hidden="true" />
            {next ? t('routine:controls.skipStep') : t('routine:controls.finish')}
          </button>
          <button
            type="button"
            className="rp-button rp-button-quiet"
            onClick={endEarly}
            aria-keyshortcuts="Escape"
            title={t('routine:controls.endTitle')}
          >
            {t('routine:controls.endEarly')}
          </button>
        </div>
        <p className="rp-keys" aria-hidden="true">
          <kbd>{t('routine:keys.space')}</kbd> {t('routine:keys.pause')} · <kbd>→</kbd> {t('routine:keys.next')} ·{' '}
          <kbd translate="no">Esc</kbd> {t('routine:keys.end')}
        </p>
      </footer>
      {live}
    </section>
  );
}

function Ring({ value, size }: { value: number; size: 'large' | 'small' }) {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const stroke = size === 'large' ? 3.2 : 9;
  const r = 50 - stroke / 2 - 0.5;
  return (
    <svg className={`rp-ring rp-ring-${size}`} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle className="rp-ring-track" cx="50" cy="50" r={r} strokeWidth={stroke} fill="none" />
      <circle
        className="rp-ring-value"
        cx="50"
        cy="50"
        r={r}
        strokeWidth={stroke}
        fill="none"
        strokeLinecap="round"
        pathLength={100}
        strokeDasharray="100 100"
        strokeDashoffset={(100 - v * 100).toFixed(2)}
        transform="rotate(-90 50 50)"
        data-value={v.toFixed(3)}
      />
    </svg>
  );
}

function FeelingFace({ feeling }: { feeling: Feeling }) {
  const mouth =
    feeling === 'better'
      ? 'M 8 14 Q 12 18 16 14'
      : feeling === 'same'
        ? 'M 8 15 L 16 15'
        : 'M 8 16.5 Q 12 12.5 16 16.5';
  return (
    <svg className="rp-face" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" strokeWidth="1.8" />
      <circle cx="8.8" cy="9.5" r="1.2" className="rp-face-eye" />
      <circle cx="15.2" cy="9.5" r="1.2" className="rp-face-eye" />
      <path d={mouth} fill="none" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

function formatClockTime(iso: string, fmt: Fmt): string | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  return formatClock(at, fmt);
}
