import { useCallback, useEffect, useState } from 'react';
import type { Action } from '../../../shared/actions';
import type { MovesnackApi, SmartIntervalView } from '../../../shared/ipc-contract';
import type { Settings } from '../../../shared/settings';
import { DEFAULT_MAX, MIN_STRETCHES } from '../../../shared/smart-interval';
import { errorMessage } from '../../data/api';

/**
 * The smart-interval offer. Off unless the user turns it on; when on, it shows the engine's
 * suggestion with its reasons and changes the interval only when the user presses Accept. The
 * engine computes the offer from its own history and keeps its memory (the one-raise-a-week
 * pace and "not now"), so it is the same in every window and survives a restore.
 */

export function SmartIntervalCard({
  api,
  settings,
  dispatch,
}: {
  api: MovesnackApi;
  settings: Settings;
  dispatch: (action: Action) => Promise<unknown>;
}) {
  const [offer, setOffer] = useState<SmartIntervalView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const on = settings.smartInterval;
  const interval = settings.breakIntervalMin;
  useEffect(() => {
    if (!on) return;
    let alive = true;
    api.getSmartInterval().then(
      (view) => {
        if (!alive) return;
        setLoadError(null);
        setOffer(view);
      },
      (error: unknown) => {
        if (alive) setLoadError(errorMessage(error));
      },
    );
    return () => {
      alive = false;
    };
    // Asked again when it is turned on and when the interval changes, not on every state event.
  }, [api, on, interval]);

  const result = offer?.result ?? null;
  const dismissed = offer?.dismissedUntil != null;

  const run = useCallback(
    async (action: Action, after?: () => void) => {
      setPending(true);
      setActionError(null);
      try {
        await dispatch(action);
        after?.();
      } catch (error) {
        setActionError(errorMessage(error));
      } finally {
        setPending(false);
      }
    },
    [dispatch],
  );

  const max = Math.max(DEFAULT_MAX, interval);

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
              onClick={() => run({ type: 'settings/update', settings: { smartInterval: true } })}
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
                    run({ type: 'interval/accept', minutes: result.minutes }, () =>
                      setNote(`Done: your breaks now come every ${result.minutes} minutes.`),
                    )
                  }
                >
                  Accept {result.minutes} minutes
                </button>
                <button
                  type="button"
                  className="ms-button ms-button-quiet"
                  disabled={pending}
                  onClick={() =>
                    run({ type: 'interval/dismiss' }, () => {
                      setOffer({ ...offer!, dismissedUntil: new Date(Date.now() + 7 * 24 * 60 * 60_000).toISOString() });
                      setNote(`All right: breaks stay every ${interval} minutes. The suggestion comes back in a week.`);
                    })
                  }
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
                It stays between 10 and {max} minutes (the top of the usual 30–45 minute range, or your own interval
                if it is longer).
              </li>
              <li>If you reported little discomfort, it never suggests a shorter interval: there is no reason to.</li>
            </ul>
          </details>
          <div className="ms-actions">
            <button
              type="button"
              className="ms-button ms-button-quiet ms-flush"
              disabled={pending}
              onClick={() => run({ type: 'settings/update', settings: { smartInterval: false } }, () => setNote(null))}
            >
              Turn off suggestions
            </button>
          </div>
        </>
      )}
    </section>
  );
}
