import { useId, type Ref } from 'react';
import type { ChecklistArea, ChecklistItem } from '../../../shared/checklist';
import type { WorkstationTargets } from '../../../shared/ergonomics';
import type { Answer } from '../../../shared/history';
import { StepHeading } from '../../ui/StepHeading';
import type { Units } from './HeightField';
import { targetSentence } from './targets';
import { useT } from '../../i18n';
import { checklistAreaText, checklistItemText } from '../../../shared/i18n/text';

const OPTIONS: readonly Answer[] = ['yes', 'no', 'unsure'];

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
  const { t, locale } = useT();
  const text = checklistAreaText(t, area.id);
  return (
    <section className="flow-step" aria-labelledby={`sw-area-${area.id}`}>
      <StepHeading level={1} headingRef={headingRef} id={`sw-area-${area.id}`}>
        {text.title}
      </StepHeading>
      <p className="flow-lead">{text.intro}</p>
      {area.items.map((item) => (
        <ItemQuestion
          key={item.id}
          item={item}
          answer={answers[item.id]}
          onAnswer={(a) => onAnswer(item.id, a)}
          target={targetSentence(t, locale, item.target, targets, units)}
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
  const { t } = useT();
  const text = checklistItemText(t, item.id);
  const uid = useId();
  const noteId = `${uid}-note`;
  const fixId = `${uid}-fix`;
  return (
    <fieldset className="flow-fieldset sw-item" aria-describedby={item.note ? noteId : undefined}>
      <legend className="flow-legend sw-question">{text.question}</legend>
      {item.note && (
        <p className="flow-help" id={noteId}>
          {text.note}
        </p>
      )}
      <div className="sw-answers">
        {OPTIONS.map((value) => (
          <label key={value} className={`sw-answer sw-answer-${value}`}>
            <input
              type="radio"
              name={`${uid}-answer`}
              value={value}
              checked={answer === value}
              onChange={() => onAnswer(value)}
              aria-describedby={value === 'no' && answer === 'no' ? fixId : undefined}
            />
            <span className="sw-answer-face">{t(`setup:answers.${value}`)}</span>
          </label>
        ))}
      </div>
      {answer === 'no' && (
        <div className="sw-fix" id={fixId}>
          <p className="sw-fix-title">{t('setup:howToFix')}</p>
          <p>{text.fix}</p>
          {target && <p className="sw-fix-target">{target}</p>}
          {item.link === 'break-interval' && breakIntervalMin !== null && (
            <p className="sw-fix-target">
              {breakIntervalMin >= 30 && breakIntervalMin <= 45
                ? t('setup:breakAlready', { minutes: breakIntervalMin })
                : t('setup:breakSet', { minutes: breakIntervalMin })}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
