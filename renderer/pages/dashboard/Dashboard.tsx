import { useState } from 'react';
import type { DayView } from '../../../shared/ipc-contract';
import { PLAIN_BREAK_ID } from '../../../shared/profile';
import type { CompanionState } from '../../../shared/state';
import { useAction, useCompanionState } from '../../data/companion';
import { Icon } from '../../ui/Icon';
import { ErrorNote } from '../../ui/Notice';
import { DesktopNotice } from './DesktopNotice';
import { PauseMenu } from './PauseMenu';
import { ProgressRing } from './ProgressRing';
import { Timeline } from './Timeline';
import { describePhase } from '../../lib/phase';
import { useT } from '../../i18n';
import { countdownParts, formatClock, formatDuration, formatLongDate, MINUTE, type Fmt } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { hrefFor } from '../../router';
import { BreakChoices, HeldNote, routinesOff, RoutinesOffNote } from '../prompt';
import { PageHeading } from '../../ui/PageHeading';
import { Button, buttonClass } from '../../ui/Button';
import './dashboard.css';

/** How much of the ring to draw: the part of the wait that is left. */
function ringFor(state: CompanionState, now: number, fmt: Fmt) {
  if (state.phase === 'due' || state.phase === 'routine') return { value: 1, center: null };
  if (state.phase === 'deferred') {
    // Held: the ring is the part of the longest hold still to go (it comes anyway at the end).
    if (!state.nextBreakAt || !state.deferredSince) return { value: 1, center: null };
    const left = Date.parse(state.nextBreakAt) - now;
    const whole = Date.parse(state.nextBreakAt) - Date.parse(state.deferredSince);
    return { value: whole > 0 ? left / whole : 0, center: null };
  }
  if (state.phase !== 'sitting' || !state.nextBreakAt) return { value: 0, center: null };
  const left = Date.parse(state.nextBreakAt) - now;
  const whole = Math.max(left, state.settings.breakIntervalMin * MINUTE);
  return { value: left / whole, center: countdownParts(left, fmt) };
}

export function Dashboard() {
  const { state, day } = useCompanionState();
  const now = useNow(1000);
  const fmt = useT();
  if (!state) return null;
  return (
    <div className="dashboard">
      <PageHeading title={fmt.t('dashboard:title')} subtitle={formatLongDate(now, fmt)} />
      <DesktopNotice />
      <div className="dashboard-grid">
        <StatusCard state={state} now={now} />
        <TodayCard state={state} day={day} now={now} />
      </div>
    </div>
  );
}

function StatusCard({ state, now }: { state: CompanionState; now: number }) {
  const { profile, day } = useCompanionState();
  const fmt = useT();
  const { t } = fmt;
  const off = routinesOff(profile);
  const words = describePhase(state, now, fmt, { routinesOff: off });
  const ring = ringFor(state, now, fmt);
  const actions = useAction();
  const [noted, setNoted] = useState<string | null>(null);
  const canStart = state.phase === 'sitting' || state.phase === 'due' || state.phase === 'deferred';
  const canPause = state.phase !== 'routine' && state.phase !== 'off-hours';

  const reportDiscomfort = async () => {
    const next = await actions.run({ type: 'discomfort/report' });
    if (next) setNoted(t('dashboard:status.noted', { time: formatClock(Date.now(), fmt) }));
  };

  return (
    <section className={`card status-card tone-${words.tone}`} aria-labelledby="status-title">
      <div className="status-main">
        <ProgressRing value={ring.value} tone={words.tone}>
          {ring.center ? (
            <>
              <span className="ring-value-text">{ring.center.value}</span>
              <span className="ring-unit">{ring.center.unit}</span>
            </>
          ) : (
            <Icon
              name={
                state.phase === 'due' || state.phase === 'routine'
                  ? 'walk'
                  : state.phase === 'paused'
                    ? 'pause'
                    : state.phase === 'deferred'
                      ? 'hourglass'
                      : 'clock'
              }
              className="ring-icon"
            />
          )}
        </ProgressRing>
        <div className="status-text">
          <p className={`pill pill-${words.tone}`}>
            <span className="pill-dot" aria-hidden="true" />
            {words.label}
          </p>
          <h2 id="status-title" className="status-title">
            {words.title}
          </h2>
          <p className="status-detail">{words.detail}</p>
          {state.phase === 'deferred' && state.deferredSince && (
            <p className="status-held-since">
              {t('dashboard:status.heldSince', { time: formatClock(state.deferredSince, fmt) })}
            </p>
          )}
        </div>
      </div>

      {off && (state.phase === 'due' || state.phase === 'sitting' || state.phase === 'deferred') && (
        <RoutinesOffNote link />
      )}
      {state.phase === 'due' && <HeldNote heldMin={day?.heldMin ?? null} state={state} />}
      {state.phase === 'due' && <BreakChoices state={state} variant="inline" startDisabled={off} />}

      {state.phase === 'routine' && (
        <div className="actions">
          <a className={buttonClass('primary')} href={hrefFor('routine')}>
            <Icon name="walk" />
            {t('dashboard:status.openRoutine')}
          </a>
        </div>
      )}

      <div className="actions quick-actions" role="group" aria-label={t('dashboard:status.quickActions')}>
        {(state.phase === 'sitting' || state.phase === 'deferred') && (
          <Button
            type="button"
            variant="primary"
            disabled={actions.pending}
            onClick={() =>
              void actions.run(off ? { type: 'break/start', routineId: PLAIN_BREAK_ID } : { type: 'break/start' })
            }
          >
            <Icon name={off ? 'walk' : 'play'} />
            {state.phase === 'deferred'
              ? t('dashboard:status.takeItNow')
              : off
                ? t('dashboard:status.walkAbout')
                : t('dashboard:status.takeBreak')}
          </Button>
        )}
        {state.phase === 'paused' ? (
          <Button
            type="button"
            variant="primary"
            disabled={actions.pending}
            onClick={() => void actions.run({ type: 'resume' })}
          >
            <Icon name="play" />
            {t('dashboard:status.resume')}
          </Button>
        ) : (
          canPause && (
            <PauseMenu
              now={now}
              workingHours={state.settings.workingHours}
              disabled={actions.pending}
              onPause={(until) => void actions.run({ type: 'pause', until: until.toISOString() })}
            />
          )
        )}
        {state.phase === 'off-hours' && (
          <a className={buttonClass('secondary')} href={hrefFor('settings')}>
            <Icon name="settings" />
            {t('dashboard:status.changeHours')}
          </a>
        )}
        {state.phase !== 'off-hours' && state.phase !== 'paused' && (
          <Button type="button" variant="quiet" disabled={actions.pending} onClick={() => void reportDiscomfort()}>
            <Icon name="back" />
            {t('dashboard:status.backComplaining')}
          </Button>
        )}
      </div>
      {!canStart && state.phase === 'away' && <p className="hint">{t('dashboard:status.away')}</p>}
      {state.phase === 'deferred' && (
        <p className="hint">
          {t('dashboard:status.noPrompt')} <a href={hrefFor('settings')}>{t('dashboard:status.chooseHolds')}</a>
        </p>
      )}
      <ErrorNote message={actions.error} onDismiss={actions.clearError} />
      <p className="live-note" role="status">
        {noted}
      </p>
    </section>
  );
}

function TodayCard({ state, day, now }: { state: CompanionState; day: DayView | null; now: number }) {
  const counts = { taken: 0, skipped: 0, natural: 0 };
  for (const b of day?.breaks ?? []) counts[b.outcome] += 1;
  const sittingMs = (day?.stretches ?? []).reduce(
    (sum, s) => sum + ((s.end ? Date.parse(s.end) : now) - Date.parse(s.start)),
    0,
  );
  const longestMs = (day?.stretches ?? []).reduce(
    (max, s) => Math.max(max, (s.end ? Date.parse(s.end) : now) - Date.parse(s.start)),
    0,
  );
  const stretchCount = day?.stretches.length ?? 0;
  const fmt = useT();
  const { t } = fmt;

  return (
    <section className="card today-card" aria-labelledby="today-title">
      <h2 id="today-title" className="card-title">
        {t('dashboard:today.title')}
      </h2>
      <dl className="stats">
        <Stat label={t('dashboard:today.taken')} value={counts.taken} tone="accent" />
        <Stat label={t('dashboard:today.snoozed')} value={day?.snoozes ?? 0} />
        <Stat label={t('dashboard:today.skipped')} value={counts.skipped} />
        <Stat label={t('dashboard:today.natural')} value={counts.natural} hint={t('dashboard:today.naturalHint')} />
      </dl>

      <h2 className="card-title card-title-spaced" id="timeline-title">
        {t('dashboard:today.stretchesTitle')}
      </h2>
      <p className="card-subtitle">
        {stretchCount === 0
          ? t('dashboard:today.noSitting')
          : t('dashboard:today.sittingSummary', {
              count: stretchCount,
              total: formatDuration(sittingMs, fmt),
              longest: formatDuration(longestMs, fmt),
            })}
      </p>
      {day ? (
        <Timeline
          day={day}
          now={now}
          workingHours={state.settings.workingHours}
          heldSince={state.phase === 'deferred' ? state.deferredSince : null}
        />
      ) : (
        <p className="empty">{t('dashboard:today.loading')}</p>
      )}
      <p className="today-links">
        <a href={hrefFor('checkin')}>{t('dashboard:today.addCheckin')}</a>
        <span aria-hidden="true"> · </span>
        <a href={hrefFor('progress')}>{t('dashboard:today.seeWeeks')}</a>
      </p>
    </section>
  );
}

function Stat({ label, value, hint, tone }: { label: string; value: number; hint?: string; tone?: 'accent' }) {
  return (
    <div className={tone ? `stat stat-${tone}` : 'stat'}>
      <dt>
        {label}
        {hint && <span className="stat-hint">{hint}</span>}
      </dt>
      <dd className="stat-value">{value}</dd>
    </div>
  );
}
