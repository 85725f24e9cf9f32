/**
 * How the runner carries out what the pure core asks (engine/effects.ts): appends, timers,
 * calendar jobs, reminders, notices, saved settings and adaptations, and the runtime file. Also the
 * runner's listener lists and the runtime saver (the heartbeat while sitting).
 */
import type { Reminder } from '../../shared/reminders';
import { MINUTE_MS } from '../../shared/time-rules';
import type { Effect } from './engine/effects';
import type { CoreData } from './engine/model';
import { runtimeOf } from './engine/view';
import type { Stores } from './stores';
import type { EngineTimers } from './runner-timers';
import type { CalendarJobs } from './calendar-jobs';
import type { EngineService } from './services';
import type { EngineNotice } from '../../shared/engine-messages';
import type { ClockWatch } from './clock';

/** While sitting, the current stretch is saved this often so a crash loses little. */
export const HEARTBEAT_MS = 5 * MINUTE_MS;

/** Listeners of one kind; a failing listener never stops the others or the engine. */
export class Listeners<T> {
  private readonly fns = new Set<(value: T) => void>();

  add(fn: (value: T) => void, what: string): () => void {
    if (typeof fn !== 'function') throw new Error(`${what} needs a function`);
    this.fns.add(fn);
    return () => this.fns.delete(fn);
  }

  tell(value: T): void {
    for (const fn of [...this.fns]) {
      try {
        fn(value);
      } catch {
        // A failing listener must not break the engine or the other listeners.
      }
    }
  }
}

/** Writes runtime.json when what a restart needs has changed, and as a heartbeat while sitting. */
export class RuntimeSaver {
  private last = '';
  private lastAt = 0;

  constructor(private readonly st: Stores) {}

  /** The file is gone (the data folder was removed): the next save writes it whatever it holds. */
  forget(): void {
    this.last = '';
  }

  heartbeatDue(s: CoreData, now: number): boolean {
    return Boolean(s.stretch) && now - this.lastAt >= HEARTBEAT_MS;
  }

  /** `force`: write even when unchanged; `heartbeat`: the poll's periodic save, which skips the folder fsync when only savedAt moved. */
  save(s: CoreData, now: number, force = false, heartbeat = false): void {
    const runtime = runtimeOf(s, now);
    const { savedAt: _savedAt, ...content } = runtime;
    const key = JSON.stringify(content);
    if (!force && key === this.last) return;
    if (this.st.runtime.save(runtime, heartbeat && key === this.last)) {
      this.last = key;
      this.lastAt = now;
    }
  }
}

/** What carrying out an effect may touch. */
export interface EffectHost {
  readonly st: Stores;
  readonly timers: EngineTimers;
  readonly jobs: CalendarJobs;
  readonly services: readonly EngineService[];
  /** Add a notice to the state's list. */
  warn(notice: EngineNotice): void;
  readonly watch: ClockWatch;
  readonly reminders: Listeners<Reminder>;
  /** Whether start() has run (timers are armed only then). */
  started(): boolean;
  /** Settings were replaced: the state fingerprint must notice. */
  settingsChanged(): void;
  /** runtime.json now, whatever it held. */
  saveRuntime(): void;
}

export function carryOutEffect(effect: Effect, host: EffectHost): void {
  switch (effect.kind) {
    case 'append':
      return host.st.history.append(effect.collection, effect.record as never);
    case 'arm':
      return host.timers.arm(host.started(), effect.eventInMs, effect.poll);
    case 'schedule-calendar':
      host.jobs.scheduleAll(host.started());
      for (const service of host.services) service.resync?.();
      return;
    case 'schedule-reminder':
      return host.jobs.scheduleReminder(effect.reminder);
    case 'fire-reminder':
      return host.reminders.tell({ kind: effect.reminder, at: new Date(effect.at).toISOString() });
    case 'save-settings':
      host.st.settings.settings = effect.settings;
      host.settingsChanged();
      return void host.st.settings.persist();
    case 'save-profile':
      host.st.settings.profile = effect.profile;
      host.settingsChanged(); // the profile is in the state event too
      return void host.st.settings.persist();
    case 'save-adaptations':
      host.st.adaptations.value = effect.adaptations;
      host.settingsChanged(); // the step swaps and the smart-interval offer are read with the state
      return void host.st.adaptations.save();
    case 'notice':
      return host.warn(effect.notice);
    case 'save-runtime':
      return host.saveRuntime();
    case 'rebase-clock':
      return host.watch.rebase();
  }
}
