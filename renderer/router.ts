import { useSyncExternalStore } from 'react';
import { VIEWS, type View } from '../shared/ipc-contract';

/**
 * Hash routes: `#/` is the dashboard, `#/prompt`, `#/settings`, … one per `View` in
 * shared/ipc-contract.ts. Hash routing works the same over file:// (Electron) and http (tests).
 */
export function parseHash(hash: string): View | null {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  if (path === '') return 'dashboard';
  return (VIEWS as readonly string[]).includes(path) ? (path as View) : null;
}

export function hrefFor(view: View): string {
  return view === 'dashboard' ? '#/' : `#/${view}`;
}

export function navigate(view: View): void {
  const href = hrefFor(view);
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The view named by the address bar; null when the hash names nothing we know. */
export function useHashView(): View | null {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseHash(hash);
}
