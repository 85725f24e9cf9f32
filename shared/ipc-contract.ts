import { z } from 'zod';
import type { CompanionState } from './state';
import type { Profile } from './profile';
import type { BreakRecord, Checklist, Checkin, Discomfort } from './history';
import type { WeeklySummary, StretchObservation } from './summary';
import type { MovesnackExport } from './export-format';
import type { SmartIntervalResult } from './smart-interval';
import type { ReaskReason } from './red-flags';
import type { ReportRow } from './program/summaries';

/** One day's activity, for the dashboard timeline. Open stretches have `end: null`. */
export interface DayView {
  date: string;
  stretches: StretchObservation[];
  breaks: BreakRecord[];
  discomforts: Discomfort[];
  snoozes: number;
  /** Minutes the pending break has been held while the user was busy; null when it never was. */
  heldMin?: number | null;
}

export interface ProgressView {
  summaries: WeeklySummary[];
  checkins: Checkin[];
}

/** The engine's step swaps ("worse" answers), for the prompt. */
export interface StepSwapsView {
  /** Exercise ids swapped for a gentler one. */
  swapped: string[];
  /** Swapped steps to offer again (good sessions since), with the user's consent. */
  reoffer: string[];
  /** The steps of a routine that just felt worse, to ask which one; null when there is none. */
  askWhichStep: string[] | null;
}

/** The smart-interval offer (the engine computes it from its history and keeps its memory). */
export interface SmartIntervalView {
  /** The suggestion, or why there is none; null while the offer is off. */
  result: SmartIntervalResult | null;
  /** Set while a suggestion the user put off ("not now") is hidden. */
  dismissedUntil: string | null;
  lastRaiseAt: string | null;
}

/**
 * The home program's read view: main/core/program/view.ts `ProgramView`, field for field
 * (renderer/data/program.ts restates it in full; shared/ may not import main/). Only the fields
 * every caller needs are named here; the rest arrive as the engine built them.
 */
export interface ProgramViewWire {
  started: boolean;
  /** Set while the safety gate holds the program: then nothing is offered. */
  held: { code: string; text: string } | null;
}

/** Whether to ask the safety questions again, counting program setbacks with break answers. */
export interface SafetyReaskView {
  /** shared/red-flags.ts reaskReason over break feelings and program sessions; null: no need. */
  reason: ReaskReason | null;
  /** The "worse" answers counted (breaks and program sessions) in the last 7 days, oldest first. */
  worse: { at: string; source: 'break' | 'program' }[];
  /** The last program session in those 7 days whose leg felt worse (ISO), or null. */
  legWorseAt: string | null;
}

/** One of the rotating daily copies of the history. */
export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
}

const isoOrNothing = z.iso.datetime({ offset: true }).optional();

/**
 * Request/response channels: name -> argument schema. The renderer calls them through
 * `window.movesnack`; `main/ipc.ts` validates the arguments and answers from the engine.
 */
export const invokeArgs = {
  getState: z.tuple([]),
  dispatch: z.tuple([z.unknown()]),
  getProfile: z.tuple([]),
  getDay: z.tuple([isoOrNothing]),
  weeklySummary: z.tuple([isoOrNothing]),
  getProgress: z.tuple([z.number().int().min(1).max(104)]),
  getChecklists: z.tuple([]),
  exportData: z.tuple([]),
  importData: z.tuple([z.unknown()]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([z.string().min(1).max(100)]),
  getStepSwaps: z.tuple([]),
  getSmartInterval: z.tuple([]),
  /** The home program's view at the engine's now. */
  getProgram: z.tuple([]),
  /** The home program's therapist-report rows over [from, to) (ISO; default: the last 4 weeks). */
  getProgramReport: z.tuple([isoOrNothing, isoOrNothing]),
  getSafetyReask: z.tuple([]),
} as const;

export interface InvokeResults {
  getState: CompanionState;
  dispatch: CompanionState;
  getProfile: Profile;
  getDay: DayView;
  weeklySummary: WeeklySummary;
  getProgress: ProgressView;
  getChecklists: Checklist[];
  exportData: MovesnackExport;
  importData: { imported: number; skipped?: number; problems?: string[] };
  listBackups: BackupInfo[];
  restoreBackup: { imported: number; skipped?: number; problems?: string[] };
  getStepSwaps: StepSwapsView;
  getSmartInterval: SmartIntervalView;
  getProgram: ProgramViewWire;
  getProgramReport: ReportRow[];
  getSafetyReask: SafetyReaskView;
}

export type InvokeChannel = keyof typeof invokeArgs;
export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeArgs)[C]>;
export const INVOKE_CHANNELS = Object.keys(invokeArgs) as InvokeChannel[];

/**
 * Channels only the desktop shell answers (they need a window, not the engine). In a browser
 * they are absent from `window.movesnack`, and the renderer falls back (e.g. to window.print()).
 */
export const shellInvokeArgs = {
  /** Print the calling page to PDF and let the user choose where to save it. */
  // A plain file name: letters, digits, space . ( ) - _, not ending in a dot or space, and not a
  // Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension).
  savePdf: z.tuple([
    z
      .string()
      .min(1)
      .max(80)
      .regex(/^(?!(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:[ .].*)?$)[\w .()-]*[\w()-]$/i, 'a plain file name'),
  ]),
  /** Read-only: whether this shell can tell when the user steps away (DesktopStatus). */
  desktopStatus: z.tuple([]),
} as const;

/**
 * What the shell can see of this desktop. `idle: 'cant-tell'` means no idle source works here:
 * breaks are timed by the clock alone and time away from the keyboard is not subtracted.
 */
export interface DesktopStatus {
  idle: 'ok' | 'cant-tell';
  /** The idle source in use ('electron-powerMonitor', 'x11-screensaver', 'mutter', …), or 'none'. */
  source: string;
}

export interface ShellResults {
  savePdf: { savedTo: string | null };
  desktopStatus: DesktopStatus;
}
export type ShellChannel = keyof typeof shellInvokeArgs;
export const SHELL_CHANNELS = Object.keys(shellInvokeArgs) as ShellChannel[];

/** Events main sends to every window. */
export interface EventPayloads {
  state: CompanionState;
  /** Ask the window to show a view (tray "Settings", a notification click). */
  navigate: View;
}
export type EventChannel = keyof EventPayloads;
export const EVENT_CHANNELS: EventChannel[] = ['state', 'navigate'];

export const VIEWS = [
  'dashboard',
  'prompt',
  'routine',
  'settings',
  'progress',
  'checkin',
  'setup',
  'first-run',
  'program',
] as const;
export type View = (typeof VIEWS)[number];

/** Wire names: one prefix, so the preload and main can refuse anything else. */
export const CHANNEL_PREFIX = 'movesnack:';
export const wireName = (channel: InvokeChannel | ShellChannel | EventChannel) => `${CHANNEL_PREFIX}${channel}`;

/** The typed API the preload exposes as `window.movesnack`. */
export type MovesnackApi = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResults[C]>;
} & {
  [C in ShellChannel]?: (...args: z.input<(typeof shellInvokeArgs)[C]>) => Promise<ShellResults[C]>;
} & {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** Errors cross IPC as plain objects; this is their shape. */
export interface IpcFailure {
  ok: false;
  error: string;
  /** A refusal's stable code and parameters (shared/engine-messages.ts), for the user's language. */
  code?: string;
  params?: Record<string, string | number>;
}
export interface IpcSuccess<T> {
  ok: true;
  value: T;
}
export type IpcResult<T> = IpcSuccess<T> | IpcFailure;
