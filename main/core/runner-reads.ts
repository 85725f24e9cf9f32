/**
 * What the runner shows without changing anything: the views of history and the open stretch,
 * the export, the step swaps and the smart-interval offer. The runner (companion.ts) extends
 * this and fills the fields in its constructor.
 */
import type { Settings } from '../../shared/settings';
import type { Profile } from '../../shared/profile';
import type { Checklist } from '../../shared/history';
import type { WeeklySummary } from '../../shared/summary';
import type { MovesnackExport } from '../../shared/export-format';
import type { DayView, ProgressView } from '../../shared/ipc-contract';
import type { Clock } from './clock-contract';
import type { StepSwapsView } from './types';
import type { BackupInfo } from './store-backups';
import type { Stores } from './stores';
import type { HistoryViews } from './history-views';
import type { EngineService } from './services';
import { smartIntervalOffer, type SmartIntervalView } from './smart-interval-offer';
import { stepSwapsView } from './engine/feedback';
import { exportFrom } from './transfer-sections';
import type { ProgramView } from './program';
import type { ReportRow } from '../../shared/program/summaries';
import { programOf, safetyReask } from './program-service-adapter';
import type { SafetyReaskView } from '../../shared/ipc-contract';
import { heldMinutes, iso, newCoreData, type CoreData } from './engine/model';

export abstract class EngineReads {
  protected clock!: Clock;
  protected st!: Stores;
  protected views!: HistoryViews;
  /** Separate services beside the core (services.ts), e.g. the home program. */
  protected services!: EngineService[];
  /** The engine's data; only the pure core changes it (engine/reducer.ts). */
  protected s: CoreData = newCoreData();

  protected get settings(): Settings {
    return this.st.settings.settings;
  }
  protected get profile(): Profile {
    return this.st.settings.profile;
  }

  weeklySummary(weekOf?: Date): WeeklySummary {
    const now = new Date(this.clock.now());
    return this.withProgramWeek(this.views.weeklySummary(this.openStretchObservation(), weekOf ?? now, now));
  }

  /** A week's summary with the home program's week added (adherence, lane, …) when it runs. */
  private withProgramWeek(summary: WeeklySummary): WeeklySummary {
    const program = programOf(this.services);
    return program ? { ...summary, program: program.weekSummary(new Date(summary.weekStart)) } : summary;
  }

  /** The home program's view for the UI (what to show and offer now). */
  getProgram(now?: number): ProgramView {
    return this.requireProgram().view(now ?? this.clock.now());
  }

  /** The home program's rows for the therapist report over [from, to) (default: the last 4 weeks). */
  getProgramReport(from?: Date, to?: Date): ReportRow[] {
    const end = to?.getTime() ?? this.clock.now();
    const start = from?.getTime() ?? end - 28 * 24 * 60 * 60 * 1000;
    return this.requireProgram().reportRows(start, end);
  }

  /**
   * Whether to ask the safety questions again (shared/red-flags.ts reaskReason), counting the
   * program's "worse" / "leg felt worse" sessions with the break answers of the last 7 days.
   */
  getSafetyReask(): SafetyReaskView {
    const now = this.clock.now();
    return safetyReask(this.profile, this.st.history.all.breaks, programOf(this.services), now);
  }

  private requireProgram() {
    const program = programOf(this.services);
    if (!program) throw new Error('The home program is not running in this Movesnack.');
    return program;
  }

  exportData(): MovesnackExport {
    const data = exportFrom(this.st, this.settings, this.profile, this.clock.now()) as MovesnackExport & Record<string, unknown>;
    for (const service of this.services) {
      const section = service.exportSection?.();
      if (section) data[section.name] = section.value;
    }
    return data;
  }

  listBackups(): BackupInfo[] {
    return this.st.backups.list();
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
    const view = this.views.progress(weeks, this.openStretchObservation(), new Date(this.clock.now()));
    return { ...view, summaries: view.summaries.map((summary) => this.withProgramWeek(summary)) };
  }

  getChecklists(): Checklist[] {
    return structuredClone(this.st.history.all.checklists);
  }

  getStepSwaps(): StepSwapsView {
    return stepSwapsView(this.st.adaptations.value, this.clock.now());
  }

  getSmartInterval(): SmartIntervalView {
    const settings = this.settings;
    const memory = this.st.adaptations.value.smartInterval;
    const open = this.openStretchObservation();
    return smartIntervalOffer(this.st.history.all, open, memory, settings.breakIntervalMin, settings.smartInterval, this.clock.now());
  }

  protected openStretchObservation() {
    const stretch = this.s.stretch;
    return stretch ? { start: iso(stretch.start)!, end: null, discomfortAt: iso(stretch.discomfortAt) } : null;
  }
}
