import { useEffect, useRef, useState } from 'react';
import type { Feeling } from '../../shared/history';
import { routineById } from '../../shared/routines';
import type { ActiveRoutine } from '../../shared/state';
import { useAction } from '../companion';
import { Icon, type IconName } from '../components/Icon';
import { ErrorNote } from '../components/Notice';
import type { BreakOutcome } from './BreakPrompt';

/**
 * The routine, until the timed player arrives (issue 4 replaces this component): the steps the
 * engine chose, as a plain list to follow at one's own pace. No countdown pretends to run here.
 */
export function RoutineSession({
  routine,
  onFinished,
}: {
  routine: ActiveRoutine;
  onFinished: (outcome: BreakOutcome) => void;
}) {
  const [asking, setAsking] = useState(false);
  const action = useAction();
  const meta = routineById(routine.id);
  const total = routine.steps.reduce((sum, s) => sum + s.seconds, 0);
  const feelingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (asking) feelingRef.current?.focus();
  }, [asking]);

  const complete = async (feeling: Feeling) => {
    if (await action.run({ type: 'routine/complete', feeling })) onFinished({ kind: 'done', feeling });
  };
  const abandon = async () => {
    if (await action.run({ type: 'routine/abandon' })) onFinished({ kind: 'ended' });
  };

  if (asking) {
    const choices: { feeling: Feeling; label: string; icon: IconName }[] = [
      { feeling: 'better', label: 'Better', icon: 'smile' },
      { feeling: 'same', label: 'About the same', icon: 'meh' },
      { feeling: 'worse', label: 'Worse', icon: 'frown' },
    ];
    return (
      <section className="break-card" aria-labelledby="feeling-title">
        <p className="eyebrow">
          <Icon name="check" /> Done
        </p>
        <h1 id="feeling-title" className="break-title" tabIndex={-1} ref={feelingRef} data-page-title>
          How does your back feel now?
        </h1>
        <p className="break-lead">
          Compared with before the break. There is no wrong answer; it helps choose your next moves.
        </p>
        <div className="feelings" role="group" aria-labelledby="feeling-title">
          {choices.map((c) => (
            <button
              key={c.feeling}
              type="button"
              className={`feeling feeling-${c.feeling}`}
              disabled={action.pending}
              onClick={() => void complete(c.feeling)}
            >
              <Icon name={c.icon} />
              {c.label}
            </button>
          ))}
        </div>
        <ErrorNote message={action.error} onDismiss={action.clearError} />
      </section>
    );
  }

  return (
    <section className="break-card routine-card" aria-labelledby="routine-title">
      <p className="eyebrow">
        <Icon name="walk" /> Your minute
      </p>
      <h1 id="routine-title" className="break-title" tabIndex={-1} data-page-title>
        {meta?.name ?? 'Your routine'}
      </h1>
      <p className="break-lead">
        {routine.steps.length} easy {routine.steps.length === 1 ? 'move' : 'moves'}, about {total} seconds in all. Go at
        your own pace and stop anything that hurts.
      </p>
      <ol className="steps">
        {routine.steps.map((step, i) => (
          <li key={`${step.id}-${i}`} className="step">
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <div className="step-body">
              <h2 className="step-name">{step.name}</h2>
              <p className="step-meta">
                About {step.seconds} seconds{step.sides ? ', half on each side' : ''} ·{' '}
                {step.posture === 'seated' ? 'in your chair' : 'standing'}
              </p>
              <ul className="step-cues">
                {step.cues.map((cue) => (
                  <li key={cue}>{cue}</li>
                ))}
              </ul>
              {step.swappedFrom && (
                <p className="step-swapped">A gentler version, because the usual move felt worse twice.</p>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div className="routine-actions">
        <button
          type="button"
          className="button button-primary button-large"
          disabled={action.pending}
          onClick={() => setAsking(true)}
        >
          <Icon name="check" />
          Done
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={action.pending}
          onClick={() => void abandon()}
        >
          End early
        </button>
      </div>
      <ErrorNote message={action.error} onDismiss={action.clearError} />
    </section>
  );
}
