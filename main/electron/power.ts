/**
 * powerMonitor -> engine actions. Suspend/resume everywhere; lock/unlock from the OS events on
 * macOS and Windows. Linux has no lock events, so there the idle state 'locked' is polled on
 * the engine's own cadence (settings.idlePollSec), only while the engine is watching the desk
 * (or waiting for an unlock); each change is sent once. No 1 Hz loop.
 */
import { app, powerMonitor } from 'electron';
import type { Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';

export interface PowerDeps {
  getState(): CompanionState;
  dispatch(action: Action): void;
}

export interface PowerWatch {
  /** Call on every state change: (re)arms the Linux lock poll when it is needed. */
  onState(state: CompanionState): void;
  dispose(): void;
}

export function watchPower(deps: PowerDeps): PowerWatch {
  let locked = false;
  let suspended = false;
  let poll: NodeJS.Timeout | null = null;

  const lock = () => {
    if (locked) return;
    locked = true;
    deps.dispatch({ type: 'system/lock' });
  };
  const unlock = () => {
    if (!locked) return;
    locked = false;
    deps.dispatch({ type: 'system/unlock' });
  };
  const onSuspend = () => {
    suspended = true;
    stopPoll();
    deps.dispatch({ type: 'system/suspend' });
  };
  const onResume = () => {
    suspended = false;
    deps.dispatch({ type: 'system/resume' });
    arm(deps.getState());
  };
  const onShutdown = (...args: unknown[]) => {
    // Linux/macOS: delay the shutdown so the engine can flush its store (the typings omit
    // the event argument; the docs describe preventDefault on it).
    const event = args[0] as { preventDefault?: () => void } | undefined;
    event?.preventDefault?.();
    app.quit();
  };

  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('unlock-screen', unlock);
  powerMonitor.on('shutdown', onShutdown);

  const linux = process.platform === 'linux';

  function stopPoll(): void {
    if (poll) clearTimeout(poll);
    poll = null;
  }

  /** Watching matters while the engine tracks the desk, or while we wait to report an unlock. */
  function needsPoll(state: CompanionState): boolean {
    if (suspended) return false;
    if (locked) return true;
    return state.phase === 'sitting' || state.phase === 'due' || state.phase === 'away' || state.phase === 'routine';
  }

  function check(): void {
    poll = null;
    const state = deps.getState();
    const threshold = Math.max(1, state.settings.naturalBreakMin * 60);
    const idle = powerMonitor.getSystemIdleState(threshold);
    if (idle === 'locked') lock();
    else if (idle !== 'unknown') unlock();
    arm(deps.getState());
  }

  function arm(state: CompanionState): void {
    if (!linux || poll || !needsPoll(state)) return;
    poll = setTimeout(check, state.settings.idlePollSec * 1000);
  }

  return {
    onState(state) {
      if (!needsPoll(state)) stopPoll();
      else arm(state);
    },
    dispose() {
      stopPoll();
      powerMonitor.off('suspend', onSuspend);
      powerMonitor.off('resume', onResume);
      powerMonitor.off('lock-screen', lock);
      powerMonitor.off('unlock-screen', unlock);
      powerMonitor.off('shutdown', onShutdown);
    },
  };
}
