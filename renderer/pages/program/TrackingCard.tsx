import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanionState } from '../../data/companion';
import type { ProgramData, ProgramView } from '../../data/program';
import { Button } from '../../ui/Button';
import { formatDistance } from '../../../shared/i18n/format';
import { useT } from '../../i18n';

function parseNumber(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : NaN;
}

/** What the seed tracks: morning stiffness, walking (time or distance) and a confidence task. */
export function TrackingCard({ view, program }: { view: ProgramView; program: ProgramData }) {
  const { t } = useTranslation('program');
  const { locale } = useT();
  const [stiffness, setStiffness] = useState('');
  const [walkMin, setWalkMin] = useState('');
  const [walkKm, setWalkKm] = useState('');
  const { profile } = useCompanionState();
  const [task, setTask] = useState(() => profile?.confidenceTask ?? '');
  const [rating, setRating] = useState(5);
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const week = view.week;

  const submit = (kind: 'stiffness' | 'walk' | 'confidence') => async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    if (kind === 'stiffness') {
      const minutes = parseNumber(stiffness);
      if (minutes === null || Number.isNaN(minutes) || minutes > 1440)
        return setProblem({ field: kind, text: t('track.badMinutes') });
      if (await program.run({ type: 'program/track-stiffness', minutes })) {
        setStiffness('');
        setDone(t('track.savedStiffness', { count: minutes }));
      }
    } else if (kind === 'walk') {
      const minutes = parseNumber(walkMin);
      const km = parseNumber(walkKm);
      if (
        Number.isNaN(minutes) ||
        Number.isNaN(km) ||
        (minutes ?? 0) > 1440 ||
        (km ?? 0) > 200 ||
        (minutes === null && km === null)
      )
        return setProblem({ field: kind, text: t('track.badWalk') });
      if (
        await program.run({ type: 'program/track-walk', minutes, metres: km === null ? null : Math.round(km * 1000) })
      ) {
        setWalkMin('');
        setWalkKm('');
        setDone(t('track.savedWalk'));
      }
    } else {
      const name = task.trim();
      if (await program.run({ type: 'program/track-confidence', rating, ...(name ? { task: name } : {}) }))
        setDone(t('track.savedConfidence', { rating }));
    }
  };
  const errorFor = (field: string) =>
    problem?.field === field ? (
      <p className="field-error" id={`program-${field}-error`} role="alert">
        {problem.text}
      </p>
    ) : null;

  return (
    <section className="card" aria-labelledby="program-track-title">
      <h2 id="program-track-title" className="card-title">
        {t('track.title')}
      </h2>
      <dl className="program-week-stats">
        <div>
          <dt>{t('track.weekSessions')}</dt>
          <dd>{t('track.ofPlanned', { done: week.done, planned: week.planned })}</dd>
        </div>
        <div>
          <dt>{t('track.weekWalking')}</dt>
          <dd>
            {week.walkingMin || week.walkingMetres
              ? [
                  week.walkingMin ? t('track.min', { count: week.walkingMin }) : null,
                  week.walkingMetres ? formatDistance(locale, week.walkingMetres) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : t('track.nothingYet')}
          </dd>
        </div>
        <div>
          <dt>{t('track.weekStiffness')}</dt>
          <dd>
            {week.stiffnessMin === null
              ? t('track.nothingYet')
              : t('track.min', { count: Math.round(week.stiffnessMin) })}
          </dd>
        </div>
        <div>
          <dt>{t('track.weekConfidence')}</dt>
          <dd>
            {week.confidence
              ? t('track.confidenceValue', { task: week.confidence.task, rating: week.confidence.rating })
              : t('track.nothingYet')}
          </dd>
        </div>
      </dl>

      <form className="program-track-form" onSubmit={(e) => void submit('stiffness')(e)} noValidate>
        <label htmlFor="program-stiffness">{t('track.stiffness')}</label>
        <p className="hint" id="program-stiffness-help">
          {t('track.stiffnessHelp')}
        </p>
        <div className="program-inline">
          <span className="number-field">
            <input
              id="program-stiffness"
              inputMode="numeric"
              value={stiffness}
              onChange={(e) => setStiffness(e.target.value)}
              aria-invalid={problem?.field === 'stiffness' || undefined}
              aria-describedby={
                problem?.field === 'stiffness'
                  ? 'program-stiffness-help program-stiffness-error'
                  : 'program-stiffness-help'
              }
            />
            <span className="unit">{t('track.minUnit')}</span>
          </span>
          <Button type="submit" variant="secondary" disabled={program.pending}>
            {t('track.log')}
          </Button>
        </div>
        {errorFor('stiffness')}
      </form>

      <form className="program-track-form" onSubmit={(e) => void submit('walk')(e)} noValidate>
        <fieldset
          aria-describedby={problem?.field === 'walk' ? 'program-walk-help program-walk-error' : 'program-walk-help'}
        >
          <legend>{t('track.walk')}</legend>
          <p className="hint" id="program-walk-help">
            {t('track.walkHelp')}
          </p>
          <div className="program-inline">
            <span className="number-field">
              <input
                id="program-walk-min"
                aria-label={t('track.walkMinutes')}
                inputMode="numeric"
                value={walkMin}
                onChange={(e) => setWalkMin(e.target.value)}
              />
              <span className="unit">{t('track.minUnit')}</span>
            </span>
            <span className="program-or">{t('track.or')}</span>
            <span className="number-field">
              <input
                id="program-walk-km"
                aria-label={t('track.walkKm')}
                inputMode="decimal"
                value={walkKm}
                onChange={(e) => setWalkKm(e.target.value)}
              />
              <span className="unit">{t('track.kmUnit')}</span>
            </span>
            <Button type="submit" variant="secondary" disabled={program.pending}>
              {t('track.log')}
            </Button>
          </div>
          {errorFor('walk')}
        </fieldset>
      </form>

      <form className="program-track-form" onSubmit={(e) => void submit('confidence')(e)} noValidate>
        <fieldset>
          <legend>{t('track.confidence')}</legend>
          <p className="hint">{t('track.confidenceHelp')}</p>
          <label htmlFor="program-task">{t('track.task')}</label>
          <input
            id="program-task"
            className="program-text"
            value={task}
            placeholder={t('track.taskPlaceholder')}
            maxLength={120}
            onChange={(e) => setTask(e.target.value)}
          />
          <label htmlFor="program-rating">{t('track.rating', { rating })}</label>
          <div className="program-inline">
            <input
              id="program-rating"
              type="range"
              min={0}
              max={10}
              step={1}
              value={rating}
              onChange={(e) => setRating(Number(e.target.value))}
              aria-valuetext={t('track.ratingValue', { rating })}
            />
            <Button type="submit" variant="secondary" disabled={program.pending}>
              {t('track.log')}
            </Button>
          </div>
        </fieldset>
      </form>
      {done && (
        <p className="live-note" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
