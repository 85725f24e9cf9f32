import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Action } from '../../shared/actions';
import type { DayView, MovesnackApi } from '../../shared/ipc-contract';
import type { Profile } from '../../shared/profile';
import type { CompanionState } from '../../shared/state';
import { useT } from '../i18n';
import { errorMessage } from './api';
import { useEngineProfile, useEngineState } from './engine';

/**
 * The renderer's one view of the engine. It only mirrors what the engine says (state events,
 * day data) and forwards actions; it never decides anything about timing.
 */
export interface CompanionContextValue {
  api: MovesnackApi;
  state: CompanionState | null;
  day: DayView | null;
  /**
   * The user's answers (first run, safety check), read from the engine (data/engine.ts): again on
   * each new phase, when the window comes forward and after every profile/save sent through `dispatch`.
   */
  profile: Profile | null;
  /** Set when the first state could not be read. */
  loadError: string | null;
  /** Sends an action. Resolves with the new state; rejects with the engine's message. */
  dispatch(action: Action): Promise<CompanionState>;
  reload(): void;
  refreshDay(): void;
  refreshProfile(): void;
  dismissedWarnings: ReadonlySet<string>;
  dismissWarning(warning: string): void;
}

const CompanionContext = createContext<CompanionContextValue | null>(null);

export function CompanionProvider({ api, children }: { api: MovesnackApi; children: ReactNode }) {
  const [day, setDay] = useState<DayView | null>(null);
  const [dismissedWarnings, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [attempt, setAttempt] = useState(0);
  const daySeq = useRef(0);

  const { state, setState, error: loadError } = useEngineState(api, attempt);

  const refreshDay = useCallback(() => {
    const seq = ++daySeq.current;
    api.getDay().then(
      (view) => {
        if (seq === daySeq.current) setDay(view);
      },
      () => {
        // The day view is a nicety; the dashboard says "nothing yet" rather than failing.
      },
    );
  }, [api]);

  // The answers come with every state event, so a change made in another window (cleared in
  // Settings while the prompt waits) shows at once. Without the profile the screens behave as
  // for a returning user; the engine still refuses what the answers forbid.
  const phase = state?.phase;
  const { profile, setProfile, refreshProfile } = useEngineProfile(api, `${attempt}:${phase ?? ''}`, state?.profile);

  // Day data follows the state: every change may have opened, closed or marked a stretch.
  useEffect(() => {
    if (state) refreshDay();
  }, [state, refreshDay]);

  const dispatch = useCallback(
    async (action: Action) => {
      const next = await api.dispatch(action);
      setState(next);
      if (action.type === 'profile/save') {
        const patch = action.profile;
        setProfile((current) => ({ ...current, ...patch }));
        refreshProfile();
      }
      return next;
    },
    [api, refreshProfile, setProfile, setState],
  );

  const dismissWarning = useCallback((warning: string) => {
    setDismissed((current) => new Set(current).add(warning));
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<CompanionContextValue>(
    () => ({
      api,
      state,
      day,
      profile,
      loadError,
      dispatch,
      reload,
      refreshDay,
      refreshProfile,
      dismissedWarnings,
      dismissWarning,
    }),
    [
      api,
      state,
      day,
      profile,
      loadError,
      dispatch,
      reload,
      refreshDay,
      refreshProfile,
      dismissedWarnings,
      dismissWarning,
    ],
  );
  return <CompanionContext.Provider value={value}>{children}</CompanionContext.Provider>;
}

export function useCompanionState(): CompanionContextValue {
  const value = useContext(CompanionContext);
  if (!value) throw new Error('useCompanionState must be used inside <CompanionProvider>');
  return value;
}

export interface ActionRunner {
  /** Sends the action; resolves with the new state, or null after showing the error. */
  run(action: Action): Promise<CompanionState | null>;
  pending: boolean;
  error: string | null;
  clearError(): void;
}

/** One group of buttons: their pending flag and the engine's refusal, shown next to them. */
export function useAction(): ActionRunner {
  const { dispatch } = useCompanionState();
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: Action) => {
      setPending(true);
      setError(null);
      try {
        return await dispatch(action);
      } catch (e) {
        setError(errorMessage(e, t));
        return null;
      } finally {
        setPending(false);
      }
    },
    [dispatch, t],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
