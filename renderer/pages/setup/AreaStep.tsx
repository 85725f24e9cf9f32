import { useId, type Ref } from 'react';
import type { ChecklistArea, ChecklistItem } from '../../../shared/checklist';
import type { WorkstationTargets } from '../../../shared/ergonomics';
import type { Answer } from '../../../shared/history';
import { StepHeading } from '../../ui/StepHeading';
import type { Units } from './HeightField';
import { targetSentence } from './targets';

const OPTIONS: readonly { value: Answer; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
];

/** One area of the check: each question answered yes / no / not sure; "no" shows how to fix it. */
export function AreaStep({
  area,
  answers,
  onAnswer,
  targets,
  units,
  breakIntervalMin,
  headingRef,
}: {
  area: ChecklistArea;
  answers: Readonly<Record<string, Answer | undefined>>;
  onAnswer: (itemId: string, answer: Answer) => void;
  targets: WorkstationTargets | null;
  units: Units;
  breakIntervalMin: number | null;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <section className="flow-step" aria-labelledby={`sw-area-${area.id}`}>
      <StepHeading level={1} headingRef={headingRef} id={`sw-area-${area.id}`}>
        {area.title}
      </StepHeading>
      <p className="flow-lead">{area.intro}</p>
      {area.items.map((item) => (
        <ItemQuestion
          key={item.id}
          item={item}
          answer={answers[item.id]}
          onAnswer={(a) => onAnswer(item.id, a)}
          target={targetSentence(item.target, targets, units)}
          breakIntervalMin={breakIntervalMin}
        />
      ))}
    </section>
  );
}

function ItemQuestion({
  item,
  answer,
  onAnswer,
  target,
  breakIntervalMin,
}: {
  item: ChecklistItem;
  answer: Answer | undefined;
  onAnswer: (answer: Answer) => void;
  target: string | null;
  breakIntervalMin: number | null;
}) {
  const uid = useId();
  const noteId = `${uid}-note`;
  const fixId = `${uid}-fix`;
  return (
    <fieldset className="flow-fieldset sw-item" aria-describedby={item.note ? noteId : undefined}>
      <legend className="flow-legend sw-question">{item.question}</legend>
      {item.note && (
        <p className="flow-help" id={noteId}>
          {item.note}
        </p>
      )}
      <div className="sw-answers">
        {OPTIONS.map((o) => (
          <label key={o.value} className={`sw-answer sw-answer-${o.value}`}>
            <input
              type="radio"
              name={`${uid}-answer`}
              value={o.value}
              checked={answer === o.value}
              onChange={() => onAnswer(o.value)}
              aria-describedby={o.value === 'no' && answer === 'no' ? fixId : undefined}
            />
            <span className="sw-answer-face">{o.label}</span>
          </label>
        ))}
      </div>
      {answer === 'no' && (
        <div className="sw-fix" id={fixId}>
          <p className="sw-fix-title">How to fix it</p>
          <p>{item.fix}</p>
          {target && <p className="sw-fix-target">{target}</p>}
          {item.link === 'break-interval' && breakIntervalMin !== null && (
            <p className="sw-fix-target">
              {breakIntervalMin >= 30 && breakIntervalMin <= 45
                ? `Your break reminder already comes every ${breakIntervalMin} minutes: when it does, stand up or move, even briefly.`
                : `Your break reminder is set to every ${breakIntervalMin} minutes; you can change it from the results page or in Settings.`}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
