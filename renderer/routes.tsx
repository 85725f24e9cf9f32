import type { ComponentType } from 'react';
import type { View } from '../shared/ipc-contract';
import { BreakFlow } from './views/BreakPrompt';
import { Dashboard } from './views/Dashboard';
import { SettingsView } from './views/SettingsView';

export interface RouteDef {
  view: View;
  /** The window title: "Movesnack · <title>". */
  title: string;
  /**
   * "app": header with navigation, for the main window.
   * "compact": no chrome, for small windows (the break prompt, the routine).
   */
  layout: 'app' | 'compact';
  component: ComponentType;
  /** Present when the view has a tab in the header; lower order comes first. */
  nav?: { label: string; order: number; icon: 'today' | 'settings' | 'walk' | 'check' };
}

const RoutineRoute = () => <BreakFlow homeLink />;

/**
 * Every screen of the renderer. To add one (issues 4–6), write its view and add an entry here:
 * the header navigation, the window title, the shell's `navigate` event and the hash router all
 * read this table.
 *
 *   routine     the timed player (issue 4) replaces RoutineSession inside BreakFlow
 *   first-run   welcome, safety questions, profile (issue 5); App may send new users there
 *   setup       workstation wizard (issue 5)
 *   progress    weekly summary and charts (issue 6), with a nav tab
 *   checkin     the short check-in form (issue 6)
 */
export const ROUTES: Partial<Record<View, RouteDef>> = {
  dashboard: {
    view: 'dashboard',
    title: 'Today',
    layout: 'app',
    component: Dashboard,
    nav: { label: 'Today', order: 10, icon: 'today' },
  },
  prompt: { view: 'prompt', title: 'Time to move', layout: 'compact', component: BreakFlow },
  routine: { view: 'routine', title: 'Your minute', layout: 'compact', component: RoutineRoute },
  settings: {
    view: 'settings',
    title: 'Settings',
    layout: 'app',
    component: SettingsView,
    nav: { label: 'Settings', order: 90, icon: 'settings' },
  },
};

export const NAV_ROUTES: RouteDef[] = Object.values(ROUTES)
  .filter((r): r is RouteDef & { nav: NonNullable<RouteDef['nav']> } => !!r?.nav)
  .sort((a, b) => a.nav.order - b.nav.order);

/** Unknown or not-yet-built views fall back to the dashboard. */
export function routeFor(view: View | null): RouteDef {
  return (view && ROUTES[view]) || ROUTES.dashboard!;
}
