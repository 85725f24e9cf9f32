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
  /** The window title's key in the app namespace ("<title> · Movesnack"): t(titleKey). */
  titleKey: string;
  /**
   * "app": header with navigation, for the main window.
   * "compact": no chrome, for small windows (the break prompt, the routine).
   */
  layout: 'app' | 'compact';
  component: ComponentType;
  /** Present when the view has a tab in the header; lower order comes first. */
  nav?: { labelKey: string; order: number; icon: 'today' | 'settings' | 'walk' | 'check' | 'chart' | 'monitor' };
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
    titleKey: 'app:routes.dashboard.title',
    layout: 'app',
    component: Dashboard,
    nav: { labelKey: 'app:routes.dashboard.nav', order: 10, icon: 'today' },
  },
  prompt: { view: 'prompt', titleKey: 'app:routes.prompt.title', layout: 'compact', component: BreakFlow },
  routine: { view: 'routine', titleKey: 'app:routes.routine.title', layout: 'compact', component: RoutineRoute },
  program: {
    view: 'program',
    titleKey: 'app:routes.program.title',
    layout: 'app',
    component: ProgramPage,
    nav: { labelKey: 'app:routes.program.nav', order: 15, icon: 'walk' },
  },
  progress: {
    view: 'progress',
    titleKey: 'app:routes.progress.title',
    layout: 'app',
    component: ProgressScreen,
    nav: { labelKey: 'app:routes.progress.nav', order: 20, icon: 'chart' },
  },
  checkin: { view: 'checkin', titleKey: 'app:routes.checkin.title', layout: 'app', component: CheckinForm },
  setup: {
    view: 'setup',
    titleKey: 'app:routes.setup.title',
    layout: 'app',
    component: SetupRoute,
    nav: { labelKey: 'app:routes.setup.nav', order: 30, icon: 'monitor' },
  },
  'first-run': { view: 'first-run', titleKey: 'app:routes.first-run.title', layout: 'app', component: FirstRunRoute },
  settings: {
    view: 'settings',
    titleKey: 'app:routes.settings.title',
    layout: 'app',
    component: SettingsView,
    nav: { labelKey: 'app:routes.settings.nav', order: 90, icon: 'settings' },
  },
};

export const NAV_ROUTES: RouteDef[] = Object.values(ROUTES)
  .filter((r): r is RouteDef & { nav: NonNullable<RouteDef['nav']> } => !!r?.nav)
  .sort((a, b) => a.nav.order - b.nav.order);

/** Unknown views fall back to the dashboard. */
export function routeFor(view: View | null): RouteDef {
  return (view && ROUTES[view]) || ROUTES.dashboard!;
}
