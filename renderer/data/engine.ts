import { useCallback, useEffect, useRef, useState } from 'react';
import type { MovesnackApi } from '../../shared/ipc-contract';
import type { Profile } from '../../shared/profile';
import type { CompanionState } from '../../shared/state';
import { errorMessage } from './api';

/**
 * The two reads every screen builds on, shared by <CompanionProvider> (the main screens) and
 * the guided flows (first run, setup), so there is one way the renderer learns what the engine
 * holds. Nothing here decides anything: it mirrors the engine's answers.
 */

/** The live state: one read, then every change the engine announces. `attempt` reads again. */
export function useEngineState(api: MovesnackApi, attempt: number) {
  const [state, setState] = useState<CompanionState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const off = api.on('state', (next) => {
      if (alive) setState(next);
    });
    api.getState().then(
      (first) => {
        if (!alive) return;
        setError(null);
        // An event may have arrived while the first read was in flight; keep the newest.
        setState((current) => current ?? first);
      },
      (e: unknown) => {
        if (alive) setError(errorMessage(e));
      },
    );
    return () => {
      alive = false;
      off();
    };
  }, [api, attempt]);
  return { state, setState, error };
}

/**
 * The user's answers, read from the engine (getProfile) — again whenever `key` changes (a new
 * phase, a retry) and when this window comes forward, since another window may have changed
 * them. `setProfile` applies a patch the engine has just accepted, until the next read.
 */
export function useEngineProfile(api: MovesnackApi, key: unknown) {
  const [profile, setProfileState] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const refreshProfile = useCallback(() => {
    const mine = ++seq.current;
    api.getProfile().then(
      (next) => {
        if (mine !== seq.current) return;
        setProfileState(next);
        setError(null);
      },
      (e: unknown) => {
        if (mine === seq.current) setError(errorMessage(e));
      },
    );
  }, [api]);
  useEffect(() => {
    refreshProfile();
  }, [refreshProfile, key]);
  useEffect(() => {
    window.addEventListener('focus', refreshProfile);
    return () => window.removeEventListener('focus', refreshProfile);
  }, [refreshProfile]);
  const setProfile = useCallback((update: (current: Profile) => Profile) => {
    setProfileState((current) => (current ? update(current) : current));
  }, []);
  return { profile, setProfile, refreshProfile, error };
}
