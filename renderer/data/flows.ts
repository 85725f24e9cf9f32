import { useCallback, useEffect, useRef, useState } from 'react';
import type { Action } from '../../shared/actions';
import type { MovesnackApi } from '../../shared/ipc-contract';
import type { Profile, RedFlagScreen } from '../../shared/profile';
import { REASK_WORSE_WINDOW_DAYS, reaskReason, type ReaskReason } from '../../shared/red-flags';
import type { BreakRecord } from '../../shared/history';
import type { Settings } from '../../shared/settings';
import type { CompanionState } from '../../shared/state';
import { useT } from '../i18n';
import { errorMessage } from './api';
import { useEngineProfile, useEngineState } from './engine';

/** What every flow component takes: the engine's API, and optionally the app's own dispatch. */
export interface EngineProps {
  api: MovesnackApi;
  /**
   * The app's dispatch (CompanionContext), so the rest of the window sees the new state at once.
   * Defaults to `api.dispatch`.
   */
  dispatch?: (action: Action) => Promise<CompanionState>;
}

export interface EngineSnapshot {
  profile: Profile | null;
  settings: Settings | null;
  error: string | null;
  reload(): void;
  /** Updates the local copy after a successful save (the engine holds the truth). */
  setProfile(update: (current: Profile) => Profile): void;
  setSettings(update: (current: Settings) => Settings): void;
}

/**
 * The profile and the settings for a guided flow, through the same hooks as <CompanionProvider>
 * (data/engine.ts): the settings follow the engine's state events, the profile is read from the
 * engine. `reload` reads both again after a failure.
 */
export function useEngineSnapshot(api: MovesnackApi): EngineSnapshot {
  const [attempt, setAttempt] = useState(0);
  const { state, setState, error: stateError } = useEngineState(api, attempt);
  const { profile, setProfile, error: profileError } = useEngineProfile(api, attempt, state?.profile);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setSettings = useCallback(
    (update: (current: Settings) => Settings) => {
      setState((current) => (current ? { ...current, settings: update(current.settings) } : current));
    },
    [setState],
  );
  return {
    profile,
    settings: state?.settings ?? null,
    error: stateError ?? profileError,
    reload,
    setProfile,
    setSettings,
  };
}

/** Sends actions one at a time; remembers the last refusal to show next to the buttons. */
export function useSender({ api, dispatch }: EngineProps) {
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = useCallback(
    async (...actions: Action[]): Promise<boolean> => {
      setPending(true);
      setError(null);
      try {
        for (const action of actions) await (dispatch ?? api.dispatch)(action);
        return true;
      } catch (e) {
        setError(errorMessage(e, t));
        return false;
      } finally {
        setPending(false);
      }
    },
    [api, dispatch, t],
  );
  const clearError = useCallback(() => setError(null), []);
  return { send, pending, error, clearError };
}

/**
 * Moves keyboard and screen-reader focus to the element (a step's heading) whenever `key`
 * changes, but not on the first render (the app shell focuses the page title then).
 */
export function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** The breaks of the last `days` days (today included), oldest first; [] until they arrive or on failure. */
export function useRecentBreaks(api: MovesnackApi, days: number, key: unknown = null): BreakRecord[] {
  const [breaks, setBreaks] = useState<BreakRecord[]>([]);
  useEffect(() => {
    let alive = true;
    const now = Date.now();
    const dates = Array.from({ length: days }, (_, i) => new Date(now - (days - 1 - i) * 86_400_000).toISOString());
    Promise.all(dates.map((d) => api.getDay(d))).then(
      (views) => {
        if (alive) setBreaks(views.flatMap((v) => v.breaks));
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api, days, key]);
  return breaks;
}

/**
 * Whether to ask the safety questions again (shared/red-flags.ts `reaskReason`): new questions
 * or six weeks since the answer (from `screen`, the answer on this screen), or "worse" answers
 * piling up this week. The engine counts those (`getSafetyReask`): break answers and home
 * program setbacks together. An engine that cannot say falls back to the break answers here.
 */
export function useReaskReason(api: MovesnackApi, screen: RedFlagScreen | null): ReaskReason | null {
  const [now] = useState(() => Date.now());
  const key = screen?.answeredAt ?? null;
  // undefined: not heard yet; 'failed': the engine could not say.
  const [engine, setEngine] = useState<{ key: string | null; reason: ReaskReason | null } | 'failed' | undefined>();
  useEffect(() => {
    let alive = true;
    api.getSafetyReask().then(
      (view) => {
        if (alive) setEngine({ key, reason: view.reason });
      },
      () => {
        if (alive) setEngine('failed');
      },
    );
    return () => {
      alive = false;
    };
  }, [api, key]);
  const breaks = useRecentBreaks(api, engine === 'failed' ? REASK_WORSE_WINDOW_DAYS : 0, key);
  const fromScreen = reaskReason(screen, [], now);
  if (fromScreen) return fromScreen;
  if (engine === 'failed') return reaskReason(screen, breaks, now);
  // Only the engine's "worse" counts here, and only for the answer it was asked about.
  return engine?.key === key && engine.reason === 'worse' ? 'worse' : null;
}
