/**
 * The seam for separate services that live beside the engine's pure core (the home program in
 * main/core/program/ is the first). The runner builds each service with a context, sends it
 * the actions under its prefix, adds its export section, hands it import files, and tells it
 * when timers must be re-armed (after a resume or a wall-clock jump) and when the engine stops.
 *
 * A service arms its own timers through `context.clock` (never a timer of its own), keeps its
 * files under `context.dataDir`, asks `context.gateOpen()` before offering guided moves, and
 * calls `context.changed()` after a change so the runner emits a new state.
 */
import type { Profile } from '../../shared/profile';
import type { Reminder } from '../../shared/reminders';
import type { Clock } from './clock-contract';

export interface ServiceContext {
  dataDir: string;
  clock: Clock;
  /** True when the folder is opened read-only (another Movesnack holds it, or the CLI reads it). */
  readOnly: boolean;
  /** The safety gate (DESIGN.md): guided routines and moves only while it is open. */
  gateOpen(): boolean;
  profile(): Profile;
  /** Something the UI shows changed: the runner tells its subscribers. */
  changed(): void;
  /** Hands a calendar reminder (e.g. kind 'program') to the companion's onReminder listeners. */
  remind?(reminder: Reminder): void;
}

export interface EngineService {
  /** Actions whose type starts with this (e.g. 'program/') go to this service, not the core. */
  actionPrefix: string;
  /** Handles one action of its prefix (validates it; throws a clear Error when it is refused). */
  dispatch(action: unknown): unknown;
  /** Its section name in the export file (version 2) and the section, or undefined when empty. */
  exportSection?(): { name: string; value: unknown } | undefined;
  /** Merges its section from an export file; counts the records added. */
  importSection?(file: Record<string, unknown>): { imported: number };
  /** Re-arm its timers from now: called after a resume from sleep and after a wall-clock jump. */
  resync?(): void;
  /** Disarm everything; called by Companion.stop(). */
  stop?(): void;
}

export type ServiceFactory = (context: ServiceContext) => EngineService;

/** The service that takes an action of this type, if any. */
export function serviceFor(services: readonly EngineService[], action: unknown): EngineService | undefined {
  const type = (action as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return undefined;
  return services.find((service) => type.startsWith(service.actionPrefix));
}
