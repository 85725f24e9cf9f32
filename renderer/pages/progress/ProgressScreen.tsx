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
import { heldText, weekLabel } from './series';
import './progress.css';
import './report.css';

/** Weeks in the charts; one more is loaded so the oldest shown week has a week to compare with. */
export const CHART_WEEKS = 12;

const TONE_LABEL: Partial<Record<Tone, string>> = {
  better: 'Better',
  worse: 'Harder',
  mixed: 'Mixed',
  same: 'No clear change',
  thin: 'Too little data',
};

/** The week to open on: this week once it has something in it, otherwise last week. */
export function defaultWeekIndex(weeks: readonly WeeklySummary[]): number {
  const last = weeks.length - 1;
  const current = weeks[last];
  if (!current || last === 0) return Math.max(0, last);
  return current.stretchCount >= MIN_STRETCHES || current.checkins.count > 0 ? last : last - 1;
}

function WeekCard({ weeks, before }: { weeks: readonly WeeklySummary[]; before: WeeklySummary | null }) {
  const [index, setIndex] = useState(() => defaultWeekIndex(weeks));
  const last = weeks.length - 1;
  const week = weeks[index]!;
  const previous = index > 0 ? weeks[index - 1]! : before;
  const comparison = useMemo(
    () => compareWeeks(week, previous, { current: index === last }),
    [week, previous, index, last],
  );
  const title =
    index === last ? 'This week so far' : index === last - 1 ? 'Last week' : `Week of ${weekLabel(week.weekStart)}`;

  return (
    <section className="ms-card ms-week" aria-labelledby="ms-week-title">
      <div className="ms-week-head">
        <div>
          <h2 className="ms-card-title" id="ms-week-title">
            {title}
          </h2>
          <p className="ms-card-subtitle">Compared with the week before</p>
        </div>
        <div className="ms-week-nav" role="group" aria-label="Choose a week">
          <button
            type="button"
            className="ms-button ms-button-quiet"
            disabled={index === 0}
            onClick={() => setIndex((i) => Math.max(0, i - 1))}
          >
            <span aria-hidden="true">‹ </span>Earlier week
          </button>
          <button
            type="button"
            className="ms-button ms-button-quiet"
            disabled={index === last}
            onClick={() => setIndex((i) => Math.min(last, i + 1))}
          >
            Later week<span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>
      <p className="ms-headline" aria-live="polite">
        {comparison.headline}
      </p>
      <ul className="ms-lines">
        {comparison.lines.map((line) => (
          <li key={line.topic} className={`ms-line ms-tone-${line.tone}`}>
            {TONE_LABEL[line.tone] && <span className="ms-tone">{TONE_LABEL[line.tone]}</span>}
            <span className="ms-line-text">{line.text}</span>
          </li>
        ))}
      </ul>
      {(week.breaks.deferred ?? 0) > 0 && (
        <p className="ms-held">
          {heldText(week.breaks.deferred)} {index === last ? 'this week' : 'that week'} while you were busy.
        </p>
      )}
      {comparison.wins.length > 0 && (
        <div className="ms-wins">
          <h3 className="ms-subtitle">Wins you wrote down</h3>
          <ul>
            {comparison.wins.map((win, i) => (
              <li key={i}>{win}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="ms-muted ms-week-foot">
        A pain change counts as meaningful when it drops by 2 points or by 30%; smaller changes are shown as they are.{' '}
        <a href={hrefFor('checkin')}>Add a check-in</a>
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
      <PageHeading title="Progress" subtitle="How long you sit comfortably, and how your back feels, week by week" />
      {error && !progress && (
        <div className="ms-card" role="alert">
          <p>Your progress could not be loaded: {error}</p>
          <div className="ms-actions">
            <button type="button" className="ms-button ms-button-primary" onClick={reload}>
              Try again
            </button>
          </div>
        </div>
      )}
      {!error && !progress && (
        <p className="ms-muted" role="status">
          Loading your weeks…
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
