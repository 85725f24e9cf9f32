/**
 * The runner: owns the stores and the injected Clock, turns calls, timers and calendar jobs
 * into events for the pure core (engine/reducer.ts), and carries out the effects it returns.
 * It decides nothing about breaks itself. `createCompanion` is the engine contract of DESIGN.md.
 */
import { parseAction, type Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';
import { safetyGateOpen } from '../../shared/profile';
import type { Reminder, ReminderKind } from '../../shared/reminders';
import { DIRECTION_WINDOW } from '../../shared/direction-finding';
import { notice, type EngineNotice } from '../../shared/engine-messages';
import type { Companion, CompanionOptions, SmartIntervalView } from './types';
import { ClockWatch, systemClock } from './clock';
import type { Runtime } from './store-runtime';
import { backupIfDue, flushForQuit, openStores } from './stores';
import { EngineTimers } from './runner-timers';
import { WarningList } from './warnings';
import { EngineReads } from './runner-reads';
import { serviceFor, type ServiceContext } from './services';
import { DEFAULT_SERVICES } from './default-services';
import { HistoryViews } from './history-views';
import { CalendarJobs } from './calendar-jobs';
import { importInto } from './transfer-sections';
import type { ImportResult } from './data-transfer';
import { reduce, type EngineEvent } from './engine/reducer';
import { refuseUnlessFits } from './engine/refusals';
import { runtimeOf, stateKey, stateView } from './engine/view';
import { carryOutEffect, Listeners, RuntimeSaver, type EffectHost } from './runner-effects';

type EventBody = EngineEvent extends infer E ? (E extends EngineEvent ? Omit<E, 'now' | 'mono'> : never) : never;

class Engine extends EngineReads implements Companion {
  private readonly idleSource: () => number;
  private readonly watch: ClockWatch;
  private readonly jobs: CalendarJobs;
  private readonly listeners = new Listeners<CompanionState>();
  private readonly reminderListeners = new Listeners<Reminder>();
  private readonly warnings = new WarningList();
  private savedRuntime: Runtime | null;
  private lastBackupAt: number | null = null;
  private started = false;
  private readonly timers: EngineTimers;
  private lastEmitted = '';
  /** Bumped on every settings change, so the state fingerprint notices it. */
  private settingsVersion = 0;
  private readonly runtime: RuntimeSaver;
  private readonly host: EffectHost;

  constructor(options: CompanionOptions) {
    super();
    if (!options || typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
      throw new Error('createCompanion needs a dataDir: the folder where Movesnack keeps its files');
    }
    this.idleSource = options.idleSeconds ?? (() => 0);
    this.clock = options.clock ?? systemClock;
    this.watch = new ClockWatch(this.clock);
    this.timers = new EngineTimers(this.clock, () => this.onEventTimer(), () => this.onPoll());
    const warn = (text: string, coded?: EngineNotice) => this.warnings.add(coded ?? text);
    this.st = openStores(options.dataDir, {
      readOnly: options.readOnly === true,
      warn,
      afterFolderLoss: () => this.runtime.forget(),
      nowIso: new Date(this.clock.now()).toISOString(),
    });
    this.savedRuntime = this.st.runtime.load();
    this.views = new HistoryViews(this.st.history);
    this.jobs = new CalendarJobs(this.clock, {
      settings: () => this.settings,
      profile: () => this.profile,
      lastChecklistAt: () => this.st.history.all.checklists.at(-1)?.at ?? null,
      lastBackupAt: () => this.lastBackupAt,
      backupIfDue: () => this.backupIfDue(),
      onWorkingHoursEdge: () => {
        this.wake();
        this.feed({ type: 'working-hours-edge' });
        this.jobs.scheduleWorkingHoursEdge();
        this.commit();
      },
      onReminder: (kind: ReminderKind) => {
        this.wake();
        this.feed({ type: 'reminder', reminder: kind });
      },
    });
    const context: ServiceContext = {
      dataDir: options.dataDir,
      clock: this.clock,
      readOnly: this.st.readOnly,
      gateOpen: () => safetyGateOpen(this.profile),
      profile: () => structuredClone(this.profile),
      changed: () => this.commit(true),
      remind: (reminder) => this.reminderListeners.tell(reminder),
    };
    this.services = (options.services ?? DEFAULT_SERVICES).map((make) => make(context));
    this.runtime = new RuntimeSaver(this.st);
    this.host = {
      st: this.st,
      timers: this.timers,
      jobs: this.jobs,
      services: this.services,
      warn: (coded) => this.warnings.add(coded),
      watch: this.watch,
      reminders: this.reminderListeners,
      started: () => this.started,
      settingsChanged: () => this.settingsVersion++,
      saveRuntime: () => this.saveRuntime(true),
    };
    const last = this.st.history.all.stretches.at(-1);
    // Clamped to now in start(): with the clock behind (a dual-boot machine before NTP) the last
    // record lies in the "future", and clamping new stretches to it would record them empty.
    this.s.lastStretchEnd = last ? Date.parse(last.end) : 0;
    this.lastEmitted = this.stateKey();
  }

  // ---------------------------------------------------------------- the pure core, run

  /** One event through the pure core; its effects carried out in order. */
  private feed(body: EventBody, smartInterval: () => SmartIntervalView = () => this.getSmartInterval()): void {
    const now = this.clock.now();
    const event = { ...body, now, mono: this.clock.monotonic() } as EngineEvent;
    const { state, effects } = reduce(this.s, event, {
      settings: this.settings,
      profile: this.profile,
      idleSeconds: this.idleSource,
      recentBreaks: () => this.st.history.all.breaks.slice(-DIRECTION_WINDOW),
      adaptations: this.st.adaptations.value,
      smartInterval,
    });
    this.s = state;
    for (const effect of effects) carryOutEffect(effect, this.host);
  }

  /** Every timer callback and every dispatch starts here: notice a wall-clock change first. */
  private wake(): void {
    // Away periods under lock or suspend are measured with Date alone (DESIGN.md), so the two
    // clocks are not compared across them.
    if (this.s.systemAway) return this.watch.rebase();
    const jump = this.watch.check();
    if (jump !== 0) this.feed({ type: 'clock-jump', by: jump });
  }

  private onEventTimer(): void {
    this.wake();
    this.feed({ type: 'timer' });
    this.commit();
  }

  private onPoll(): void {
    this.wake();
    this.feed({ type: 'poll' });
    if (this.runtime.heartbeatDue(this.s, this.clock.now())) this.saveRuntime(true, true);
    this.commit();
  }

  // ---------------------------------------------------------------- lifecycle

  start(): void {
    if (this.started) return;
    this.started = true;
    this.watch.rebase();
    const saved = this.savedRuntime;
    this.savedRuntime = null;
    this.feed({ type: 'start', saved });
    this.lastBackupAt = this.st.backups.newestAt();
    this.backupIfDue();
    this.jobs.scheduleAll(this.started);
    this.commit();
  }

  async stop(): Promise<void> {
    this.feed({ type: 'stop' });
    for (const service of this.services) service.stop?.();
    this.timers.clear();
    this.jobs.clear();
    this.started = false;
    this.commit();
    this.saveRuntime(true);
    this.savedRuntime = runtimeOf(this.s, this.clock.now());
    const saved = flushForQuit(this.st);
    this.st.lock.release();
    if (!saved) {
      const records = this.st.history.unsavedRecords;
      const warning = records > 0 ? notice('quit.records-unsaved', { records }) : notice('quit.settings-unsaved');
      this.warnings.add(warning);
      this.commit(true);
      throw new Error(warning.text);
    }
  }

  /** A copy of the history once a day while there is any, the last few kept. */
  private backupIfDue(): void {
    const made = backupIfDue(this.st, this.lastBackupAt, this.clock.now(), () => this.exportData());
    if (made !== null) this.lastBackupAt = made;
  }

  // ---------------------------------------------------------------- public API

  getState(): CompanionState {
    return stateView(this.s, this.settings, this.warnings, this.profile);
  }

  subscribe(fn: (state: CompanionState) => void): () => void {
    return this.listeners.add(fn, 'subscribe');
  }

  dispatch(input: Action | unknown): CompanionState {
    const service = serviceFor(this.services, input);
    if (service) {
      this.wake();
      service.dispatch(input);
      this.commit(true);
      return this.getState();
    }
    const action = parseAction(input);
    // Notice a wall-clock change first: whether the action fits may depend on it.
    this.wake();
    this.commit();
    // One look at the smart-interval offer per action: the one checked is the one applied.
    let offer: SmartIntervalView | undefined;
    const smartInterval = () => (offer ??= this.getSmartInterval());
    refuseUnlessFits(action, {
      phase: this.s.phase,
      profile: this.profile,
      settings: this.settings,
      snoozes: this.s.pending?.snoozes ?? 0,
      now: this.clock.now(),
      adaptations: this.st.adaptations.value,
      smartInterval,
    });
    this.feed({ type: 'action', action }, smartInterval);
    this.commit();
    return this.getState();
  }

  importData(data: unknown): ImportResult {
    const result = importInto(this.st, data);
    for (const service of this.services) {
      if (service.importSection && data && typeof data === 'object') {
        result.imported += service.importSection(data as Record<string, unknown>).imported;
      }
    }
    const last = this.st.history.all.stretches.at(-1);
    if (last) this.feed({ type: 'history-imported', lastStretchEnd: Date.parse(last.end) });
    this.commit(true);
    return result;
  }

  restoreBackup(name: string): ImportResult {
    return this.importData(this.st.backups.read(name));
  }

  onReminder(fn: (reminder: Reminder) => void): () => void {
    return this.reminderListeners.add(fn, 'onReminder');
  }

  // ---------------------------------------------------------------- persistence and events

  private saveRuntime(force = false, heartbeat = false): void {
    this.runtime.save(this.s, this.clock.now(), force, heartbeat);
  }

  private stateKey(): string {
    return stateKey(this.s, this.settingsVersion, this.warnings.version);
  }

  /** After each entry point: save what a restart needs and tell listeners if anything changed. */
  private commit(forceEmit = false): void {
    const key = this.stateKey();
    if (!forceEmit && key === this.lastEmitted) return;
    this.lastEmitted = key;
    if (this.started) this.saveRuntime();
    this.listeners.tell(this.getState());
  }
}

export function createCompanion(options: CompanionOptions): Companion {
  return new Engine(options);
}
