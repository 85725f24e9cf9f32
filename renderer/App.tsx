import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MovesnackApi } from '../shared/ipc-contract';
import { CompanionProvider, useCompanionState } from './data/companion';
import { I18nProvider, useT } from './i18n';
import { Icon, Logo } from './ui/Icon';
import { WarningBanner } from './ui/Notice';
import { useTheme } from './lib/theme';
import { hrefFor, navigate, useHashView } from './router';
import { NAV_ROUTES, routeFor } from './routes';
import { Button } from './ui/Button';
import './app.css';

export function App({ api }: { api: MovesnackApi | null }) {
  if (!api)
    return (
      <I18nProvider language={undefined}>
        <NoEngine />
      </I18nProvider>
    );
  return (
    <CompanionProvider api={api}>
      <Localized>
        <Shell />
      </Localized>
    </CompanionProvider>
  );
}

/** The language layer, following settings.language live (the system's language until the state arrives). */
function Localized({ children }: { children: ReactNode }) {
  const { state } = useCompanionState();
  return <I18nProvider language={state?.settings.language}>{children}</I18nProvider>;
}

function Shell() {
  const { api, state, profile, loadError, reload, dismissedWarnings, dismissWarning } = useCompanionState();
  const { t } = useT();
  const view = useHashView();
  const route = routeFor(view);
  const Screen = route.component;
  const firstRender = useRef(true);
  useTheme(state?.settings.theme);

  // The shell may ask for a view (tray "Settings", a notification click).
  useEffect(() => api.on('navigate', (next) => navigate(next)), [api]);

  // A new user meets the first run once, in the main window; leaving it is always allowed.
  const firstRunChecked = useRef(false);
  useEffect(() => {
    if (!profile || firstRunChecked.current) return;
    firstRunChecked.current = true;
    if (!profile.firstRunDone && route.layout === 'app' && route.view !== 'first-run') navigate('first-run');
  }, [profile, route]);

  // The small windows show only what the engine says while they are open (a note after a
  // routine); the main window shows everything not dismissed.
  const [warningsAtOpen, setWarningsAtOpen] = useState<ReadonlySet<string> | null>(null);
  if (state && warningsAtOpen === null) setWarningsAtOpen(new Set(state.warnings));

  useEffect(() => {
    document.title = route.view === 'dashboard' ? 'Movesnack' : `${t(route.titleKey)} · Movesnack`;
  }, [route, t]);

  // After a route change, move focus to the new page's title (not on first load: the break
  // prompt focuses its main button itself).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    return focusPageTitle();
  }, [route.view]);

  let body;
  if (loadError && !state) {
    body = (
      <div className="center-message" role="alert">
        <h1>{t('app:load.failed')}</h1>
        <p>{loadError}</p>
        <Button type="button" variant="primary" onClick={reload}>
          {t('app:load.retry')}
        </Button>
      </div>
    );
  } else if (!state) {
    body = (
      <div className="center-message" role="status">
        <span className="loader" aria-hidden="true" />
        <p>{t('app:load.gettingReady')}</p>
      </div>
    );
  } else {
    body = <Screen />;
  }

  if (route.layout === 'compact') {
    const fresh = state && warningsAtOpen ? state.warnings.filter((w) => !warningsAtOpen.has(w)) : [];
    return (
      <main className="layout-compact" id="main">
        <div className="compact-stack">
          {fresh.length > 0 && (
            <WarningBanner
              warnings={fresh}
              notices={state?.notices}
              dismissed={dismissedWarnings}
              onDismiss={dismissWarning}
            />
          )}
          {body}
        </div>
      </main>
    );
  }

  return (
    <div className="layout-app">
      <header className="app-header">
        <a className="brand" href={hrefFor('dashboard')} aria-label={t('app:brandLabel')}>
          <Logo />
          <span className="brand-name">{t('common:appName')}</span>
        </a>
        <nav aria-label={t('app:mainNav')}>
          <ul className="nav-list">
            {NAV_ROUTES.map((r) => (
              <li key={r.view}>
                <a
                  className="nav-link"
                  href={hrefFor(r.view)}
                  aria-current={r.view === route.view ? 'page' : undefined}
                >
                  <Icon name={r.nav!.icon} />
                  {t(r.nav!.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {state && (
        <WarningBanner
          warnings={state.warnings}
          notices={state.notices}
          dismissed={dismissedWarnings}
          onDismiss={dismissWarning}
        />
      )}
      <main className="app-main" id="main">
        {body}
      </main>
    </div>
  );
}

/**
 * Moves focus to the new page's title. Some screens load their data first (the guided flows):
 * wait for their title to appear, for a short while.
 */
function focusPageTitle(): () => void {
  const find = () => document.querySelector<HTMLElement>('[data-page-title]');
  const now = find();
  if (now) {
    now.focus();
    return () => {};
  }
  const observer = new MutationObserver(() => {
    const title = find();
    if (title) {
      stop();
      title.focus();
    }
  });
  const timer = setTimeout(() => stop(), 3000);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

function NoEngine() {
  const { t } = useT();
  return (
    <main className="layout-compact" id="main">
      <div className="center-message" role="alert">
        <h1>{t('app:noEngine.title')}</h1>
        <p>{t('app:noEngine.body')}</p>
      </div>
    </main>
  );
}
