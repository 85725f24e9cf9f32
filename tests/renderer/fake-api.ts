import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProgramService, type ProgramView } from '../../main/core/program';
import { ManualClock } from '../support/manual-clock';
import type { Action } from '../../shared/actions';
import { parseAction } from '../../shared/actions';
import type { DayView, EventChannel, EventPayloads, MovesnackApi } from '../../shared/ipc-contract';
import { DEFAULT_PROFILE, safetyGateOpen, type Profile } from '../../shared/profile';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { CompanionState } from '../../shared/state';
import type { WeeklySummary } from '../../shared/summary';

export const NOW = new Date('2026-11-24T10:00:00');
/** Monday 23 November 2026, 00:00 local: the week of NOW. */
export const THIS_MONDAY = new Date(2026, 10, 23);
export const WEEK = 7 * 24 * 60 * 60_000;

export type WeekPatch = Partial<Omit<WeeklySummary, 'checkins' | 'breaks'>> & {
  checkins?: Partial<WeeklySummary['checkins']>;
  breaks?: Partial<WeeklySummary['breaks']>;
};

/** A plausible weekly summary `weeksAgo` weeks before the week of NOW, with `patch` over it. */
export function weekSummary(weeksAgo: number, patch: WeekPatch = {}): WeeklySummary {
  const { checkins, breaks, ...rest } = patch;
  return {
    weekStart: new Date(THIS_MONDAY.getTime() - weeksAgo * WEEK).toISOString(),
    sittingMinutes: 600,
    stretchCount: 14,
    longestStretchMin: 58,
    tolerance: { medianMin: 30, atLeastMin: null },
    previousTolerance: { medianMin: 30, atLeastMin: null },
    routineMinutes: 9,
    feelings: { better: 4, same: 4, worse: 1 },
    wins: [],
    ...rest,
    breaks: { due: 14, taken: 9, skipped: 3, natural: 2, snoozes: 2, adherence: 0.75, deferred: 0, ...breaks },
    checkins: { count: 2, painLow: 2, painHigh: 5, stiffnessMin: 20, walkingMin: 30, confidence: 5, ...checkins },
  };
}

export function makeState(
  patch: Partial<Omit<CompanionState, 'settings'>> & { settings?: Partial<Settings> } = {},
): CompanionState {
  const { settings, ...rest } = patch;
  return {
    phase: 'sitting',
    stretchStart: new Date(NOW.getTime() - 18 * 60_000).toISOString(),
    nextBreakAt: new Date(NOW.getTime() + 12 * 60_000).toISOString(),
    snoozesLeft: 3,
    routine: null,
    pausedUntil: null,
    warnings: [],
    busy: [],
    deferredSince: null,
    ...rest,
    settings: { ...DEFAULT_SETTINGS, ...settings },
  };
}

export function emptyDay(): DayView {
  return { date: NOW.toISOString().slice(0, 10), stretches: [], breaks: [], discomforts: [], snoozes: 0 };
}

type Reducer = (state: CompanionState, action: Action) => CompanionState;

/**
 * An in-memory window.movesnack: records every dispatch, answers from a state the test sets,
 * and can refuse like the engine does (by throwing). It does not schedule anything.
 */
export function createFakeApi(
  initial: CompanionState,
  options: { day?: DayView; reduce?: Reducer; profile?: Partial<Profile> } = {},
) {
  let state = initial;
  // A returning user unless the test says otherwise (a new user is sent to the first run).
  // A returning user: first run done and the safety check answered with no warning signs.
  let profile: Profile = {
    ...DEFAULT_PROFILE,
    firstRunDone: true,
    redFlags: { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null },
    ...options.profile,
  };
  let day = options.day ?? emptyDay();
  const dispatched: Action[] = [];
  const listeners: { [E in EventChannel]: Set<(payload: EventPayloads[E]) => void> } = {
    state: new Set(),
    navigate: new Set(),
  };
  let refuse: ((action: Action) => string | null) | null = null;
  let dayCalls = 0;

  const api: MovesnackApi = {
    getState: async () => state,
    dispatch: async (raw) => {
      const action = parseAction(raw);
      dispatched.push(action);
      const refusal = refuse?.(action);
      if (refusal) throw new Error(refusal);
      if (action.type === 'profile/save') profile = { ...profile, ...action.profile };
      state = options.reduce ? options.reduce(state, action) : defaultReduce(state, action);
      return state;
    },
    getProfile: async () => ({ ...profile }),
    getDay: async () => {
      dayCalls += 1;
      return day;
    },
    weeklySummary: async () => {
      throw new Error('not in this fake');
    },
    getProgress: async () => ({ summaries: [], checkins: [] }),
    getChecklists: async () => [],
    exportData: async () => {
      throw new Error('not in this fake');
    },
    importData: async () => ({ imported: 0 }),
    listBackups: async () => [],
    restoreBackup: async () => ({ imported: 0 }),
    getStepSwaps: async () => ({ swapped: [], reoffer: [], askWhichStep: null }),
    getSmartInterval: async () => ({ result: null, dismissedUntil: null, lastRaiseAt: null }),
    // The home program's reads: addProgram (below) puts the real service behind getProgram.
    getProgram: async () => {
      throw new Error('not in this fake (addProgram adds the program)');
    },
    getProgramReport: async () => [],
    getSafetyReask: async () => ({ reason: null, worse: [], legWorseAt: null }),
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => set.delete(listener);
    },
  };

  return {
    api,
    dispatched,
    get state() {
      return state;
    },
    get dayCalls() {
      return dayCalls;
    },
    get profile() {
      return profile;
    },
    /** Pretend the engine changed on its own (a timer fired) and told every window. */
    emit(next: CompanionState) {
      state = next;
      for (const l of listeners.state) l(next);
    },
    navigate(view: EventPayloads['navigate']) {
      for (const l of listeners.navigate) l(view);
    },
    setDay(next: DayView) {
      day = next;
    },
    refuseWith(fn: ((action: Action) => string | null) | null) {
      refuse = fn;
    },
  };
}

/** Just enough of the engine's answers for the screens to move on. */
function defaultReduce(state: CompanionState, action: Action): CompanionState {
  switch (action.type) {
    case 'settings/update':
      return { ...state, settings: { ...state.settings, ...action.settings } };
    case 'break/snooze':
      return { ...state, phase: 'sitting', snoozesLeft: state.snoozesLeft - 1 };
    case 'break/skip':
      return { ...state, phase: 'sitting', snoozesLeft: state.settings.maxSnoozes };
    case 'break/start':
      return { ...state, phase: 'routine', nextBreakAt: null, routine: state.routine };
    case 'routine/complete':
    case 'routine/abandon':
      return { ...state, phase: 'sitting', routine: null };
    case 'pause':
      return { ...state, phase: 'paused', pausedUntil: action.until, nextBreakAt: null };
    case 'resume':
      return {
        ...state,
        phase: 'sitting',
        pausedUntil: null,
        stretchStart: new Date(Date.now()).toISOString(),
        nextBreakAt: new Date(Date.now() + state.settings.breakIntervalMin * 60_000).toISOString(),
      };
    default:
      return state;
  }
}

/**
 * The home program behind a fake API: the REAL ProgramService (main/core/program) on a temporary
 * data folder and a ManualClock, so the page's actions run the engine's own rules and its view is
 * the engine's. `program/*` actions go to the service; everything else to the fake as before.
 * `getProgram` is the read view the shell adds to window.movesnack.
 */
export function addProgram(
  fake: ReturnType<typeof createFakeApi>,
  options: { clock?: ManualClock; start?: string | number } = {},
) {
  const clock = options.clock ?? new ManualClock(options.start ?? NOW.getTime());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-program-'));
  const service = createProgramService({
    dataDir: dir,
    clock,
    gateOpen: () => safetyGateOpen(fake.profile),
    profile: () => fake.profile,
  });
  const dispatched: unknown[] = [];
  const api = fake.api as MovesnackApi & { getProgram: () => Promise<ProgramView> };
  const plain = api.dispatch;
  api.dispatch = async (raw) => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith('program/')) {
      dispatched.push(raw);
      service.dispatch(raw);
      return fake.state;
    }
    return plain(raw);
  };
  api.getProgram = async () => service.view();
  return {
    service,
    clock,
    dispatched,
    /** Moves the engine's clock and announces a state change, as the engine does. */
    advance(ms: number) {
      clock.advance(ms);
      fake.emit(fake.state);
    },
    cleanup() {
      service.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
