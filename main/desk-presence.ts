/**
 * What both shells do with main/system beside the engine (Electron-free, tested in Node):
 * which busy reasons to probe, and a fresh look when a break comes due, so a call that started
 * since the last idle poll still holds the break.
 */
import type { Companion } from './core/types';
import type { BusyReason, Settings } from '../shared/settings';
import { BUSY_REASONS } from '../shared/settings';
import type { CompanionState } from '../shared/state';

/**
 * A call or a fullscreen window always counts as sitting (DESIGN.md "Presence"), whatever
 * deferFor says, so those two are always looked at; Do Not Disturb and listed apps only when
 * they may hold a break.
 */
export function reasonsToProbe(settings: Pick<Settings, 'deferFor' | 'deferApps'>): BusyReason[] {
  return BUSY_REASONS.filter(
    (reason) =>
      reason === 'meeting' ||
      reason === 'fullscreen' ||
      (settings.deferFor[reason] && (reason !== 'app' || settings.deferApps.length > 0)),
  );
}

/** Refreshes presence the moment a break comes due; the engine then holds it if needed. */
export function refreshWhenDue(companion: Pick<Companion, 'subscribe'>, refresh: () => Promise<unknown>): () => void {
  let previous: CompanionState['phase'] | null = null;
  return companion.subscribe((state) => {
    if (state.phase === 'due' && previous !== 'due') void refresh().catch(() => undefined);
    previous = state.phase;
  });
}
