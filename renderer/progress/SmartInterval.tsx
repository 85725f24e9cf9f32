import { useCallback, useEffect, useState } from 'react';
import type { MovesnackApi } from '../../shared/ipc-contract';
import type { Settings } from '../../shared/settings';
import type { StretchObservation } from '../../shared/summary';
import {
  DEFAULT_MAX,
  MIN_STRETCHES,
  WINDOW_DAYS,
  suggestInterval,
  type SmartIntervalInput,
  type SmartIntervalResult,
} from '../../shared/smart-interval';
import { errorMessage } from '../api';

/**
 * The smart-interval offer. Off unless the user turns it on; when on, it shows a suggestion
 * with its reasons and changes the interval only when the user presses Accept.
 *
 * The pace of raises (one a week) and "Not now" are remembered in this window's storage:
 * the engine has no setting for them yet.
 */

const DAY = 24 * 60 * 60_000;
const STORE_KEY = 'movesnack.smartInterval.v1';
const NOT_NOW_DAYS = 7;

interface Memory {
  lastRaiseAt: string | null;
  dismissedUntil: string | null;
}

function readMemory(): Memory {
  try {
    const raw = JSON.parse(window.localStorage.getItem(STORE_KEY) ?? '{}') as Partial<Memory>;
    return {
      lastRaiseAt: typeof raw.lastRaiseAt === 'string' ? raw.lastRaiseAt : null,
      dismissedUntil: typeof raw.dismissedUntil === 'string' ? raw.dismissedUntil : null,
    };
  } catch {
    return { lastRaiseAt: null, dismissedUntil: null };
  }
}

const isDismissed = (memory: Memory) =>
  memory.dismissedUntil !== null && Date.parse(memory.dismissedUntil) > Date.now();

function writeMemory(memory: Memory): void {
  try {
    window.localStorage.setItem(STORE_KEY, JSON.stringify(memory));
  } catch {
    // Storage may be unavailable; the offer then simply comes back sooner.
  }
}

/** The user's maximum: a setting the engine does not have yet; read it if it appears. */
function userMaximum(settings: Settings): number | null {
  const value = (settings as Settings & { smartIntervalMaxMin?: unknown }).smartIntervalMaxMin;
  return typeof value === 'number' ? value : null;
}

/** Stretches, discomfort reports and check-ins of the last two weeks, from the day views. */
async function loadInput(api: MovesnackApi, settings: Settings, now: Date): Promise<SmartIntervalInput> {
  const days = Array.from({ length: WINDOW_DAYS + 1 }, (_, i) => new Date(now.getTime() - i * DAY).toISOString());
  const [views, progress] = await Promise.all([Promise.all(days.map((d) => api.getDay(d))), api.getProgress(3)]);
  const stretches: StretchObservation[] = [];
  const discomforts: { at: string }[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    for (const s of view.stretches) {
      if (seen.has(s.start)) continue;
      seen.add(s.start);
      stretches.push(s);
    }
    discomforts.push(...view.discomforts);
  }
  return {
    now,
    currentIntervalMin: settings.breakIntervalMin,
    maxIntervalMin: userMaximum(settings),
    stretches,
    discomforts,
    checkins: progress.checkins,
    lastRaiseAt: readMemory().lastRaiseAt,
  };
}

export function SmartIntervalCard({
  api,
  settings,
  dispatch,
}: {
  api: MovesnackApi;
  settings: Settings;
  dispatch: (action: { type: 'settings/update'; settings: Partial<Settings> }) => Promise<unknown>;
}) {
  const [result, setResult] = useState<SmartIntervalResult | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [memory, setMemory] = useState<Memory>(() => readMemory());
  const [dismissed, setDismissed] = useState(() => isDismissed(readMemory()));

  const on = settings.smartInterval;
  const interval = settings.breakIntervalMin;
  useEffect(() => {
    if (!on) return;
    let alive = true;
    loadInput(api, settings, new Date()).then(
      (input) => {
        if (!alive) return;
        setLoadError(null);
        setResult(suggestInterval(input));
      },
      (error: unknown) => {
        if (alive) setLoadError(errorMessage(error));
      },
    );
    return () => {
      alive = false;
    };
    // Recomputed when it is turned on and when the interval changes, not on every state event.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, on, interval]);

  const run = useCallback(
    async (patch: Partial<Settings>, after?: () => void) => {
      setPending(true);
      setActionError(null);
      try {
        await dispatch({ type: 'settings/update', settings: patch });
        after?.();
      } catch (error) {
        setActionError(errorMessage(error));
      } finally {
        setPending(false);
      }
    },
    [dispatch],
  );

  const max = userMaximum(settings) ?? Math.max(DEFAULT_MAX, interval);

  return (
    <section className="ms-card ms-smart" aria-labelledby="ms-smart-title">
      <h2 className="ms-card-title" id="ms-smart-title">
        Break interval from your own data
      </h2>
      {!on ? (
        <>
          <p>
            Movesnack can suggest a break interval based on how long you actually sit comfortably. You approve every
            change; nothing changes on its own.
          </p>
          <p className="ms-muted">Your breaks now come every {interval} minutes.</p>
          <div className="ms-actions">
            <button
              type="button"
              className="ms-button ms-button-secondary"
              disabled={pending}
              onClick={() => run({ smartInterval: true })}
            >
              Turn on suggestions
            </button>
          </div>
        </>
      ) : (
        <>
          {note && (
            <p className="ms-status" role="status">
              {note}
            </p>
          )}
          {loadError && (
            <p className="ms-error" role="alert">
              The suggestion could not be worked out: {loadError}
            </p>
          )}
          {!loadError && !result && <p className="ms-muted">Looking at your last two weeks…</p>}
          {result?.kind === 'not-enough-data' && (
            <p className="ms-thin">
              {result.reason} Until then your breaks stay every {interval} minutes.
            </p>
          )}
          {result?.kind === 'keep' && (
            <>
              <p className="ms-offer-line">
                Keep your breaks every <strong>{interval} minutes</strong>.
              </p>
              <p className="ms-muted">{result.reason}</p>
              {result.nextRaiseAt && (
                <p className="ms-muted">
                  A longer interval can be offered again from{' '}
                  {new Date(result.nextRaiseAt).toLocaleDateString(undefined, {
                    weekday: 'long',
                    day: 'numeric',
                    month: 'long',
                  })}
                  .
                </p>
              )}
            </>
          )}
          {result?.kind === 'suggest' && !dismissed && (
            <>
              <p className="ms-offer-line">
                Suggestion: a break every <strong>{result.minutes} minutes</strong>{' '}
                {result.direction === 'raise' ? 'instead of' : 'rather than'} {result.current}.
              </p>
              <p className="ms-muted">{result.reason}</p>
              <div className="ms-actions">
                <button
                  type="button"
                  className="ms-button ms-button-primary"
                  disabled={pending}
                  onClick={() =>
                    run({ breakIntervalMin: result.minutes }, () => {
                      const next = {
                        ...memory,
                        dismissedUntil: null,
                        lastRaiseAt: result.direction === 'raise' ? new Date().toISOString() : memory.lastRaiseAt,
                      };
                      writeMemory(next);
                      setMemory(next);
                      setDismissed(false);
                      setNote(`Done: your breaks now come every ${result.minutes} minutes.`);
                    })
                  }
                >
                  Accept {result.minutes} minutes
                </button>
                <button
                  type="button"
                  className="ms-button ms-button-quiet"
                  disabled={pending}
                  onClick={() => {
                    const next = { ...memory, dismissedUntil: new Date(Date.now() + NOT_NOW_DAYS * DAY).toISOString() };
                    writeMemory(next);
                    setMemory(next);
                    setDismissed(true);
                    setNote(`All right: breaks stay every ${interval} minutes. The suggestion comes back in a week.`);
                  }}
                >
                  Not now
                </button>
              </div>
            </>
          )}
          {result?.kind === 'suggest' && dismissed && (
            <p className="ms-muted">
              Your breaks stay every {interval} minutes; you said &ldquo;not now&rdquo; to a change. It will be offered
              again in a few days.
            </p>
          )}
          {actionError && (
            <p className="ms-error" role="alert">
              {actionError}
            </p>
          )}
          <details className="ms-explain">
            <summary>How the suggestion works</summary>
            <ul>
              <li>It looks at your sitting stretches from the last two weeks and needs at least {MIN_STRETCHES}.</li>
              <li>
                Your comfortable sitting time is how long it took until half of your stretches brought a &ldquo;my back
                is complaining&rdquo; report. If fewer than half did, it is your longest stretch: you were comfortable
                at least that long.
              </li>
              <li>The suggestion is about 80% of that, so the break comes before your back complains.</li>
              <li>
                It goes up by about 10% at most once a week, and not during a flare: a week when your highest pain in
                check-ins rose by 2 points or more, or when you reported discomfort at least twice as often (and at
                least 3 more times) than the week before.
              </li>
              <li>
                It stays between 10 and {max} minutes
                {userMaximum(settings) === null
                  ? ' (the top of the usual 30–45 minute range, or your own interval if it is longer)'
                  : ', your maximum'}
                .
              </li>
              <li>If you reported little discomfort, it never suggests a shorter interval: there is no reason to.</li>
            </ul>
          </details>
          <div className="ms-actions">
            <button
              type="button"
              className="ms-button ms-button-quiet ms-flush"
              disabled={pending}
              onClick={() => run({ smartInterval: false }, () => setNote(null))}
            >
              Turn off suggestions
            </button>
          </div>
        </>
      )}
    </section>
  );
}
