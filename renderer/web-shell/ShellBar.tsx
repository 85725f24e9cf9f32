import { useEffect, useState } from 'react';
import { getApi } from '../data/api';
import { I18nProvider, useT } from '../i18n';
import { useHashView } from '../router';
import type { WebShellExtras } from './transport';
import { Button } from '../ui/Button';
import './web-shell.css';

const LOST_AFTER_MS = 4000;

type Permission = NotificationPermission | 'unsupported';
const currentPermission = (): Permission =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/**
 * The browser shell's own strip above the app: the offer to allow notifications (asked only
 * when the user presses the button, as browsers require), and a plain note when the page
 * loses its connection to Movesnack.
 */
export function ShellBar({ extras }: { extras: WebShellExtras }) {
  // The answer to the offer lives in the engine's settings (`browserNotifications`), so it
  // follows the user to every browser and into export; null until the engine has said.
  const [offer, setOffer] = useState<'ask' | 'declined' | null>(null);
  const [language, setLanguage] = useState<string | undefined>(undefined);
  useEffect(() => {
    const api = getApi();
    if (!api) return;
    let alive = true;
    const off = api.on('state', (state) => {
      if (!alive) return;
      setOffer(state.settings.browserNotifications ?? 'ask');
      setLanguage(state.settings.language);
    });
    api.getState().then(
      (state) => {
        if (!alive) return;
        setOffer((current) => current ?? state.settings.browserNotifications ?? 'ask');
        setLanguage((current) => current ?? state.settings.language);
      },
      () => undefined,
    );
    return () => {
      alive = false;
      off();
    };
  }, []);
  return (
    <I18nProvider language={language}>
      <ShellBarText extras={extras} offer={offer} setOffer={setOffer} />
    </I18nProvider>
  );
}

function ShellBarText({
  extras,
  offer,
  setOffer,
}: {
  extras: WebShellExtras;
  offer: 'ask' | 'declined' | null;
  setOffer: (offer: 'ask' | 'declined') => void;
}) {
  const { t } = useT();
  const view = useHashView();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    // A stream that drops and comes straight back (a busy machine, a restart of the event
    // stream) is not worth a note: only a connection lost for LOST_AFTER_MS is said.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = extras.onConnection((value) => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (value) setConnected(true);
      else timer = setTimeout(() => setConnected(false), LOST_AFTER_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [extras]);

  if (!connected) {
    return (
      <aside className="shell-bar shell-bar-lost" aria-label={t('app:shell.bar.connection')}>
        <p role="status">
          {t('app:shell.bar.lostBefore')} <code translate="no">npm start</code>
          {t('app:shell.bar.lostAfter')}
        </p>
      </aside>
    );
  }

  // The break prompt and the routine stay uncluttered.
  const compact = view === 'prompt' || view === 'routine';
  if (permission !== 'default' || offer !== 'ask' || compact) return null;

  const allow = () => {
    void Notification.requestPermission().then(
      (answer) => setPermission(answer),
      () => setPermission(currentPermission()),
    );
  };
  const decline = () => {
    setOffer('declined');
    // If the engine cannot save it, the offer simply comes back next time; no harm.
    void getApi()
      ?.dispatch({ type: 'settings/update', settings: { browserNotifications: 'declined' } })
      .catch(() => undefined);
  };

  return (
    <aside className="shell-bar" aria-label={t('app:shell.bar.label')}>
      <p>{t('app:shell.bar.offer')}</p>
      <div className="shell-bar-actions">
        <Button type="button" variant="primary" onClick={allow}>
          {t('app:shell.bar.allow')}
        </Button>
        <Button type="button" variant="quiet" onClick={decline}>
          {t('app:shell.bar.decline')}
        </Button>
      </div>
    </aside>
  );
}
