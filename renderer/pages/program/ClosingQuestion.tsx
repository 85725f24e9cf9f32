import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../shared/program/state';
import type { ProgramAsk, ProgramData, ProgramView, ProgramViewExercise } from '../../data/program';
import { hrefFor } from '../../router';
import { Icon } from '../../ui/Icon';
import { ErrorNote } from '../../ui/Notice';
import { ChangeItem } from './ChangesCard';
import { codeWords, exerciseName, noteWords, refusalWords } from './words';
import { Button } from '../../ui/Button';

export interface ClosingAnswers {
  answer: Answer;
  legWorse: boolean;
  soreness: boolean;
  tooEasy: string[];
  worseExerciseId: string | null;
}

export interface SessionOutcome extends ClosingAnswers {
  /** Change ids that existed before the session ended: the rest are this session's. */
  before: ReadonlySet<string>;
}

const ANSWERS: readonly { answer: Answer; icon: 'smile' | 'meh' | 'frown' }[] = [
  { answer: 'better', icon: 'smile' },
  { answer: 'same', icon: 'meh' },
  { answer: 'worse', icon: 'frown' },
];

function YesNo({
  name,
  legend,
  help,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  help?: string;
  value: boolean | null;
  onChange: (v: boolean) => void;
}) {
  const { t } = useTranslation('program');
  return (
    <fieldset className="program-yesno" aria-describedby={help ? `${name}-help` : undefined}>
      <legend>{legend}</legend>
      {help && (
        <p className="hint" id={`${name}-help`}>
          {help}
        </p>
      )}
      <div className="program-yesno-choices">
        {([true, false] as const).map((v) => (
          <label key={String(v)} className="program-radio">
            <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
            <span>{v ? t('closing.yes') : t('closing.no')}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The same question ends every session (better / same / worse), with what the rules need:
 * symptoms lasting past a day, the leg, muscle soreness (never a reason to step back), and which
 * moves felt too easy.
 */
export function ClosingQuestion({
  ask,
  exercises,
  pending,
  error,
  onSubmit,
}: {
  ask: ProgramAsk;
  exercises: readonly ProgramViewExercise[];
  pending: boolean;
  error: ProgramData['error'];
  onSubmit: (answers: ClosingAnswers) => void;
}) {
  const { t } = useTranslation('program');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [legWorse, setLegWorse] = useState<boolean | null>(null);
  const [soreness, setSoreness] = useState<boolean | null>(null);
  const [tooEasy, setTooEasy] = useState<ReadonlySet<string>>(() => new Set());
  const [worseId, setWorseId] = useState<string>('');
  const [missing, setMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // The leg question: for people with leg symptoms, and for anyone after a "worse" answer.
  const askLeg = ask.leg.always || answer === 'worse';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer) {
      setMissing(true);
      return;
    }
    onSubmit({
      answer,
      legWorse: askLeg ? (legWorse ?? false) : false,
      soreness: soreness ?? false,
      tooEasy: answer === 'worse' ? [] : [...tooEasy],
      worseExerciseId: answer === 'worse' && worseId ? worseId : null,
    });
  };

  return (
    <form className="program-closing card" aria-labelledby="program-closing-title" onSubmit={submit} noValidate>
      <p className="eyebrow">
        <Icon name="check" /> {t('closing.eyebrow')}
      </p>
      <h1 id="program-closing-title" className="program-step-title" tabIndex={-1} ref={heading} data-page-title>
        {codeWords(t, ask.closing)}
      </h1>
      <p className="card-subtitle">{t('closing.lead')}</p>

      <fieldset className="program-answer" aria-describedby={missing ? 'program-answer-error' : undefined}>
        <legend className="visually-hidden">{codeWords(t, ask.closing)}</legend>
        <div className="feelings">
          {ANSWERS.map(({ answer: a, icon }) => (
            <label key={a} className={`feeling program-feeling${answer === a ? ' program-feeling-on' : ''}`}>
              <input
                type="radio"
                name="program-answer"
                className="visually-hidden"
                checked={answer === a}
                onChange={() => {
                  setAnswer(a);
                  setMissing(false);
                }}
              />
              <Icon name={icon} />
              {t(`closing.answer.${a}`)}
            </label>
          ))}
        </div>
        {missing && (
          <p className="field-error" id="program-answer-error" role="alert">
            {t('closing.answerMissing')}
          </p>
        )}
      </fieldset>

      {answer === 'worse' && exercises.length > 1 && (
        <div className="program-field">
          <label htmlFor="program-worse-move">{t('closing.whichMove')}</label>
          <select
            id="program-worse-move"
            className="select"
            value={worseId}
            onChange={(e) => setWorseId(e.target.value)}
          >
            <option value="">{t('closing.whichMoveUnsure')}</option>
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {exerciseName(t, e)}
              </option>
            ))}
          </select>
        </div>
      )}

      {askLeg && <YesNo name="program-leg" legend={codeWords(t, ask.leg)} value={legWorse} onChange={setLegWorse} />}
      <YesNo
        name="program-soreness"
        legend={codeWords(t, ask.soreness)}
        help={t('closing.sorenessHelp')}
        value={soreness}
        onChange={setSoreness}
      />

      {answer !== 'worse' && exercises.length > 0 && (
        <fieldset className="program-easy">
          <legend>{t('closing.tooEasy')}</legend>
          <p className="hint">{t('closing.tooEasyHelp')}</p>
          <ul className="program-easy-list">
            {exercises.map((e) => (
              <li key={e.id}>
                <label className="program-check">
                  <input
                    type="checkbox"
                    checked={tooEasy.has(e.id)}
                    onChange={(ev) => {
                      const next = new Set(tooEasy);
                      if (ev.target.checked) next.add(e.id);
                      else next.delete(e.id);
                      setTooEasy(next);
                    }}
                  />
                  <span>{t('closing.tooEasyMove', { name: exerciseName(t, e) })}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      <ErrorNote message={refusalWords(t, error)} />
      <div className="actions">
        <Button type="submit" variant="primary" size="large" disabled={pending}>
          {t('closing.submit')}
        </Button>
      </div>
    </form>
  );
}

/** After the closing question: what the program changed and why (with Undo), or why nothing did. */
export function SessionSummary({
  view,
  outcome,
  program,
  onClose,
}: {
  view: ProgramView;
  outcome: SessionOutcome;
  program: ProgramData;
  onClose: () => void;
}) {
  const { t } = useTranslation('program');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The engine's own result for this session when it gives one; an older engine: derived here.
  const last = view.lastSession ?? null;
  const changes = last ? last.changes : view.changes.filter((c) => !outcome.before.has(c.id));
  const setback = outcome.legWorse || outcome.answer === 'worse';
  const notes: string[] = [];
  if (last) {
    // "Leg felt worse: take the safety check" is shown below with its link.
    for (const n of last.notes) {
      const words = n.code === 'leg-worse.recheck' ? null : noteWords(t, n.code, n.params, n.text);
      if (words && !notes.includes(words)) notes.push(words);
    }
  } else {
    const movedBack = changes.some((c) => c.code.startsWith('backup.'));
    const movedUp = changes.some((c) => c.code === 'progress.step' || c.code === 'lane.forward');
    if (!setback && outcome.soreness) notes.push(noteWords(t, 'soreness.normal'));
    if (setback && !movedBack)
      notes.push(noteWords(t, 'backup.gentlest', { reason: outcome.legWorse ? 'leg-worse' : 'worse' }));
    if (!setback && outcome.tooEasy.length > 0 && !movedUp) notes.push(t('summary.easyWaits'));
    if (setback) notes.push(noteWords(t, 'flare.plan'));
  }
  const title = setback
    ? t('summary.titleSetback')
    : outcome.answer === 'better'
      ? t('summary.titleBetter')
      : t('summary.titleSame');
  return (
    <section className="program-summary card" aria-labelledby="program-summary-title">
      <p className="eyebrow">
        <Icon name="check" /> {t('summary.eyebrow')}
      </p>
      <h1 id="program-summary-title" className="program-step-title" tabIndex={-1} ref={heading} data-page-title>
        {title}
      </h1>
      {changes.length > 0 ? (
        <>
          <h2 className="program-subhead">{t('summary.changed')}</h2>
          <ul className="program-changes">
            {changes.map((c) => (
              <ChangeItem key={c.id} change={c} program={program} />
            ))}
          </ul>
        </>
      ) : (
        <p className="card-subtitle">{t('summary.noChange')}</p>
      )}
      {notes.map((n) => (
        <p key={n} className="care-note">
          {n}
        </p>
      ))}
      {outcome.legWorse && (
        <div className="held-note" role="note">
          <Icon name="alert" />
          <p>
            {noteWords(t, 'leg-worse.recheck')}{' '}
            <a href={`${hrefFor('first-run')}?step=safety`}>{t('held.takeCheck')}</a>
          </p>
        </div>
      )}
      {setback && <p className="program-care">{t('summary.care')}</p>}
      <div className="actions">
        <Button type="button" variant="primary" onClick={onClose}>
          {t('summary.back')}
        </Button>
      </div>
    </section>
  );
}
