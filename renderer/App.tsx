import { useEffect, useRef } from 'react';
import type { MovesnackApi } from '../shared/ipc-contract';
import { CompanionProvider, useCompanionState } from './companion';
import { Icon, Logo } from './components/Icon';
import { WarningBanner } from './components/Notice';
import { useTheme } from './lib/theme';
import { hrefFor, navigate, useHashView } from './router';
import { NAV_ROUTES, routeFor } from './routes';

export function App({ api }: { api: MovesnackApi | null }) {
  if (!api) return <NoEngine />;
  return (
    <CompanionProvider api={api}>
      <Shell />
    </CompanionProvider>
  );
}

function Shell() {
  const { api, state, loadError, reload, dismissedWarnings, dismissWarning } = useCompanionState();
  const view = useHashView();
  const route = routeFor(view);
  const Screen = route.component;
  const firstRender = useRef(true);
  useTheme(state?.settings.theme);

  // The shell may ask for a view (tray "Settings", a notification click).
  useEffect(() => api.on('navigate', (next) => navigate(next)), [api]);

  useEffect(() => {
    document.title = route.view === 'dashboard' ? 'Movesnack' : `${route.title} · Movesnack`;
  }, [route]);

  // After a route change, move focus to the new page's title (not on first load: the break
  // prompt focuses its main button itself).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('[data-page-title]')?.focus();
  }, [route.view]);

  let body;
  if (loadError && !state) {
    body = (
      <div className="center-message" role="alert">
        <h1>Movesnack could not load</h1>
        <p>{loadError}</p>
        <button type="button" className="button button-primary" onClick={reload}>
          Try again
        </button>
      </div>
    );
  } else if (!state) {
    body = (
      <div className="center-message" role="status">
        <span className="loader" aria-hidden="true" />
        <p>Getting ready…</p>
      </div>
    );
  } else {
    body = <Screen />;
  }

  if (route.layout === 'compact') {
    return (
      <main className="layout-compact" id="main">
        {body}
      </main>
    );
  }

  return (
    <div className="layout-app">
      <header className="app-header">
        <a className="brand" href={hrefFor('dashboard')} aria-label="Movesnack, today">
          <Logo />
          <span className="brand-name">Movesnack</span>
        </a>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV_ROUTES.map((r) => (
              <li key={r.view}>
                <a
                  className="nav-link"
                  href={hrefFor(r.view)}
                  aria-current={r.view === route.view ? 'page' : undefined}
                >
                  <Icon name={r.nav!.icon} />
                  {r.nav!.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {state && <WarningBanner warnings={state.warnings} dismissed={dismissedWarnings} onDismiss={dismissWarning} />}
      <main className="app-main" id="main">
        {body}
      </main>
    </div>
  );
}

function NoEngine() {
  return (
    <main className="layout-compact" id="main">
      <div className="center-message" role="alert">
        <h1>Movesnack can't reach its timer</h1>
        <p>This window opened without the rest of the app. Close it and open Movesnack again from the tray.</p>
      </div>
    </main>
  );
}
