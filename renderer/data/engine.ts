import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
 * The user's answers. The engine carries them in every state event (`state.profile`), so when
 * the state has them they are simply mirrored. Without them (an older engine, a test fake) they
 * are read with getProfile — again whenever `key` changes and when this window comes forward.
 * `setProfile` applies a patch the engine has just accepted, until the next state event.
 */
export function useEngineProfile(api: MovesnackApi, key: unknown, fromState?: Profile) {
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
  // Every state event is a new object; compare by content so screens re-render only on a change.
  const carriedJson = fromState === undefined ? undefined : JSON.stringify(fromState);
  const carried = carriedJson !== undefined;
  const carriedProfile = useMemo(() => (carriedJson === undefined ? null : (JSON.parse(carriedJson) as Profile)), [carriedJson]);
  // A patch the engine accepted, shown until the next event with different answers.
  const [patched, setPatched] = useState<{ base: string; profile: Profile } | null>(null);
  useEffect(() => {
    if (!carried) refreshProfile();
  }, [refreshProfile, key, carried]);
  useEffect(() => {
    if (carried) return;
    window.addEventListener('focus', refreshProfile);
    return () => window.removeEventListener('focus', refreshProfile);
  }, [refreshProfile, carried]);
  const setProfile = useCallback(
    (update: (current: Profile) => Profile) => {
      if (carriedJson !== undefined && carriedProfile) {
        setPatched((current) => ({
          base: carriedJson,
          profile: update(current?.base === carriedJson ? current.profile : carriedProfile),
        }));
        return;
      }
      setProfileState((current) => (current ? update(current) : current));
    },
    [carriedJson, carriedProfile],
  );
  if (carried) {
    const shown = patched?.base === carriedJson ? patched.profile : carriedProfile;
    return { profile: shown, setProfile, refreshProfile, error: null };
  }
  return { profile, setProfile, refreshProfile, error };
}
