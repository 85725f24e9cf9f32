import type { ComponentType } from 'react';
import type { View } from '../shared/ipc-contract';
import { CheckinForm } from './pages/checkin';
import { useCompanionState } from './data/companion';
import { FirstRun } from './pages/first-run';
import { ProgressScreen } from './pages/progress';
import { navigate } from './router';
import { SetupWizard } from './pages/setup';
import { BreakFlow } from './pages/prompt';
import { Dashboard } from './pages/dashboard';
import { SettingsView } from './pages/settings';
import { ProgramPage } from './pages/program';

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
  nav?: { label: string; order: number; icon: 'today' | 'settings' | 'walk' | 'check' | 'chart' | 'monitor' };
}

const RoutineRoute = () => <BreakFlow homeLink />;

/** The flows take the engine as props (they are also used outside the app shell, in tests). */
function FirstRunRoute() {
  const { api, dispatch } = useCompanionState();
  return (
    <FirstRun
      api={api}
      dispatch={dispatch}
      onFinish={() => navigate('dashboard')}
      onOpenSetup={() => navigate('setup')}
    />
  );
}

function SetupRoute() {
  const { api, dispatch } = useCompanionState();
  return (
    <SetupWizard
      api={api}
      dispatch={dispatch}
      onOpenBreakSettings={() => navigate('settings')}
      onClose={() => navigate('dashboard')}
    />
  );
}

/**
 * Every screen of the renderer. To add one, write its view and add an entry here: the header
 * navigation, the window title, the shell's `navigate` event and the hash router all read this
 * table.
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
  program: {
    view: 'program',
    title: 'Home program',
    layout: 'app',
    component: ProgramPage,
    nav: { label: 'Program', order: 15, icon: 'walk' },
  },
  progress: {
    view: 'progress',
    title: 'Progress',
    layout: 'app',
    component: ProgressScreen,
    nav: { label: 'Progress', order: 20, icon: 'chart' },
  },
  checkin: { view: 'checkin', title: 'Check-in', layout: 'app', component: CheckinForm },
  setup: {
    view: 'setup',
    title: 'Workstation check',
    layout: 'app',
    component: SetupRoute,
    nav: { label: 'Workstation', order: 30, icon: 'monitor' },
  },
  'first-run': { view: 'first-run', title: 'Welcome', layout: 'app', component: FirstRunRoute },
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

/** Unknown views fall back to the dashboard. */
export function routeFor(view: View | null): RouteDef {
  return (view && ROUTES[view]) || ROUTES.dashboard!;
}
