import { useCallback, useEffect, useState } from 'react';
import type { Action } from '../../../shared/actions';
import type { MovesnackApi, SmartIntervalView } from '../../../shared/ipc-contract';
import type { Settings } from '../../../shared/settings';
import { DEFAULT_MAX, MIN_STRETCHES } from '../../../shared/smart-interval';
import { smartIntervalReasonText } from '../../../shared/smart-interval-text';
import { errorMessage } from '../../data/api';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { formatDate } from '../../../shared/i18n/format';

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
  const { t, lang, locale } = useT();

  return (
    <section className="ms-card ms-smart" aria-labelledby="ms-smart-title">
      <h2 className="ms-card-title" id="ms-smart-title">
        {t('progress:smart.title')}
      </h2>
      {!on ? (
        <>
          <p>
            {t('progress:smart.intro')}
          </p>
          <p className="ms-muted">{t('progress:smart.now', { minutes: interval })}</p>
          <div className="ms-actions">
            <Button
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() => run({ type: 'settings/update', settings: { smartInterval: true } })}
            >
              {t('progress:smart.turnOn')}
            </Button>
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
              {t('progress:smart.loadError', { error: loadError })}
            </p>
          )}
          {!loadError && !result && <p className="ms-muted">{t('progress:smart.looking')}</p>}
          {result?.kind === 'not-enough-data' && (
            <p className="ms-thin">
              {smartIntervalReasonText(t, result, lang)} {t('progress:smart.until', { minutes: interval })}
            </p>
          )}
          {result?.kind === 'keep' && (
            <>
              <p className="ms-offer-line">
                {t('progress:smart.keepBefore')}
                <strong>{t('progress:smart.minutes', { minutes: interval })}</strong>
                {t('progress:smart.keepAfter')}
              </p>
              <p className="ms-muted">{smartIntervalReasonText(t, result, lang)}</p>
              {result.nextRaiseAt && (
                <p className="ms-muted">
                  {t('progress:smart.againFrom', {
                    date: formatDate(locale, result.nextRaiseAt, { weekday: 'long', day: 'numeric', month: 'long' }),
                  })}
                </p>
              )}
            </>
          )}
          {result?.kind === 'suggest' && !dismissed && (
            <>
              <p className="ms-offer-line">
                {t('progress:smart.suggestBefore')}
                <strong>{t('progress:smart.minutes', { minutes: result.minutes })}</strong>
                {t(result.direction === 'raise' ? 'progress:smart.insteadOf' : 'progress:smart.ratherThan', {
                  current: result.current,
                })}
              </p>
              <p className="ms-muted">{smartIntervalReasonText(t, result, lang)}</p>
              <div className="ms-actions">
                <Button
                  type="button"
                  variant="primary"
                  disabled={pending}
                  onClick={() =>
                    run({ type: 'interval/accept', minutes: result.minutes }, () =>
                      setNote(t('progress:smart.done', { minutes: result.minutes })),
                    )
                  }
                >
                  {t('progress:smart.accept', { minutes: result.minutes })}
                </Button>
                <Button
                  type="button"
                  variant="quiet"
                  disabled={pending}
                  onClick={() =>
                    run({ type: 'interval/dismiss' }, () => {
                      setOffer({ ...offer!, dismissedUntil: new Date(Date.now() + 7 * 24 * 60 * 60_000).toISOString() });
                      setNote(t('progress:smart.dismissed', { minutes: interval }));
                    })
                  }
                >
                  {t('progress:smart.notNow')}
                </Button>
              </div>
            </>
          )}
          {result?.kind === 'suggest' && dismissed && (
            <p className="ms-muted">
              {t('progress:smart.stay', { minutes: interval })}
            </p>
          )}
          {actionError && (
            <p className="ms-error" role="alert">
              {actionError}
            </p>
          )}
          <details className="ms-explain">
            <summary>{t('progress:smart.how')}</summary>
            <ul>
              <li>{t('progress:smart.how1', { min: MIN_STRETCHES })}</li>
              <li>{t('progress:smart.how2')}</li>
              <li>{t('progress:smart.how3')}</li>
              <li>{t('progress:smart.how4')}</li>
              <li>{t('progress:smart.how5', { max })}</li>
              <li>{t('progress:smart.how6')}</li>
            </ul>
          </details>
          <div className="ms-actions">
            <Button
              type="button"
              variant="quiet"
              className="ms-flush"
              disabled={pending}
              onClick={() => run({ type: 'settings/update', settings: { smartInterval: false } }, () => setNote(null))}
            >
              {t('progress:smart.turnOff')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
