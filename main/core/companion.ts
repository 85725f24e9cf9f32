import { parseAction, type Action } from '../../shared/actions';
import type { CompanionState, Phase } from '../../shared/state';
import type { Settings } from '../../shared/settings';
import { PLAIN_BREAK_ID, type Profile } from '../../shared/profile';
import { BUSY_REASONS, type BusyReason } from '../../shared/settings';
import type { BreakRecord, Checklist, Feeling } from '../../shared/history';
import type { WeeklySummary } from '../../shared/summary';
import type { MovesnackExport } from '../../shared/export-format';
import type { DayView, ProgressView } from '../../shared/ipc-contract';
import {
  applyFeeling,
  applyReoffer,
  applyWorseStep,
  buildActiveRoutine,
  chooseRoutine,
  stepsToReoffer,
} from '../../shared/routine-selection';
import { DIRECTION_WINDOW } from '../../shared/direction-finding';
import { routineById } from '../../shared/routines';
import { refuse } from '../../shared/engine-messages';
import { isWithinWorkingHours, nextWeeklyOccurrence, nextWorkingHoursEdge } from '../../shared/working-hours';
import { setupRecheckDueAt, type Reminder, type ReminderKind } from '../../shared/reminders';
import type { Clock, Companion, CompanionOptions, StepSwapsView } from './types';
import { ClockWatch, systemClock } from './clock';
import { Calendar } from './calendar';
import { SettingsStore } from './store-settings';
import { HistoryStore } from './store-history';
import { RuntimeStore, type Runtime } from './store-runtime';
import { AdaptationsStore } from './store-adaptations';
import { BackupStore, type BackupInfo } from './store-backups';
import { DataLock } from './store-lock';
import { HistoryViews } from './history-views';
import { exportHistory, importHistory, type ImportResult } from './data-transfer';
import { readSection } from '../../shared/export-format';
import { SmartIntervalMemorySchema } from './store-adaptations';
import { MAX_WARNINGS, MINUTE_MS, PRESENCE_GRACE_MS, ROUTINE_TIMEOUT_MS, WORSE_QUESTION_MS } from '../../shared/time-rules';
import {
  heldMinutes,
  iso,
  newCoreData,
  newPending,
  pendingFromRuntime,
  type CoreData,
  type OpenStretch,
  type PendingBreak,
  type RunningRoutine,
  type SystemAway,
} from './engine/model';
import { shiftAnchors, shiftHeld } from './engine/time-shift';
import { nextBreakAt } from './engine/next-break';
import { refuseUnlessFits } from './engine/refusals';
import { runtimeOf, stateKey, stateView } from './engine/view';
import { mergeSmartIntervalMemory, notNowUntil, smartIntervalOffer, type SmartIntervalView } from './smart-interval-offer';

const MINUTE = MINUTE_MS;
const MAX_TIMER_MS = 24 * 60 * MINUTE;
const BACKUP_EVERY_MS = 24 * 60 * MINUTE;
const QUIET_RECHECK_MS = MINUTE;
/**
 * While away, one idle look every 30 s. Idle time cannot say when input resumed, only that it
 * did since the last look, so this bounds how late a new stretch may start: 30 s of a 30-minute
 * interval, for a quarter of the wake-ups a 10 s poll would cost.
 */
const AWAY_POLL_MS = 30_000;
const POLLED_PHASES: ReadonlySet<Phase> = new Set(['sitting', 'due', 'deferred', 'away']);
/** While sitting, the current stretch is saved this often so a crash loses little. */
const HEARTBEAT_MS = 5 * MINUTE;

class Engine implements Companion {
  private readonly idleSource: () => number;
  private readonly clock: Clock;
  private readonly watch: ClockWatch;
  private readonly calendar: Calendar;
  private readonly settingsStore: SettingsStore;
  private readonly history: HistoryStore;
  private readonly runtimeStore: RuntimeStore;
  private readonly adaptations: AdaptationsStore;
  private readonly backups: BackupStore;
  private readonly lock: DataLock;
  private lastBackupAt: number | null = null;
  private readonly views: HistoryViews;
  private readonly listeners = new Set<(state: CompanionState) => void>();
  private readonly reminderListeners = new Set<(reminder: Reminder) => void>();
  private readonly warnings: string[] = [];
  private savedRuntime: Runtime | null;

  private started = false;
  /** The engine's data (engine/model.ts): what the transitions read and change. */
  private readonly s: CoreData = newCoreData();
  private lastHeartbeat = 0;

  private eventTimer: unknown = null;
  private pollTimer: unknown = null;
  /** The idle time (ms) the last poll saw, after presence: when the next poll is worth doing. */
  private lastIdleMs = 0;
  private lastEmitted = '';
  /** Bumped on every settings change, so the state fingerprint notices it. */
  private settingsVersion = 0;
  private lastRuntime = '';
  private warningsVersion = 0;

  constructor(options: CompanionOptions) {
    if (!options || typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
      throw new Error('createCompanion needs a dataDir: the folder where Movesnack keeps its files');
    }
    this.idleSource = options.idleSeconds ?? (() => 0);
    this.clock = options.clock ?? systemClock;
    this.watch = new ClockWatch(this.clock);
    this.calendar = new Calendar(this.clock, ['working-hours', 'weekly-summary', 'checkin', 'setup-recheck', 'backup']);
    const warn = (message: string) => this.warn(message);
    this.lock = new DataLock(options.dataDir);
    let readOnly = options.readOnly === true;
    if (!readOnly) {
      const owner = this.lock.acquire();
      if (owner !== null) {
        readOnly = true;
        warn(`Another Movesnack (process ${owner}) is using this data folder, so this one will not save anything. Quit one of them.`);
      }
    }
    this.settingsStore = new SettingsStore(options.dataDir, warn, readOnly);
    this.history = new HistoryStore(options.dataDir, warn, () => this.rewriteAfterFolderLoss(), readOnly);
    this.runtimeStore = new RuntimeStore(options.dataDir, warn, readOnly);
    this.adaptations = new AdaptationsStore(options.dataDir, warn, readOnly);
    this.backups = new BackupStore(options.dataDir, warn, readOnly);
    this.settingsStore.load();
    this.history.load();
    this.adaptations.load(new Date(this.clock.now()).toISOString());
    this.savedRuntime = this.runtimeStore.load();
    this.views = new HistoryViews(this.history);
    const last = this.history.all.stretches.at(-1);
    // Clamped to now in start(): with the clock behind (a dual-boot machine before NTP) the last
    // record lies in the "future", and clamping new stretches to it would record them empty.
    this.s.lastStretchEnd = last ? Date.parse(last.end) : 0;
    this.lastEmitted = this.stateKey();
  }

  private get settings(): Settings {
    return this.settingsStore.settings;
  }
  private get naturalMs(): number {
    return this.settings.naturalBreakMin * MINUTE;
  }
  private get promptNotBefore(): number {
    return this.s.returnedAt + this.naturalMs;
  }
  private idleMs(): number {
    let seconds: number;
    try {
      seconds = this.idleSource();
    } catch {
      seconds = 0;
    }
    const idle = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
    // A video call or a fullscreen film is sitting, however still the keyboard is.
    if (this.attending()) return 0;
    return Math.min(idle, Math.max(0, this.clock.now() - this.s.attendedUntil));
  }
  private attending(): boolean {
    return this.s.busy.includes('meeting') || this.s.busy.includes('fullscreen');
  }
  /** A reason the user enabled in deferFor is busy, and holding is on at all. */
  private holdWanted(): boolean {
    return this.settings.maxDeferMin > 0 && this.s.busy.some((reason) => this.settings.deferFor[reason]);
  }
  private get maxDeferMs(): number {
    return this.settings.maxDeferMin * MINUTE;
  }
  /** Each message once, the newest last; the oldest drop off past MAX_WARNINGS. */
  private warn(message: string): void {
    const seen = this.warnings.indexOf(message);
    if (seen !== -1) this.warnings.splice(seen, 1);
    this.warnings.push(message);
    this.warningsVersion++;
    if (this.warnings.length > MAX_WARNINGS) this.warnings.splice(0, this.warnings.length - MAX_WARNINGS);
  }

  private rewriteAfterFolderLoss(): void {
    this.settingsStore.persist();
    this.adaptations.save();
    this.lastRuntime = '';
  }

  // ---------------------------------------------------------------- lifecycle

  start(): void {
    if (this.started) return;
    this.started = true;
    this.watch.rebase();
    const now = this.clock.now();
    const saved = this.savedRuntime;
    this.savedRuntime = null;
    // Started again after stop(): carry on from what stop() saved, by the same rules as a restart.
    this.s.stretch = null;
    this.s.pending = null;
    this.s.deadline = null;
    this.s.pausedUntil = null;
    this.s.systemAway = null;
    this.s.awaySince = null;
    let continuing: { stretch: OpenStretch; pending: PendingBreak | null; deadline: number | null } | null = null;
    if (saved) {
      const until = saved.pausedUntil ? Date.parse(saved.pausedUntil) : null;
      if (until !== null && until > now) this.s.pausedUntil = until;
      if (saved.stretch) {
        const savedAt = Date.parse(saved.savedAt);
        const stretch = {
          start: Date.parse(saved.stretch.start),
          discomfortAt: saved.stretch.discomfortAt ? Date.parse(saved.stretch.discomfortAt) : null,
        };
        if (now - savedAt < this.naturalMs && now >= savedAt) {
          continuing = {
            stretch,
            pending: saved.pending ? pendingFromRuntime(saved.pending) : null,
            deadline: saved.deadline ? Date.parse(saved.deadline) : null,
          };
        } else {
          this.s.stretch = stretch;
          this.closeStretch(savedAt, 'quit');
        }
      }
    }
    this.s.lastStretchEnd = Math.min(this.s.lastStretchEnd, now);
    if (this.s.pausedUntil !== null || !this.withinWorkingHours(now)) {
      if (continuing) {
        this.s.stretch = continuing.stretch;
        this.closeStretch(now, 'quit');
      }
      this.s.phase = this.s.pausedUntil !== null ? 'paused' : 'off-hours';
      this.arm();
    } else if (continuing) {
      this.s.stretch = continuing.stretch;
      this.s.pending = continuing.pending;
      this.s.deadline = continuing.deadline ?? nextBreakAt(continuing.stretch.start, this.settings.breakIntervalMin);
      this.s.phase = 'sitting';
      const idle = this.idleMs();
      if (idle >= this.naturalMs) this.goAwayFromIdle(now - idle);
      else if (this.s.pending?.heldSince != null) {
        // Restarted during a hold: nothing is known to be busy yet, so the one-minute grace
        // starts; the shell's first presence report holds it again if still busy.
        this.s.phase = 'deferred';
        this.s.deadline = Math.min(now + MINUTE, this.s.pending.heldSince + this.maxDeferMs);
        this.arm();
      } else if (this.s.deadline <= now) this.becomeDue(now);
      else this.arm();
    } else {
      this.startFromIdle(now);
    }
    this.lastBackupAt = this.backups.newestAt();
    this.backupIfDue();
    this.scheduleCalendar();
    this.commit();
  }

  /** A copy of the history once a day while there is any, the last few kept. */
  private backupIfDue(): void {
    const now = this.clock.now();
    const all = this.history.all;
    const empty = all.stretches.length + all.breaks.length + all.checkins.length + all.checklists.length === 0;
    if (empty || (this.lastBackupAt !== null && now - this.lastBackupAt < BACKUP_EVERY_MS && this.lastBackupAt <= now)) return;
    if (this.backups.create(this.exportData(), new Date(now))) this.lastBackupAt = now;
  }

  listBackups(): BackupInfo[] {
    return this.backups.list();
  }

  restoreBackup(name: string): ImportResult {
    return this.importData(this.backups.read(name));
  }

  async stop(): Promise<void> {
    if (this.s.routine) this.finishRoutine('interrupted', null);
    this.clearTimers();
    this.calendar.clear();
    this.started = false;
    this.commit();
    this.saveRuntime(true);
    this.savedRuntime = this.runtime();
    const saved = this.flushForQuit();
    this.lock.release();
    if (!saved) {
      const records = this.history.unsavedRecords;
      const message =
        records > 0
          ? `${records} record${records === 1 ? '' : 's'} could not be saved before quitting (the disk refused the write). Keep Movesnack open and free some space: it saves them as soon as it can.`
          : 'Your settings could not be saved before quitting (the disk refused the write).';
      this.warn(message);
      this.commit(true);
      throw new Error(message);
    }
  }

  /**
   * Everything in memory onto the disk before quitting, tried twice. No waiting on a timer: a
   * quit must not hang on a clock (fake timers or an injected clock may never move again).
   */
  private flushForQuit(): boolean {
    const flushAll = () => {
      const history = this.history.flush();
      const settings = this.settingsStore.unsaved ? this.settingsStore.retry() : true;
      return history && settings;
    };
    return flushAll() || flushAll();
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
    this.refuseUnlessFits(action);
    this.apply(action);
    this.commit();
    return this.getState();
  }

  weeklySummary(weekOf?: Date): WeeklySummary {
    return this.views.weeklySummary(this.openStretchObservation(), weekOf ?? new Date(this.clock.now()), new Date(this.clock.now()));
  }

  exportData(): MovesnackExport {
    return {
      ...exportHistory(this.history, this.settings, this.profile),
      exportedAt: new Date(this.clock.now()).toISOString(),
      // Optional sections (shared/export-format.ts): engine memory that is not history.
      smartInterval: { ...this.adaptations.value.smartInterval },
    };
  }

  importData(data: unknown): ImportResult {
    const result = importHistory(this.history, data);
    const memory = readSection(data as Record<string, unknown>, 'smartInterval', SmartIntervalMemorySchema);
    if (memory) {
      this.adaptations.value.smartInterval = mergeSmartIntervalMemory(this.adaptations.value.smartInterval, memory);
      this.adaptations.save();
    }
    const last = this.history.all.stretches.at(-1);
    if (last) this.s.lastStretchEnd = Math.max(this.s.lastStretchEnd, Date.parse(last.end));
    this.commit(true);
    return result;
  }

  getProfile(): Profile {
    return structuredClone(this.profile);
  }

  getDay(date?: Date): DayView {
    const now = this.clock.now();
    const day = this.views.day(date ?? new Date(now), this.openStretchObservation(), this.s.pending?.snoozes ?? 0);
    return { ...day, heldMin: this.s.pending ? (heldMinutes(this.s.pending, now) ?? null) : null };
  }

  getProgress(weeks: number): ProgressView {
    return this.views.progress(weeks, this.openStretchObservation(), new Date(this.clock.now()));
  }

  getChecklists(): Checklist[] {
    return structuredClone(this.history.all.checklists);
  }

  onReminder(fn: (reminder: Reminder) => void): () => void {
    if (typeof fn !== 'function') throw new Error('onReminder needs a function');
    this.reminderListeners.add(fn);
    return () => this.reminderListeners.delete(fn);
  }

  private get profile(): Profile {
    return this.settingsStore.profile;
  }

  private openStretchObservation() {
    return this.s.stretch
      ? { start: iso(this.s.stretch.start)!, end: null, discomfortAt: iso(this.s.stretch.discomfortAt) }
      : null;
  }

  // ---------------------------------------------------------------- actions

  private refuseUnlessFits(action: Action): void {
    refuseUnlessFits(action, {
      phase: this.s.phase,
      profile: this.profile,
      settings: this.settings,
      snoozes: this.s.pending?.snoozes ?? 0,
      now: this.clock.now(),
    });
  }

  private apply(action: Action): void {
    const now = this.clock.now();
    switch (action.type) {
      case 'break/start':
        return this.startRoutine(now, action.routineId);
      case 'break/snooze': {
        this.s.pending!.snoozes++;
        this.s.deadline = now + this.settings.snoozeMin * MINUTE;
        this.s.phase = 'sitting';
        return this.arm();
      }
      case 'break/skip': {
        this.resolvePending('skipped', now);
        this.s.deadline = nextBreakAt(now, this.settings.breakIntervalMin, this.promptNotBefore);
        this.s.phase = 'sitting';
        return this.arm();
      }
      case 'routine/complete':
        this.finishRoutine('complete', action.feeling);
        return this.openStretch(now);
      case 'routine/abandon':
        this.finishRoutine('abandon', null);
        return this.openStretch(now);
      case 'discomfort/report':
        return this.reportDiscomfort(now);
      case 'pause':
        return this.enterQuiet('paused', now, Date.parse(action.until));
      case 'resume':
        this.s.pausedUntil = null;
        return this.resumeActivity(now);
      case 'system/suspend':
        return this.enterSystemAway('suspend', now);
      case 'system/lock':
        return this.enterSystemAway('lock', now);
      case 'system/resume':
        return this.leaveSystemAway('suspend', now);
      case 'system/unlock':
        return this.leaveSystemAway('lock', now);
      case 'settings/update':
        return this.updateSettings(action.settings, now);
      case 'profile/save':
        this.settingsStore.profile = { ...this.profile, ...action.profile };
        this.settingsStore.persist();
        if (action.profile.movedDeskAt !== undefined) this.scheduleReminder('setup-recheck');
        return;
      case 'checklist/save':
        this.history.append('checklists', { at: new Date(now).toISOString(), answers: action.answers });
        return this.scheduleReminder('setup-recheck');
      case 'checkin/save':
        return this.history.append('checkins', { at: new Date(now).toISOString(), ...action.checkin });
      case 'presence/update':
        return this.updatePresence(action.busy, now);
      case 'routine/worse-step':
        return this.answerWorseStep(action.stepId);
      case 'routine/reoffer':
        return this.answerReoffer(action.stepId, action.accept);
      case 'interval/accept':
        return this.acceptInterval(action.minutes, now);
      case 'interval/dismiss':
        return this.dismissInterval(now);
    }
  }

  private startRoutine(now: number, routineId: string | undefined): void {
    const recentBreaks = this.history.all.breaks
      .slice(-DIRECTION_WINDOW)
      .filter((b) => b.routineId && b.routineId !== PLAIN_BREAK_ID)
      .map((b) => ({ routineId: b.routineId, feeling: b.feeling }));
    const recent = recentBreaks.slice(-12).map((b) => b.routineId!);
    const definition = routineId
      ? routineById(routineId)!
      : chooseRoutine(this.profile, this.settings.routineId, recent, recentBreaks);
    const active = buildActiveRoutine(definition, this.adaptations.value.swaps);
    const dueAt = this.s.pending?.dueAt ?? this.s.deadline ?? now;
    const snoozes = this.s.pending?.snoozes ?? 0;
    const deferredMin = this.s.pending ? heldMinutes(this.s.pending, now) : undefined;
    this.closeStretch(now, 'routine');
    this.s.pending = null;
    this.s.deadline = null;
    this.s.routine = {
      ...active,
      totalSeconds: active.steps.reduce((sum, s) => sum + s.seconds, 0),
      startedMono: this.clock.monotonic(),
      dueAt,
      snoozes,
      deferredMin,
    };
    this.s.phase = 'routine';
    this.arm();
  }

  /** Closes the running routine as taken, with the seconds measured, capped at its length. */
  private finishRoutine(how: 'complete' | 'abandon' | 'timeout' | 'interrupted', feeling: Feeling | null): void {
    const routine = this.s.routine;
    if (!routine) return;
    const measured = Math.round((this.clock.monotonic() - routine.startedMono) / 1000);
    const seconds = Math.max(0, Math.min(routine.totalSeconds, measured));
    this.s.routine = null;
    this.history.append('breaks', {
      dueAt: iso(routine.dueAt)!,
      outcome: 'taken',
      at: new Date(this.clock.now()).toISOString(),
      snoozes: routine.snoozes,
      routineId: routine.id,
      seconds,
      feeling,
      ...(routine.deferredMin !== undefined ? { deferredMin: routine.deferredMin } : {}),
    });
    this.learnFeeling(routine, feeling);
  }

  /**
   * DESIGN.md: a session should leave the user better or the same. Good answers count towards
   * offering a swapped step again; "worse" asks which step (routine/worse-step), and only that
   * step is swapped for its gentler one.
   */
  private learnFeeling(routine: RunningRoutine, feeling: Feeling | null): void {
    if (routine.id === PLAIN_BREAK_ID || !feeling) return;
    const value = this.adaptations.value;
    value.swaps = { ...applyFeeling(value.swaps, routine, feeling) };
    value.lastWorse =
      feeling === 'worse'
        ? { at: new Date(this.clock.now()).toISOString(), steps: [...new Set(routine.steps.map((step) => step.id))] }
        : null;
    this.adaptations.save();
  }

  /** "This step felt worse" (or null: the user would rather not say). */
  private answerWorseStep(stepId: string | null): void {
    const value = this.adaptations.value;
    const last = value.lastWorse;
    if (!last || this.clock.now() - Date.parse(last.at) > WORSE_QUESTION_MS) {
      refuse('feedback.none', {}, 'There is no recent routine that felt worse to say a step of.');
    }
    if (stepId !== null && !last!.steps.includes(stepId)) {
      refuse('feedback.step-unknown', { stepId }, `"${stepId}" was not a step of the routine that felt worse.`);
    }
    value.lastWorse = null;
    if (stepId !== null) {
      const before = value.swaps;
      value.swaps = { ...applyWorseStep(before, stepId, new Date(this.clock.now()).toISOString()) };
      if (value.swaps !== before && !value.worseNoticeGiven) {
        value.worseNoticeGiven = true;
        this.warn(
          'Next time you get a gentler move in place of the one that felt worse. If any move sends pain down your leg, stop it and talk to your clinician or physical therapist.',
        );
      }
    }
    this.adaptations.save();
  }

  private answerReoffer(stepId: string, accept: boolean): void {
    const value = this.adaptations.value;
    if (!stepsToReoffer(value.swaps).includes(stepId)) {
      refuse('feedback.not-offered', { stepId }, `"${stepId}" is not being offered again yet.`);
    }
    value.swaps = { ...applyReoffer(value.swaps, stepId, accept) };
    this.adaptations.save();
  }

  /** The smart-interval offer, computed here from the history (DESIGN.md: no product state in the renderer). */
  getSmartInterval(): SmartIntervalView {
    return smartIntervalOffer(
      this.history.all,
      this.openStretchObservation(),
      this.adaptations.value.smartInterval,
      this.settings.breakIntervalMin,
      this.settings.smartInterval,
      this.clock.now(),
    );
  }

  /** Accept the offer: only the interval it suggests now, at the pace it allows (one raise a week). */
  private acceptInterval(minutes: number, now: number): void {
    const offer = this.getSmartInterval();
    const result = offer.result;
    if (result?.kind !== 'suggest' || offer.dismissedUntil !== null || result.minutes !== minutes) {
      refuse(
        'interval.not-offered',
        { minutes },
        `A break every ${minutes} minutes is not what the suggestion offers right now; nothing was changed.`,
      );
    }
    const memory = this.adaptations.value.smartInterval;
    this.adaptations.value.smartInterval = {
      lastRaiseAt: result!.kind === 'suggest' && result!.direction === 'raise' ? new Date(now).toISOString() : memory.lastRaiseAt,
      dismissedUntil: null,
    };
    this.adaptations.save();
    this.updateSettings({ breakIntervalMin: minutes }, now);
  }

  private dismissInterval(now: number): void {
    if (this.getSmartInterval().result?.kind !== 'suggest') {
      refuse('interval.not-offered', {}, 'There is no interval suggestion to put off right now.');
    }
    this.adaptations.value.smartInterval = { ...this.adaptations.value.smartInterval, dismissedUntil: notNowUntil(now) };
    this.adaptations.save();
    this.settingsVersion++;
  }

  /** Which steps are swapped, which are offered again, and the steps of a routine that just felt worse. */
  getStepSwaps(): StepSwapsView {
    const value = this.adaptations.value;
    const last = value.lastWorse;
    return {
      swapped: Object.keys(value.swaps).sort(),
      reoffer: stepsToReoffer(value.swaps),
      askWhichStep: last && this.clock.now() - Date.parse(last.at) <= WORSE_QUESTION_MS ? [...last.steps] : null,
    };
  }

  private reportDiscomfort(now: number): void {
    const inStretch =
      this.s.stretch !== null && (this.s.phase === 'sitting' || this.s.phase === 'due' || this.s.phase === 'deferred');
    if (inStretch && this.s.stretch!.discomfortAt === null) this.s.stretch!.discomfortAt = now;
    this.history.append('discomforts', { at: new Date(now).toISOString(), inStretch });
  }

  private updateSettings(patch: Partial<Settings>, now: number): void {
    const before = this.settings;
    this.settingsStore.settings = { ...before, ...patch };
    this.settingsVersion++;
    this.settingsStore.persist();
    const after = this.settings;
    if (after.workingHours !== before.workingHours) this.evaluateWorkingHours(now);
    const calendarKeys = ['workingHours', 'checkinReminder', 'weeklySummaryReminder', 'recheckDays'] as const;
    if (calendarKeys.some((key) => after[key] !== before[key])) this.scheduleCalendar();
    if (this.s.phase === 'sitting' && !this.s.pending && this.s.stretch && after.breakIntervalMin !== before.breakIntervalMin) {
      this.s.deadline = nextBreakAt(this.s.stretch.start, after.breakIntervalMin, this.promptNotBefore);
    }
    this.arm();
  }

  // ---------------------------------------------------------------- transitions

  /** What `start()`, the end of a pause and the start of working hours do. */
  private resumeActivity(moment: number): void {
    const now = this.clock.now();
    if (!this.withinWorkingHours(now)) {
      this.s.phase = 'off-hours';
    } else if (this.s.systemAway) {
      this.s.phase = 'away';
      this.s.awaySince = this.s.systemAway.since;
    } else {
      this.startFromIdle(now, moment);
      return;
    }
    this.arm();
  }

  private startFromIdle(now: number, notBefore = 0): void {
    const idle = this.idleMs();
    if (idle < this.naturalMs) {
      this.openStretch(Math.max(notBefore, now - idle));
    } else {
      this.s.phase = 'away';
      this.s.awaySince = now - idle;
      this.arm();
    }
  }

  private openStretch(start: number): void {
    const now = this.clock.now();
    const begin = Math.min(now, Math.max(start, this.s.lastStretchEnd));
    this.s.stretch = { start: begin, discomfortAt: null };
    this.s.pending = null;
    this.s.deadline = nextBreakAt(begin, this.settings.breakIntervalMin, this.promptNotBefore);
    this.s.awaySince = null;
    this.s.phase = 'sitting';
    this.arm();
  }

  private closeStretch(end: number, endedBy: 'routine' | 'natural' | 'quit'): void {
    const stretch = this.s.stretch;
    if (!stretch) return;
    this.s.stretch = null;
    // After the clock was set back, never record a stretch overlapping or before the last one.
    const start = Math.max(stretch.start, this.s.lastStretchEnd);
    const finish = Math.max(end, start);
    const discomfortAt =
      stretch.discomfortAt !== null && stretch.discomfortAt <= finish ? Math.max(stretch.discomfortAt, start) : null;
    this.history.append('stretches', { start: iso(start)!, end: iso(finish)!, endedBy, discomfortAt: iso(discomfortAt) });
    this.s.lastStretchEnd = finish;
  }

  private resolvePending(outcome: BreakRecord['outcome'], at: number): void {
    const pending = this.s.pending;
    if (!pending) return;
    this.s.pending = null;
    const deferredMin = heldMinutes(pending, at);
    this.history.append('breaks', {
      dueAt: iso(pending.dueAt)!,
      outcome,
      at: iso(at)!,
      snoozes: pending.snoozes,
      routineId: null,
      seconds: 0,
      feeling: null,
      ...(deferredMin !== undefined ? { deferredMin } : {}),
    });
  }

  /** Idle crossed the natural-break threshold: the stretch ended when input stopped. */
  private goAwayFromIdle(leftAt: number): void {
    const now = this.clock.now();
    const left = Math.min(now, Math.max(leftAt, this.s.stretch?.start ?? leftAt));
    if (this.s.pending) this.resolvePending('natural', Math.min(now, Math.max(this.s.pending.dueAt, left)));
    this.closeStretch(left, 'natural');
    this.s.deadline = null;
    this.s.phase = 'away';
    this.s.awaySince = left;
    this.arm();
  }

  private becomeDue(now: number): void {
    const idle = this.idleMs();
    if (idle >= this.naturalMs) return this.goAwayFromIdle(now - idle);
    if (now < this.promptNotBefore) {
      this.s.deadline = this.promptNotBefore;
      return this.arm();
    }
    if (!this.s.pending) this.s.pending = newPending(this.s.deadline ?? now);
    const cameDue = this.s.deadline ?? now;
    this.s.deadline = cameDue;
    this.s.phase = 'due';
    if (this.holdWanted()) this.hold(cameDue, now);
    this.arm();
  }

  /**
   * Presence: a break that comes due (or is already due) while an enabled busy reason holds
   * it waits, for at most maxDeferMin after it came due; never counted as skipped.
   */
  private hold(cameDue: number, now: number): void {
    const pending = this.s.pending;
    if (!pending || pending.holdSpent || cameDue + this.maxDeferMs <= now) return;
    pending.heldSince = cameDue;
    pending.holdStart = now;
    pending.everHeld = true;
    this.s.deadline = cameDue + this.maxDeferMs;
    this.s.phase = 'deferred';
  }

  /** The hold is over (busy ended a minute ago, or maxDeferMin reached): the break is due now. */
  private releaseHold(now: number, spent: boolean): void {
    const pending = this.s.pending!;
    if (pending.holdStart !== null) pending.heldMs += Math.max(0, now - pending.holdStart);
    pending.heldSince = null;
    pending.holdStart = null;
    if (spent) pending.holdSpent = true;
    this.s.deadline = now;
    this.s.phase = 'due';
  }

  private updatePresence(reported: readonly BusyReason[], now: number): void {
    const wasAttending = this.attending();
    this.s.busy = BUSY_REASONS.filter((reason) => reported.includes(reason));
    if (wasAttending && !this.attending()) this.s.attendedUntil = now;
    if (this.s.phase === 'due' && this.holdWanted()) {
      this.hold(this.s.deadline ?? now, now);
    } else if (this.s.phase === 'deferred' && this.s.pending?.heldSince != null) {
      const cap = this.s.pending.heldSince + this.maxDeferMs;
      // Free again: due one minute later, unless the longest hold ends sooner.
      this.s.deadline = this.holdWanted() ? cap : Math.min(cap, now + PRESENCE_GRACE_MS);
    }
    this.arm();
  }

  /** Paused and off-hours: no prompts, no stretches; the open stretch closes, a due break is dropped. */
  private enterQuiet(phase: 'paused' | 'off-hours', now: number, until?: number): void {
    if (this.s.routine) this.finishRoutine('interrupted', null);
    if (this.s.systemAway?.held) {
      this.s.stretch = this.s.systemAway.held.stretch;
      this.closeStretch(this.s.systemAway.since, 'quit');
      this.s.systemAway.held = null;
    }
    this.closeStretch(now, 'quit');
    this.s.pending = null;
    this.s.deadline = null;
    this.s.awaySince = null;
    if (phase === 'paused') this.s.pausedUntil = until!;
    this.s.phase = phase === 'paused' ? 'paused' : this.s.pausedUntil !== null ? 'paused' : 'off-hours';
    this.arm();
  }

  private enterSystemAway(kind: 'lock' | 'suspend', now: number): void {
    if (this.s.systemAway) {
      this.s.systemAway.kinds.add(kind);
      return;
    }
    this.watch.rebase();
    if (this.s.routine) this.finishRoutine('interrupted', null);
    let held: SystemAway['held'] = null;
    if ((this.s.phase === 'sitting' || this.s.phase === 'due' || this.s.phase === 'deferred') && this.s.stretch) {
      held = { stretch: this.s.stretch, pending: this.s.pending, deadline: this.s.deadline, phase: this.s.phase };
      this.s.stretch = null;
      this.s.pending = null;
      this.s.deadline = null;
    }
    this.s.systemAway = { since: now, kinds: new Set([kind]), held };
    if (this.s.phase !== 'paused' && this.s.phase !== 'off-hours') {
      if (this.s.phase !== 'away') this.s.awaySince = now;
      this.s.phase = 'away';
    }
    this.arm();
  }

  private leaveSystemAway(kind: 'lock' | 'suspend', now: number): void {
    if (kind === 'suspend') this.scheduleCalendar();
    const away = this.s.systemAway;
    if (!away) {
      // An unlock we never saw locking (the app started on a locked screen): treat as input.
      if (this.s.phase === 'away') this.resumeActivity(now);
      return;
    }
    if (!away.kinds.delete(kind) || away.kinds.size > 0) return;
    this.s.systemAway = null;
    this.watch.rebase();
    // After a suspend, give the user naturalBreakMin before any prompt (no burst on waking).
    if (kind === 'suspend') this.s.returnedAt = now;
    if (this.s.phase === 'paused') {
      if (this.s.pausedUntil !== null && this.s.pausedUntil <= now) {
        this.s.pausedUntil = null;
        this.resumeActivity(now);
      } else this.arm();
      return;
    }
    let gone = now - away.since;
    if (gone < 0) {
      // The wall clock was set back while we were away: the absence cannot be measured, so the
      // held anchors move with the clock, as they would for a jump seen while sitting.
      if (away.held) shiftHeld(away.held, gone);
      this.s.lastStretchEnd += gone;
      away.since = now;
      gone = 0;
    }
    if (away.held && gone < this.naturalMs && this.withinWorkingHours(now)) {
      this.s.stretch = away.held.stretch;
      this.s.pending = away.held.pending;
      this.s.deadline = away.held.deadline;
      this.s.awaySince = null;
      if (away.held.phase === 'deferred') {
        this.s.phase = 'deferred';
        return this.arm();
      }
      if (away.held.phase === 'due' && now >= this.promptNotBefore) {
        this.s.phase = 'due';
        return this.arm();
      }
      this.s.deadline = Math.max(away.held.deadline ?? now, this.promptNotBefore);
      this.s.phase = 'sitting';
      return this.arm();
    }
    if (away.held) {
      this.s.stretch = away.held.stretch;
      this.s.pending = away.held.pending;
      if (this.s.pending) this.resolvePending('natural', Math.max(this.s.pending.dueAt, away.since));
      this.closeStretch(away.since, 'natural');
    }
    if (!this.withinWorkingHours(now)) {
      this.s.phase = 'off-hours';
      this.s.awaySince = null;
      return this.arm();
    }
    this.openStretch(now);
  }

  // ---------------------------------------------------------------- working hours and calendar

  private withinWorkingHours(now: number): boolean {
    return isWithinWorkingHours(new Date(now), this.settings.workingHours);
  }

  private evaluateWorkingHours(now: number): void {
    const within = this.withinWorkingHours(now);
    if (!within && this.s.phase !== 'off-hours' && this.s.phase !== 'paused') this.enterQuiet('off-hours', now);
    else if (within && this.s.phase === 'off-hours') this.resumeActivity(now);
  }

  /**
   * Every calendar job, afresh: working-hours edges and reminders. Called on start, on resume
   * (so runs missed while asleep are dropped, not replayed), after settings changes and jumps.
   */
  private scheduleCalendar(): void {
    this.calendar.clear();
    if (!this.started) return;
    this.scheduleWorkingHoursEdge();
    for (const kind of ['checkin', 'weekly-summary', 'setup-recheck'] as const) this.scheduleReminder(kind);
    this.scheduleBackup();
  }

  /**
   * The next daily backup. After a sleep or a forward clock move the day may already be over:
   * then it is made now, and the next one a day later (a time in the past is never armed).
   */
  private scheduleBackup(): void {
    const now = this.clock.now();
    const base = this.lastBackupAt !== null && this.lastBackupAt <= now ? this.lastBackupAt : now;
    if (base + BACKUP_EVERY_MS <= now) this.backupIfDue();
    const from = this.lastBackupAt !== null && this.lastBackupAt <= now ? this.lastBackupAt : now;
    this.calendar.at('backup', new Date(Math.max(from + BACKUP_EVERY_MS, now + MINUTE)), () => {
      this.backupIfDue();
      this.scheduleBackup();
    });
  }

  private scheduleWorkingHoursEdge(): void {
    const edge = nextWorkingHoursEdge(new Date(this.clock.now()), this.settings.workingHours);
    if (!edge) return this.calendar.cancel('working-hours');
    this.calendar.at('working-hours', edge, () => {
      this.wake();
      this.evaluateWorkingHours(this.clock.now());
      this.scheduleWorkingHoursEdge();
      this.commit();
    });
  }

  private reminderTime(kind: ReminderKind, now: Date): Date | null {
    const { checkinReminder, weeklySummaryReminder, recheckDays } = this.settings;
    switch (kind) {
      case 'checkin':
        return checkinReminder && nextWeeklyOccurrence(now, checkinReminder.days, checkinReminder.time);
      case 'weekly-summary':
        return weeklySummaryReminder && nextWeeklyOccurrence(now, [weeklySummaryReminder.day], weeklySummaryReminder.time);
      case 'setup-recheck': {
        const lastCheck = this.history.all.checklists.at(-1)?.at ?? null;
        const due = setupRecheckDueAt(lastCheck, recheckDays, this.profile.movedDeskAt);
        // Once overdue, it is offered once a day at 10:00 rather than at every start.
        if (!due) return null;
        return due.getTime() > now.getTime() ? due : nextWeeklyOccurrence(now, [0, 1, 2, 3, 4, 5, 6], '10:00');
      }
    }
  }

  private scheduleReminder(kind: ReminderKind): void {
    const when = this.reminderTime(kind, new Date(this.clock.now()));
    if (when) this.calendar.at(kind, when, () => this.remind(kind));
    else this.calendar.cancel(kind);
  }

  private remind(kind: ReminderKind): void {
    this.wake();
    if (this.s.phase !== 'paused') {
      const reminder: Reminder = { kind, at: new Date(this.clock.now()).toISOString() };
      for (const listener of [...this.reminderListeners]) {
        try {
          listener(reminder);
        } catch {
          // A failing listener must not stop the others or the schedule.
        }
      }
    }
    this.scheduleReminder(kind);
  }

  // ---------------------------------------------------------------- timers

  /** Every timer callback and every dispatch starts here: notice a wall-clock change first. */
  private wake(): void {
    // Away periods under lock or suspend are measured with Date alone (DESIGN.md), so the two
    // clocks are not compared across them.
    if (this.s.systemAway) {
      this.watch.rebase();
      return;
    }
    const jump = this.watch.check();
    if (jump !== 0) this.shiftClock(jump);
  }

  /** The user moved the wall clock: keep durations, move the anchors with it. */
  private shiftClock(by: number): void {
    shiftAnchors(this.s, by);
    // The new time may fall on the other side of a working-hours edge.
    this.evaluateWorkingHours(this.clock.now());
    this.scheduleCalendar();
    this.arm();
  }

  private clearTimers(): void {
    if (this.eventTimer !== null) this.clock.clearTimeout(this.eventTimer);
    if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
    this.eventTimer = null;
    this.pollTimer = null;
  }

  /** One timer for the next event, plus the idle poll while it matters. Nothing else ticks. */
  private arm(): void {
    if (this.eventTimer !== null) this.clock.clearTimeout(this.eventTimer);
    this.eventTimer = null;
    if (!this.started) return;
    const now = this.clock.now();
    let delay: number | null = null;
    if ((this.s.phase === 'sitting' || this.s.phase === 'deferred') && this.s.deadline !== null) delay = this.s.deadline - now;
    // Paused and off-hours have no idle poll, so their one timer also wakes each minute: a wall
    // clock moved past the pause's end or a working-hours edge is then noticed within a minute.
    else if (this.s.phase === 'paused' && this.s.pausedUntil !== null) delay = Math.min(this.s.pausedUntil - now, QUIET_RECHECK_MS);
    else if (this.s.phase === 'off-hours') delay = QUIET_RECHECK_MS;
    else if (this.s.phase === 'routine' && this.s.routine)
      delay = this.s.routine.startedMono + ROUTINE_TIMEOUT_MS - this.clock.monotonic();
    // Long waits (a pause of weeks) are split: a timer cannot wait past about 24.8 days.
    if (delay !== null)
      this.eventTimer = this.clock.setTimeout(() => this.onEventTimer(), Math.min(Math.max(0, delay), MAX_TIMER_MS));

    const polling = POLLED_PHASES.has(this.s.phase) && !this.s.systemAway;
    if (!polling) {
      if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
      this.pollTimer = null;
    } else if (this.pollTimer === null) this.schedulePoll();
  }

  /**
   * The idle poll. Idle time says when input stopped, so polling more often adds no accuracy:
   * while at the desk the next look is when idle time could first reach the natural-break
   * threshold (never sooner than idlePollSec); while away, every AWAY_POLL_MS.
   */
  private schedulePoll(): void {
    if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
    const floor = this.settings.idlePollSec * 1000;
    const wait =
      this.s.phase === 'away'
        ? Math.max(floor, AWAY_POLL_MS)
        : Math.max(floor, this.naturalMs - this.lastIdleMs);
    this.pollTimer = this.clock.setTimeout(() => {
      this.pollTimer = null;
      this.onPoll();
    }, wait);
  }

  private onEventTimer(): void {
    this.eventTimer = null;
    this.wake();
    const now = this.clock.now();
    if (this.s.phase === 'sitting' && this.s.deadline !== null) {
      if (this.s.deadline <= now) this.becomeDue(now);
      else this.arm();
    } else if (this.s.phase === 'deferred' && this.s.deadline !== null) {
      if (this.s.deadline <= now) {
        this.releaseHold(now, this.holdWanted());
        // Holding ended by maxDeferMin while still busy: the prompt comes anyway (quietly).
      }
      this.arm();
    } else if (this.s.phase === 'paused' && this.s.pausedUntil !== null) {
      if (this.s.pausedUntil <= now) {
        this.s.pausedUntil = null;
        this.resumeActivity(now);
      } else this.arm();
    } else if (this.s.phase === 'off-hours') {
      this.evaluateWorkingHours(now);
      if (this.s.phase === 'off-hours') this.arm();
    } else if (this.s.phase === 'routine' && this.s.routine) {
      if (this.clock.monotonic() - this.s.routine.startedMono >= ROUTINE_TIMEOUT_MS) {
        this.finishRoutine('timeout', null);
        this.resumeActivity(now);
      } else this.arm();
    }
    this.commit();
  }

  private onPoll(): void {
    this.wake();
    const now = this.clock.now();
    const idle = this.idleMs();
    if (this.s.phase === 'sitting' || this.s.phase === 'due' || this.s.phase === 'deferred') {
      if (idle >= this.naturalMs) this.goAwayFromIdle(now - idle);
    } else if (this.s.phase === 'away' && !this.s.systemAway) {
      if (idle < this.naturalMs) this.openStretch(Math.max(now - idle, this.s.awaySince ?? 0));
    }
    if (this.s.stretch && now - this.lastHeartbeat >= HEARTBEAT_MS) this.saveRuntime(true);
    this.arm();
    this.commit();
  }

  // ---------------------------------------------------------------- persistence and events

  private runtime(): Runtime {
    return runtimeOf(this.s, this.clock.now());
  }

  private saveRuntime(force = false): void {
    const runtime = this.runtime();
    const { savedAt: _savedAt, ...content } = runtime;
    const key = JSON.stringify(content);
    if (!force && key === this.lastRuntime) return;
    if (this.runtimeStore.save(runtime)) {
      this.lastRuntime = key;
      this.lastHeartbeat = this.clock.now();
    }
  }

  /** Cheap fingerprint of everything `getState()` and the runtime file show. */
  private stateKey(): string {
    return stateKey(this.s, this.settingsVersion, this.warningsVersion);
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
