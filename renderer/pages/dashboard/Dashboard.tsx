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
import { countdownParts, formatClock, formatDuration, formatLongDate, MINUTE } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { hrefFor } from '../../router';
import { BreakChoices, HeldNote, routinesOff, RoutinesOffNote } from '../prompt';
import { PageHeading } from '../../ui/PageHeading';

/** How much of the ring to draw: the part of the wait that is left. */
function ringFor(state: CompanionState, now: number) {
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
  return { value: left / whole, center: countdownParts(left) };
}

export function Dashboard() {
  const { state, day } = useCompanionState();
  const now = useNow(1000);
  if (!state) return null;
  return (
    <div className="dashboard">
      <PageHeading title="Today" subtitle={formatLongDate(now)} />
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
  const off = routinesOff(profile);
  const words = describePhase(state, now, { routinesOff: off });
  const ring = ringFor(state, now);
  const actions = useAction();
  const [noted, setNoted] = useState<string | null>(null);
  const canStart = state.phase === 'sitting' || state.phase === 'due' || state.phase === 'deferred';
  const canPause = state.phase !== 'routine' && state.phase !== 'off-hours';

  const reportDiscomfort = async () => {
    const next = await actions.run({ type: 'discomfort/report' });
    if (next)
      setNoted(`Noted at ${formatClock(Date.now())}. Thank you — this helps show how long you sit comfortably.`);
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
              Due since {formatClock(state.deferredSince)} · your sitting time keeps counting
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
          <a className="button button-primary" href={hrefFor('routine')}>
            <Icon name="walk" />
            Open the routine
          </a>
        </div>
      )}

      <div className="actions quick-actions" role="group" aria-label="Quick actions">
        {(state.phase === 'sitting' || state.phase === 'deferred') && (
          <button
            type="button"
            className="button button-primary"
            disabled={actions.pending}
            onClick={() =>
              void actions.run(off ? { type: 'break/start', routineId: PLAIN_BREAK_ID } : { type: 'break/start' })
            }
          >
            <Icon name={off ? 'walk' : 'play'} />
            {state.phase === 'deferred' ? 'Take it now' : off ? 'Walk about for a minute' : 'Take a break now'}
          </button>
        )}
        {state.phase === 'paused' ? (
          <button
            type="button"
            className="button button-primary"
            disabled={actions.pending}
            onClick={() => void actions.run({ type: 'resume' })}
          >
            <Icon name="play" />
            Resume
          </button>
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
          <a className="button button-secondary" href={hrefFor('settings')}>
            <Icon name="settings" />
            Change working hours
          </a>
        )}
        {state.phase !== 'off-hours' && state.phase !== 'paused' && (
          <button
            type="button"
            className="button button-quiet"
            disabled={actions.pending}
            onClick={() => void reportDiscomfort()}
          >
            <Icon name="back" />
            My back is complaining
          </button>
        )}
      </div>
      {!canStart && state.phase === 'away' && (
        <p className="hint">Welcome back whenever you are ready; nothing to do here.</p>
      )}
      {state.phase === 'deferred' && (
        <p className="hint">
          No prompt while you are busy. <a href={hrefFor('settings')}>Choose what holds a break</a>
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

  return (
    <section className="card today-card" aria-labelledby="today-title">
      <h2 id="today-title" className="card-title">
        Breaks today
      </h2>
      <dl className="stats">
        <Stat label="Taken" value={counts.taken} tone="accent" />
        <Stat label="Snoozed" value={day?.snoozes ?? 0} />
        <Stat label="Skipped" value={counts.skipped} />
        <Stat label="Natural" value={counts.natural} hint="You got up on your own" />
      </dl>

      <h2 className="card-title card-title-spaced" id="timeline-title">
        Sitting stretches
      </h2>
      <p className="card-subtitle">
        {stretchCount === 0
          ? 'No sitting recorded yet today.'
          : `${formatDuration(sittingMs)} in ${stretchCount} ${stretchCount === 1 ? 'stretch' : 'stretches'} · longest ${formatDuration(longestMs)}`}
      </p>
      {day ? (
        <Timeline
          day={day}
          now={now}
          workingHours={state.settings.workingHours}
          heldSince={state.phase === 'deferred' ? state.deferredSince : null}
        />
      ) : (
        <p className="empty">Loading today…</p>
      )}
      <p className="today-links">
        <a href={hrefFor('checkin')}>Add a check-in</a>
        <span aria-hidden="true"> · </span>
        <a href={hrefFor('progress')}>See your weeks</a>
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
