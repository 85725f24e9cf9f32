import type { Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';
import type { WeeklySummary } from '../../shared/summary';
import type { MovesnackExport } from '../../shared/export-format';
import type { Profile } from '../../shared/profile';
import type { Checklist } from '../../shared/history';
import type { DayView, ProgressView } from '../../shared/ipc-contract';
import type { Reminder } from '../../shared/reminders';
import type { BackupInfo } from './store-backups';
import type { ServiceFactory } from './services';
import type { ReportRow } from '../../shared/program/summaries';
import type { ProgramViewWire, SafetyReaskView } from '../../shared/ipc-contract';

export type { Clock } from './clock-contract';
import type { Clock } from './clock-contract';

export type { StepSwapsView, SmartIntervalView } from '../../shared/ipc-contract';
import type { SmartIntervalView, StepSwapsView } from '../../shared/ipc-contract';

export interface CompanionOptions {
  /** Store files live here (Electron: app.getPath('userData')). */
  dataDir: string;
  /** Seconds since the last keyboard or mouse input (Electron: powerMonitor.getSystemIdleTime). */
  idleSeconds?: () => number;
  /** Time source and timers; defaults to the real ones (see Clock). */
  clock?: Clock;
  /** Open the folder without writing or moving anything (the CLI reading while the app runs). */
  readOnly?: boolean;
  /**
   * Separate services run beside the engine (main/core/services.ts), e.g. the home program:
   * each gets the clock, the data folder, the safety gate and the profile, and its actions,
   * export section, import and timer re-arming go through the runner.
   */
  services?: ServiceFactory[];
}

export interface Companion {
  start(): void;
  stop(): Promise<void>;
  getState(): CompanionState;
  dispatch(action: Action | unknown): CompanionState;
  subscribe(fn: (state: CompanionState) => void): () => void;
  weeklySummary(weekOf?: Date): WeeklySummary;
  exportData(): MovesnackExport;
  /** Counts the new records; `skipped`/`problems` name records left out (the rest still merge). */
  importData(data: unknown): { imported: number; skipped?: number; problems?: string[] };
  // Beyond DESIGN.md's contract: read-only views the UI needs.
  getProfile(): Profile;
  getDay(date?: Date): DayView;
  getProgress(weeks: number): ProgressView;
  getChecklists(): Checklist[];
  /** Calendar reminders (check-in, weekly summary, workstation re-check) for the shell to show. */
  onReminder(fn: (reminder: Reminder) => void): () => void;
  /** The rotating daily copies of the history, newest first. */
  listBackups(): BackupInfo[];
  /** Swapped steps, steps offered again, and the steps of a routine that just felt worse. */
  getStepSwaps(): StepSwapsView;
  /** The smart-interval offer and its memory (accepted through interval/accept, interval/dismiss). */
  getSmartInterval(): SmartIntervalView;
  /** Merges a backup back in (like an import: only missing records are added). */
  restoreBackup(name: string): { imported: number; skipped?: number; problems?: string[] };
  /**
   * The home program's view; throws when the program service is not running. Its full type is
   * main/core/program `ProgramView` (named here by its shared part: the program's files import
   * this one, so this file may not import them).
   */
  getProgram(now?: number): ProgramViewWire;
  /** The home program's rows for the therapist report over [from, to) (default: the last 4 weeks). */
  getProgramReport(from?: Date, to?: Date): ReportRow[];
  /** The safety check's re-ask, counting program setbacks with break answers. */
  getSafetyReask(): SafetyReaskView;
}
