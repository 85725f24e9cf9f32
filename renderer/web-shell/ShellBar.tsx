import { useEffect, useState } from 'react';
import { getApi } from '../data/api';
import { useHashView } from '../router';
import type { WebShellExtras } from './transport';
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
  const view = useHashView();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  // The answer to the offer lives in the engine's settings (`browserNotifications`), so it
  // follows the user to every browser and into export; null until the engine has said.
  const [offer, setOffer] = useState<'ask' | 'declined' | null>(null);
  useEffect(() => {
    const api = getApi();
    if (!api) return;
    let alive = true;
    const off = api.on('state', (state) => {
      if (alive) setOffer(state.settings.browserNotifications ?? 'ask');
    });
    api.getState().then(
      (state) => {
        if (alive) setOffer((current) => current ?? state.settings.browserNotifications ?? 'ask');
      },
      () => undefined,
    );
    return () => {
      alive = false;
      off();
    };
  }, []);
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
      <aside className="shell-bar shell-bar-lost" aria-label="Connection">
        <p role="status">
          Movesnack is not answering. If you stopped it, start it again with <code>npm start</code>; this page
          reconnects by itself when it can.
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
    <aside className="shell-bar" aria-label="Break notifications">
      <p>
        Movesnack runs in your browser here, without a tray icon. Allow notifications so it can tell you when a break
        is due while this window is behind others.
      </p>
      <div className="shell-bar-actions">
        <button type="button" className="button button-primary" onClick={allow}>
          Allow notifications
        </button>
        <button type="button" className="button button-quiet" onClick={decline}>
          No thanks
        </button>
      </div>
    </aside>
  );
}
