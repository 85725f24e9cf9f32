/**
 * The runner: owns the stores and the injected Clock, turns calls, timers and calendar jobs
 * into events for the pure core (engine/reducer.ts), and carries out the effects it returns.
 * It decides nothing about breaks itself. `createCompanion` is the engine contract of DESIGN.md.
 */
import { parseAction, type Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';
import type { Settings } from '../../shared/settings';
import type { Profile } from '../../shared/profile';
import type { Checklist } from '../../shared/history';
import type { WeeklySummary } from '../../shared/summary';
import type { MovesnackExport } from '../../shared/export-format';
import type { DayView, ProgressView } from '../../shared/ipc-contract';
import type { Reminder, ReminderKind } from '../../shared/reminders';
import { DIRECTION_WINDOW } from '../../shared/direction-finding';
import { MINUTE_MS } from '../../shared/time-rules';
import { notice, type EngineNotice } from '../../shared/engine-messages';
import type { Clock, Companion, CompanionOptions, StepSwapsView } from './types';
import { ClockWatch, systemClock } from './clock';
import type { BackupInfo } from './store-backups';
import type { Runtime } from './store-runtime';
import { openStores, type Stores } from './stores';
import { WarningList } from './warnings';
import { HistoryViews } from './history-views';
import { BACKUP_EVERY_MS, CalendarJobs } from './calendar-jobs';
import { Feedback } from './feedback';
import { importInto, exportFrom } from './transfer-sections';
import type { ImportResult } from './data-transfer';
import type { SmartIntervalView } from './smart-interval-offer';
import { heldMinutes, iso, newCoreData, type CoreData } from './engine/model';
import type { Effect } from './engine/effects';
import { reduce, type EngineEvent } from './engine/reducer';
import { refuseUnlessFits } from './engine/refusals';
import { runtimeOf, stateKey, stateView } from './engine/view';

/** While sitting, the current stretch is saved this often so a crash loses little. */
const HEARTBEAT_MS = 5 * MINUTE_MS;

type EventBody = EngineEvent extends infer E ? (E extends EngineEvent ? Omit<E, 'now' | 'mono'> : never) : never;

class Engine implements Companion {
  private readonly idleSource: () => number;
  private readonly clock: Clock;
  private readonly watch: ClockWatch;
  private readonly jobs: CalendarJobs;
  private readonly st: Stores;
  private readonly feedback: Feedback;
  private readonly views: HistoryViews;
  private readonly listeners = new Set<(state: CompanionState) => void>();
  private readonly reminderListeners = new Set<(reminder: Reminder) => void>();
  private readonly warnings = new WarningList();
  private savedRuntime: Runtime | null;
  private lastBackupAt: number | null = null;
  private started = false;
  /** The engine's data; only the pure core changes it (engine/reducer.ts). */
  private s: CoreData = newCoreData();
  private lastHeartbeat = 0;
  private eventTimer: unknown = null;
  private pollTimer: unknown = null;
  private lastEmitted = '';
  /** Bumped on every settings change, so the state fingerprint notices it. */
  private settingsVersion = 0;
  private lastRuntime = '';

  constructor(options: CompanionOptions) {
    if (!options || typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
      throw new Error('createCompanion needs a dataDir: the folder where Movesnack keeps its files');
    }
    this.idleSource = options.idleSeconds ?? (() => 0);
    this.clock = options.clock ?? systemClock;
    this.watch = new ClockWatch(this.clock);
    const warn = (text: string, coded?: EngineNotice) => this.warnings.add(coded ?? text);
    this.st = openStores(options.dataDir, {
      readOnly: options.readOnly === true,
      warn,
      afterFolderLoss: () => (this.lastRuntime = ''),
      nowIso: new Date(this.clock.now()).toISOString(),
    });
    this.savedRuntime = this.st.runtime.load();
    this.feedback = new Feedback(this.st.adaptations, warn);
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
    const last = this.st.history.all.stretches.at(-1);
    // Clamped to now in start(): with the clock behind (a dual-boot machine before NTP) the last
    // record lies in the "future", and clamping new stretches to it would record them empty.
    this.s.lastStretchEnd = last ? Date.parse(last.end) : 0;
    this.lastEmitted = this.stateKey();
  }

  private get settings(): Settings {
    return this.st.settings.settings;
  }
  private get profile(): Profile {
    return this.st.settings.profile;
  }

  // ---------------------------------------------------------------- the pure core, run

  /** One event through the pure core; its effects carried out in order. */
  private feed(body: EventBody): void {
    const now = this.clock.now();
    const event = { ...body, now, mono: this.clock.monotonic() } as EngineEvent;
    const { state, effects } = reduce(this.s, event, {
      settings: this.settings,
      profile: this.profile,
      idleSeconds: this.idleSource,
      recentBreaks: () => this.st.history.all.breaks.slice(-DIRECTION_WINDOW),
      swaps: this.st.adaptations.value.swaps,
    });
    this.s = state;
    for (const effect of effects) this.carryOut(effect, now);
  }

  private carryOut(effect: Effect, now: number): void {
    switch (effect.kind) {
      case 'append':
        return this.st.history.append(effect.collection, effect.record as never);
      case 'arm':
        return this.arm(effect.eventInMs, effect.poll);
      case 'schedule-calendar':
        return this.jobs.scheduleAll(this.started);
      case 'schedule-reminder':
        return this.jobs.scheduleReminder(effect.reminder);
      case 'fire-reminder': {
        const reminder: Reminder = { kind: effect.reminder, at: new Date(effect.at).toISOString() };
        for (const listener of [...this.reminderListeners]) {
          try {
            listener(reminder);
          } catch {
            // A failing listener must not stop the others or the schedule.
          }
        }
        return;
      }
      case 'save-settings':
        this.st.settings.settings = effect.settings;
        this.settingsVersion++;
        return void this.st.settings.persist();
      case 'save-profile':
        this.st.settings.profile = effect.profile;
        return void this.st.settings.persist();
      case 'learn-feeling':
        return this.feedback.learnFeeling(effect.routine, effect.feeling, now);
      case 'save-runtime':
        return this.saveRuntime(true);
      case 'rebase-clock':
        return this.watch.rebase();
    }
  }

  /** Every timer callback and every dispatch starts here: notice a wall-clock change first. */
  private wake(): void {
    // Away periods under lock or suspend are measured with Date alone (DESIGN.md), so the two
    // clocks are not compared across them.
    if (this.s.systemAway) return this.watch.rebase();
    const jump = this.watch.check();
    if (jump !== 0) this.feed({ type: 'clock-jump', by: jump });
  }

  /** The one event timer and the idle poll, as the core asked. Nothing else ticks. */
  private arm(eventInMs: number | null, poll: { waitMs: number } | null): void {
    if (this.eventTimer !== null) this.clock.clearTimeout(this.eventTimer);
    this.eventTimer = null;
    if (!this.started) return;
    if (eventInMs !== null) this.eventTimer = this.clock.setTimeout(() => this.onEventTimer(), eventInMs);
    if (!poll) {
      if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
      this.pollTimer = null;
    } else if (this.pollTimer === null) {
      this.pollTimer = this.clock.setTimeout(() => {
        this.pollTimer = null;
        this.onPoll();
      }, poll.waitMs);
    }
  }

  private clearTimers(): void {
    if (this.eventTimer !== null) this.clock.clearTimeout(this.eventTimer);
    if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
    this.eventTimer = null;
    this.pollTimer = null;
  }

  private onEventTimer(): void {
    this.eventTimer = null;
    this.wake();
    this.feed({ type: 'timer' });
    this.commit();
  }

  private onPoll(): void {
    this.wake();
    this.feed({ type: 'poll' });
    if (this.s.stretch && this.clock.now() - this.lastHeartbeat >= HEARTBEAT_MS) this.saveRuntime(true);
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
    this.clearTimers();
    this.jobs.clear();
    this.started = false;
    this.commit();
    this.saveRuntime(true);
    this.savedRuntime = runtimeOf(this.s, this.clock.now());
    const saved = this.flushForQuit();
    this.st.lock.release();
    if (!saved) {
      const records = this.st.history.unsavedRecords;
      const warning = records > 0 ? notice('quit.records-unsaved', { records }) : notice('quit.settings-unsaved');
      this.warnings.add(warning);
      this.commit(true);
      throw new Error(warning.text);
    }
  }

  /**
   * Everything in memory onto the disk before quitting, tried twice. No waiting on a timer: a
   * quit must not hang on a clock (fake timers or an injected clock may never move again).
   */
  private flushForQuit(): boolean {
    const flushAll = () => {
      const history = this.st.history.flush();
      const settings = this.st.settings.unsaved ? this.st.settings.retry() : true;
      return history && settings;
    };
    return flushAll() || flushAll();
  }

  /** A copy of the history once a day while there is any, the last few kept. */
  private backupIfDue(): void {
    const now = this.clock.now();
    const all = this.st.history.all;
    const empty = all.stretches.length + all.breaks.length + all.checkins.length + all.checklists.length === 0;
    const last = this.lastBackupAt;
    if (empty || (last !== null && now - last < BACKUP_EVERY_MS && last <= now)) return;
    if (this.st.backups.create(this.exportData(), new Date(now))) this.lastBackupAt = now;
  }

  // ---------------------------------------------------------------- public API

  getState(): CompanionState {
    return stateView(this.s, this.settings, this.warnings);
  }

  subscribe(fn: (state: CompanionState) => void): () => void {
    if (typeof fn !== 'function') throw new Error('subscribe needs a function');
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  dispatch(input: Action | unknown): CompanionState {
    const action = parseAction(input);
    // Notice a wall-clock change first: whether the action fits may depend on it.
    this.wake();
    this.commit();
    refuseUnlessFits(action, {
      phase: this.s.phase,
      profile: this.profile,
      settings: this.settings,
      snoozes: this.s.pending?.snoozes ?? 0,
      now: this.clock.now(),
    });
    this.apply(action);
    this.commit();
    return this.getState();
  }

  private apply(action: Action): void {
    const now = this.clock.now();
    switch (action.type) {
      case 'routine/worse-step':
        return this.feedback.answerWorseStep(action.stepId, now);
      case 'routine/reoffer':
        return this.feedback.answerReoffer(action.stepId, action.accept);
      case 'interval/accept':
        this.feedback.acceptInterval(this.getSmartInterval(), action.minutes, now);
        return this.feed({ type: 'action', action: { type: 'settings/update', settings: { breakIntervalMin: action.minutes } } });
      case 'interval/dismiss':
        this.feedback.dismissInterval(this.getSmartInterval(), now);
        this.settingsVersion++;
        return;
      default:
        return this.feed({ type: 'action', action });
    }
  }

  weeklySummary(weekOf?: Date): WeeklySummary {
    const now = new Date(this.clock.now());
    return this.views.weeklySummary(this.openStretchObservation(), weekOf ?? now, now);
  }

  exportData(): MovesnackExport {
    return exportFrom(this.st, this.settings, this.profile, this.clock.now());
  }

  importData(data: unknown): ImportResult {
    const result = importInto(this.st, data);
    const last = this.st.history.all.stretches.at(-1);
    if (last) this.feed({ type: 'history-imported', lastStretchEnd: Date.parse(last.end) });
    this.commit(true);
    return result;
  }

  listBackups(): BackupInfo[] {
    return this.st.backups.list();
  }

  restoreBackup(name: string): ImportResult {
    return this.importData(this.st.backups.read(name));
  }

  getProfile(): Profile {
    return structuredClone(this.profile);
  }

  getDay(date?: Date): DayView {
    const now = this.clock.now();
    const pending = this.s.pending;
    const day = this.views.day(date ?? new Date(now), this.openStretchObservation(), pending?.snoozes ?? 0);
    return { ...day, heldMin: pending ? (heldMinutes(pending, now) ?? null) : null };
  }

  getProgress(weeks: number): ProgressView {
    return this.views.progress(weeks, this.openStretchObservation(), new Date(this.clock.now()));
  }

  getChecklists(): Checklist[] {
    return structuredClone(this.st.history.all.checklists);
  }

  onReminder(fn: (reminder: Reminder) => void): () => void {
    if (typeof fn !== 'function') throw new Error('onReminder needs a function');
    this.reminderListeners.add(fn);
    return () => this.reminderListeners.delete(fn);
  }

  getStepSwaps(): StepSwapsView {
    return this.feedback.stepSwaps(this.clock.now());
  }

  getSmartInterval(): SmartIntervalView {
    return this.feedback.smartInterval(this.st.history.all, this.openStretchObservation(), this.settings, this.clock.now());
  }

  private openStretchObservation() {
    const stretch = this.s.stretch;
    return stretch ? { start: iso(stretch.start)!, end: null, discomfortAt: iso(stretch.discomfortAt) } : null;
  }

  // ---------------------------------------------------------------- persistence and events

  private saveRuntime(force = false): void {
    const runtime = runtimeOf(this.s, this.clock.now());
    const { savedAt: _savedAt, ...content } = runtime;
    const key = JSON.stringify(content);
    if (!force && key === this.lastRuntime) return;
    if (this.st.runtime.save(runtime)) {
      this.lastRuntime = key;
      this.lastHeartbeat = this.clock.now();
    }
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
    const state = this.getState();
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch {
        // A failing listener must not break the engine or the other listeners.
      }
    }
  }
}

export function createCompanion(options: CompanionOptions): Companion {
  return new Engine(options);
}
