import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProgressView } from '../../../shared/ipc-contract';
import { compareWeeks, MIN_STRETCHES, type Tone } from '../../../shared/meaningful-change';
import type { WeeklySummary } from '../../../shared/summary';
import { errorMessage } from '../../data/api';
import { useCompanionState } from '../../data/companion';
import { hrefFor } from '../../router';
import { PageHeading } from '../../ui/PageHeading';
import { ProgressCharts } from './Charts';
import { DataTools } from './DataTools';
import { SmartIntervalCard } from './SmartInterval';
import { TherapistReport } from './TherapistReport';
import { ProgramWeekCard } from './ProgramWeekCard';
import { weekLabel } from './series';
import { useT } from '../../i18n';
import { changeLineText, headlineText } from '../../../shared/meaningful-change-text';
import { Button } from '../../ui/Button';
import './progress.css';
import './report.css';

/** Weeks in the charts; one more is loaded so the oldest shown week has a week to compare with. */
export const CHART_WEEKS = 12;

const TONE_LABELLED: ReadonlySet<Tone> = new Set<Tone>(['better', 'worse', 'mixed', 'same', 'thin']);

/** The week to open on: this week once it has something in it, otherwise last week. */
export function defaultWeekIndex(weeks: readonly WeeklySummary[]): number {
  const last = weeks.length - 1;
  const current = weeks[last];
  if (!current || last === 0) return Math.max(0, last);
  return current.stretchCount >= MIN_STRETCHES || current.checkins.count > 0 ? last : last - 1;
}

function WeekCard({ weeks, before }: { weeks: readonly WeeklySummary[]; before: WeeklySummary | null }) {
  const { t, locale } = useT();
  const [index, setIndex] = useState(() => defaultWeekIndex(weeks));
  const last = weeks.length - 1;
  const week = weeks[index]!;
  const previous = index > 0 ? weeks[index - 1]! : before;
  const comparison = useMemo(
    () => compareWeeks(week, previous, { current: index === last }),
    [week, previous, index, last],
  );
  const title =
    index === last
      ? t('progress:week.thisWeek')
      : index === last - 1
        ? t('progress:week.lastWeek')
        : t('progress:week.weekOf', { date: weekLabel(locale, week.weekStart) });

  return (
    <section className="ms-card ms-week" aria-labelledby="ms-week-title">
      <div className="ms-week-head">
        <div>
          <h2 className="ms-card-title" id="ms-week-title">
            {title}
          </h2>
          <p className="ms-card-subtitle">{t('progress:week.compared')}</p>
        </div>
        <div className="ms-week-nav" role="group" aria-label={t('progress:week.choose')}>
          <Button
            type="button"
            variant="quiet"
            disabled={index === 0}
            onClick={() => setIndex((i) => Math.max(0, i - 1))}
          >
            <span aria-hidden="true">‹ </span>
            {t('progress:week.earlier')}
          </Button>
          <Button
            type="button"
            variant="quiet"
            disabled={index === last}
            onClick={() => setIndex((i) => Math.min(last, i + 1))}
          >
            {t('progress:week.later')}
            <span aria-hidden="true"> ›</span>
          </Button>
        </div>
      </div>
      <p className="ms-headline" aria-live="polite">
        {headlineText(t, comparison)}
      </p>
      <ul className="ms-lines">
        {comparison.lines.map((line) => (
          <li key={line.topic} className={`ms-line ms-tone-${line.tone}`}>
            {TONE_LABELLED.has(line.tone) && <span className="ms-tone">{t(`progress:tone.${line.tone}`)}</span>}
            <span className="ms-line-text">{changeLineText(t, line, locale)}</span>
          </li>
        ))}
      </ul>
      {(week.breaks.deferred ?? 0) > 0 && (
        <p className="ms-held">
          {t(index === last ? 'progress:week.heldThis' : 'progress:week.heldThat', { count: week.breaks.deferred })}
        </p>
      )}
      {comparison.wins.length > 0 && (
        <div className="ms-wins">
          <h3 className="ms-subtitle">{t('progress:week.wins')}</h3>
          <ul>
            {comparison.wins.map((win, i) => (
              <li key={i} translate="no">
                {win}
              </li>
            ))}
          </ul>
        </div>
      )}
      {week.program && <ProgramWeekCard program={week.program} current={index === last} />}
      <p className="ms-muted ms-week-foot">
        {t('progress:week.foot')} <a href={hrefFor('checkin')}>{t('progress:week.addCheckin')}</a>
      </p>
    </section>
  );
}

export function ProgressScreen() {
  const { api, state, dispatch } = useCompanionState();
  const [progress, setProgress] = useState<ProgressView | null>(null);
  const [task, setTask] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [reportOpen, setReportOpen] = useState(false);
  const { t } = useT();

  useEffect(() => {
    let alive = true;
    Promise.all([api.getProgress(CHART_WEEKS + 1), api.getProfile()]).then(
      ([view, profile]) => {
        if (!alive) return;
        setProgress(view);
        setTask(profile.confidenceTask);
        setError(null);
      },
      (e: unknown) => {
        if (alive) setError(errorMessage(e));
      },
    );
    return () => {
      alive = false;
    };
  }, [api, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const weeks = useMemo(() => progress?.summaries.slice(-CHART_WEEKS) ?? [], [progress]);
  const before = progress && progress.summaries.length > CHART_WEEKS ? progress.summaries[0]! : null;

  return (
    <div className="ms-progress">
      <PageHeading title={t('progress:title')} subtitle={t('progress:subtitle')} />
      {error && !progress && (
        <div className="ms-card" role="alert">
          <p>{t('progress:loadError', { error })}</p>
          <div className="ms-actions">
            <Button type="button" variant="primary" onClick={reload}>
              {t('progress:tryAgain')}
            </Button>
          </div>
        </div>
      )}
      {!error && !progress && (
        <p className="ms-muted" role="status">
          {t('progress:loading')}
        </p>
      )}
      {progress && weeks.length > 0 && (
        <>
          {/* A new key after an import: the week card starts again from the default week. */}
          <WeekCard key={version} weeks={weeks} before={before} />
          <ProgressCharts weeks={weeks} />
          {state && <SmartIntervalCard api={api} settings={state.settings} dispatch={dispatch} />}
          <DataTools api={api} onImported={reload} onOpenReport={() => setReportOpen(true)} />
          {reportOpen && <TherapistReport api={api} weeks={weeks} task={task} onClose={() => setReportOpen(false)} />}
        </>
      )}
    </div>
  );
}
