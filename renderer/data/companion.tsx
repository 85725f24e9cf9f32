import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Action } from '../../shared/actions';
import type { DayView, MovesnackApi } from '../../shared/ipc-contract';
import type { Profile } from '../../shared/profile';
import type { CompanionState } from '../../shared/state';
import { errorMessage } from './api';

/**
 * The renderer's one view of the engine. It only mirrors what the engine says (state events,
 * day data) and forwards actions; it never decides anything about timing.
 */
export interface CompanionContextValue {
  api: MovesnackApi;
  state: CompanionState | null;
  day: DayView | null;
  /**
   * The user's answers (first run, safety check). Not part of the engine's state events: read
   * once, then kept in step with every profile/save sent through `dispatch`.
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
  const [state, setState] = useState<CompanionState | null>(null);
  const [day, setDay] = useState<DayView | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dismissedWarnings, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [attempt, setAttempt] = useState(0);
  const daySeq = useRef(0);
  const profileSeq = useRef(0);

  // The live state: one read, then every change the engine announces.
  useEffect(() => {
    let alive = true;
    const off = api.on('state', (next) => {
      if (alive) setState(next);
    });
    api.getState().then(
      (first) => {
        if (!alive) return;
        setLoadError(null);
        // An event may have arrived while the first read was in flight; keep the newest.
        setState((current) => current ?? first);
      },
      (error: unknown) => {
        if (alive) setLoadError(errorMessage(error));
      },
    );
    return () => {
      alive = false;
      off();
    };
  }, [api, attempt]);

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

  const refreshProfile = useCallback(() => {
    const seq = ++profileSeq.current;
    api.getProfile().then(
      (next) => {
        if (seq === profileSeq.current) setProfile(next);
      },
      () => {
        // Without the profile the screens behave as for a returning user; the engine still
        // refuses what the answers forbid (a routine while red flags are unresolved).
      },
    );
  }, [api]);

  // Another window may have changed the answers (cleared in Settings while the prompt waits):
  // read them again when a new phase begins and when this window comes forward.
  const phase = state?.phase;
  useEffect(() => {
    refreshProfile();
  }, [refreshProfile, attempt, phase]);
  useEffect(() => {
    window.addEventListener('focus', refreshProfile);
    return () => window.removeEventListener('focus', refreshProfile);
  }, [refreshProfile]);

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
        setProfile((current) => (current ? { ...current, ...patch } : current));
        refreshProfile();
      }
      return next;
    },
    [api, refreshProfile],
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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: Action) => {
      setPending(true);
      setError(null);
      try {
        return await dispatch(action);
      } catch (e) {
        setError(errorMessage(e));
        return null;
      } finally {
        setPending(false);
      }
    },
    [dispatch],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
