/**
 * powerMonitor -> engine actions. Suspend/resume everywhere; lock/unlock from the OS events on
 * macOS and Windows. Linux has no lock events: there the lock is read inside the engine's own
 * idle poll (`checkLock`, called by the idle source, so no timer of its own while the user
 * sits), and main/system's desktop signals report it too (`setLocked`). Only while locked, when
 * the engine does not poll, is the idle state polled here (every idlePollSec) to see the
 * unlock. Each change is sent once.
 */
import { app, powerMonitor } from 'electron';
import type { Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';

export interface PowerDeps {
  getState(): CompanionState;
  dispatch(action: Action): void;
}

export interface PowerWatch {
  /** Call on every state change: (re)arms the Linux unlock poll when it is needed. */
  onState(state: CompanionState): void;
  /** Linux: read the lock from the idle state now (inside the engine's poll). */
  checkLock(): void;
  /** A lock change seen elsewhere (the desktop's D-Bus signals); sent once like the others. */
  setLocked(locked: boolean): void;
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

  /** Polled here only while we wait to report an unlock: the engine does not poll then. */
  function needsPoll(_state: CompanionState): boolean {
    return !suspended && locked;
  }

  function readLock(): void {
    if (!linux || suspended) return;
    const state = deps.getState();
    const threshold = Math.max(1, state.settings.naturalBreakMin * 60);
    const idle = powerMonitor.getSystemIdleState(threshold);
    if (idle === 'locked') lock();
    else if (idle !== 'unknown') unlock();
  }

  function check(): void {
    poll = null;
    readLock();
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
    checkLock() {
      // Called from inside the engine's poll: the actions wait until that poll has finished.
      queueMicrotask(() => {
        readLock();
        arm(deps.getState());
      });
    },
    setLocked(value) {
      if (value) lock();
      else unlock();
      arm(deps.getState());
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
