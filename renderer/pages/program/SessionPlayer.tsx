import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramData, ProgramView, ProgramViewExercise, ProgramViewText } from '../../data/program';
import { ProgramFigure } from '../../illustrations';
import { Icon } from '../../ui/Icon';
import { ErrorNote } from '../../ui/Notice';
import { cautionList, codeWords, doseText, exerciseCues, exerciseName, refusalWords } from './words';
import { Button } from '../../ui/Button';

type Side = 'left' | 'right' | null;
/** One screen of the session: a move's caution first (floor or weighted), then the move, side by side. */
type Step =
  | { kind: 'caution'; exercise: ProgramViewExercise; index: number }
  | { kind: 'move'; exercise: ProgramViewExercise; index: number; side: Side };

function buildSteps(exercises: readonly ProgramViewExercise[]): Step[] {
  return exercises.flatMap((exercise, index): Step[] => [
    ...(exercise.caution ? [{ kind: 'caution' as const, exercise, index }] : []),
    ...(exercise.sides === 'left-right'
      ? (['left', 'right'] as const).map((side) => ({ kind: 'move' as const, exercise, index, side }))
      : [{ kind: 'move' as const, exercise, index, side: null }]),
  ]);
}

/**
 * A 5–10 minute session, one move at a time at the user's own pace (moves are counted in reps
 * and holds, not timed): the move's figure, name, dose and cues, left then right where it
 * matters, and the floor or weighted caution before it. Skipped moves are not sent as done.
 */
export function SessionPlayer({
  exercises,
  rules,
  pending,
  error,
  onCancel,
  onFinish,
}: {
  exercises: readonly ProgramViewExercise[];
  /** When to stop, and the emergency signs: reachable throughout the session. */
  rules: readonly ProgramViewText[];
  pending: boolean;
  error: ProgramData['error'];
  onCancel: () => void;
  /** The ids of the moves done (not skipped). */
  onFinish: (done: string[]) => void;
}) {
  const { t } = useTranslation('program');
  const steps = useMemo(() => buildSteps(exercises), [exercises]);
  const [at, setAt] = useState(0);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(() => new Set());
  const [paused, setPaused] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const step = steps[at];

  useEffect(() => {
    title.current?.focus();
  }, [at]);

  if (!step) return null;
  const e = step.exercise;
  const name = exerciseName(t, e);
  const count = exercises.length;
  const nextStep = steps[at + 1];
  const finish = (skip: ReadonlySet<string>) => onFinish(exercises.filter((x) => !skip.has(x.id)).map((x) => x.id));
  const next = () => {
    if (at + 1 >= steps.length) finish(skipped);
    else setAt(at + 1);
  };
  const skipMove = () => {
    const skip = new Set(skipped).add(e.id);
    setSkipped(skip);
    const after = steps.findIndex((s, i) => i > at && s.index !== step.index);
    if (after === -1) finish(skip);
    else setAt(after);
  };
  const nextLabel =
    step.kind === 'caution'
      ? t('player.ready')
      : step.side === 'left'
        ? t('player.rightNext')
        : nextStep
          ? t('player.nextMove')
          : t('player.finish');

  return (
    <section className="program-player" aria-labelledby="program-step-title" data-step={at}>
      <header className="program-player-top">
        <p className="eyebrow">{t('player.eyebrow')}</p>
        <ol className="program-player-dots" aria-hidden="true">
          {exercises.map((x, i) => (
            <li
              key={x.id}
              className={
                i < step.index
                  ? 'program-dot program-dot-done'
                  : i === step.index
                    ? 'program-dot program-dot-now'
                    : 'program-dot'
              }
            />
          ))}
        </ol>
        <p className="program-player-of">{t('player.moveOf', { n: step.index + 1, total: count })}</p>
      </header>

      {step.kind === 'caution' ? (
        <div className="program-caution" role="group" aria-labelledby="program-step-title">
          <p className="eyebrow eyebrow-warm">
            <Icon name="alert" />
            {e.floor ? t('player.floorMove') : e.loaded ? t('player.weightedMove') : t('player.beforeYouStart')}
          </p>
          <h1 id="program-step-title" className="program-step-title" tabIndex={-1} ref={title} data-page-title>
            {t('player.beforeName', { name })}
          </h1>
          <ul className="program-caution-list">
            {cautionList(t, e).map((c) => (
              <li key={c.code}>
                <p className="program-caution-text">{c.text}</p>
                {c.help.length > 0 && (
                  <details className="program-how">
                    <summary>{t('player.how')}</summary>
                    <ol>
                      {c.help.map((h) => (
                        <li key={h}>{h}</li>
                      ))}
                    </ol>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="program-move">
          <div className="program-move-figure">
            <ProgramFigure pose={e.pose} side={step.side} label={name} paused={paused} floor={e.floor} />
            {step.side && (
              <p className="program-side-badge" aria-hidden="true">
                {t(`player.side.${step.side}`)}
              </p>
            )}
          </div>
          <div className="program-move-info">
            <h1 id="program-step-title" className="program-step-title" tabIndex={-1} ref={title} data-page-title>
              {name}
            </h1>
            {step.side && (
              <p className="program-side">
                <span aria-hidden="true">⇄</span> {t(`player.sideNow.${step.side}`)}
              </p>
            )}
            <p className="program-dose">{doseText(t, e.dose)}</p>
            <ul className="program-cues">
              {exerciseCues(t, e).map((cue) => (
                <li key={cue}>{cue}</li>
              ))}
            </ul>
            {cautionList(t, e)
              .filter((c) => c.code !== 'floor.get-down')
              .map((c) => (
                <p key={c.code} className="program-caution-reminder">
                  {c.text}
                </p>
              ))}
            <button type="button" className="text-button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
              {paused ? t('player.moveFigure') : t('player.stillFigure')}
            </button>
          </div>
        </div>
      )}

      <ErrorNote message={refusalWords(t, error)} />
      <div className="program-player-actions">
        <Button type="button" variant="primary" size="large" onClick={next}>
          {nextLabel}
          <Icon name="skip" className="icon-trailing" />
        </Button>
        <Button type="button" variant="secondary" onClick={skipMove}>
          {t('player.skipMove')}
        </Button>
        <Button type="button" variant="quiet" disabled={pending} onClick={onCancel}>
          {t('player.stop')}
        </Button>
      </div>
      <SessionRules rules={rules} />
    </section>
  );
}

/** When to stop a move, and the signs that need emergency help: at the start and throughout. */
function SessionRules({ rules, open = false }: { rules: readonly ProgramViewText[]; open?: boolean }) {
  const { t } = useTranslation('program');
  if (rules.length === 0) return null;
  const list = (
    <ul className="program-rules-list">
      {rules.map((r) => (
        <li key={r.code} className={`program-rule program-rule-${r.code.replace('.', '-')}`}>
          {codeWords(t, r)}
          {r.code === 'session.emergency' && <> {t('clinical:urgency.emergency.action')}</>}
        </li>
      ))}
    </ul>
  );
  if (open)
    return (
      <section className="program-rules" aria-labelledby="program-rules-title">
        <h2 id="program-rules-title" className="program-subhead">
          {t('player.rulesTitle')}
        </h2>
        {list}
      </section>
    );
  return (
    <details className="program-rules">
      <summary>{t('player.rulesTitle')}</summary>
      {list}
    </details>
  );
}

/**
 * Before a session: when to stop and the emergency signs, and (on a day's first session) whether
 * symptoms stayed worse for more than a day since the last one; the answer goes with the start.
 */
export function BeforeSession({
  view,
  program,
  onBack,
  onBegin,
}: {
  view: ProgramView;
  program: ProgramData;
  onBack: () => void;
  onBegin: (lingering: boolean | null) => void;
}) {
  const { t } = useTranslation('program');
  const ask = view.ask?.lingering ?? null;
  const [lingering, setLingering] = useState<boolean | null>(null);
  const [missing, setMissing] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const moves = view.sessionMoves?.length ? view.sessionMoves : view.picks;
  return (
    <section className="program-before card" aria-labelledby="program-before-title">
      <p className="eyebrow">{t('player.eyebrow')}</p>
      <h1 id="program-before-title" className="program-step-title" tabIndex={-1} ref={title} data-page-title>
        {t('before.title')}
      </h1>
      <p className="card-subtitle">{t('before.moves', { moves: moves.map((e) => exerciseName(t, e)).join(' · ') })}</p>
      <SessionRules rules={view.sessionRules ?? []} open />
      {ask && (
        <fieldset className="program-yesno" aria-describedby={missing ? 'program-lingering-error' : undefined}>
          <legend>{codeWords(t, ask)}</legend>
          <div className="program-yesno-choices">
            {([true, false] as const).map((v) => (
              <label key={String(v)} className="program-radio">
                <input
                  type="radio"
                  name="program-lingering"
                  checked={lingering === v}
                  onChange={() => {
                    setLingering(v);
                    setMissing(false);
                  }}
                />
                <span>{v ? t('closing.yes') : t('closing.no')}</span>
              </label>
            ))}
          </div>
          {missing && (
            <p className="field-error" id="program-lingering-error" role="alert">
              {t('before.answerFirst')}
            </p>
          )}
        </fieldset>
      )}
      <ErrorNote message={refusalWords(t, program.error)} />
      <div className="actions">
        <Button
          type="button"
          variant="primary"
          size="large"
          disabled={program.pending}
          onClick={() => {
            if (ask && lingering === null) setMissing(true);
            else onBegin(ask ? lingering : null);
          }}
        >
          <Icon name="play" />
          {t('before.begin')}
        </Button>
        <Button type="button" variant="quiet" onClick={onBack}>
          {t('before.back')}
        </Button>
      </div>
    </section>
  );
}
