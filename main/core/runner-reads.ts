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
import type { Feedback } from './feedback';
import type { EngineService } from './services';
import type { SmartIntervalView } from './smart-interval-offer';
import { exportFrom } from './transfer-sections';
import { heldMinutes, iso, newCoreData, type CoreData } from './engine/model';

export abstract class EngineReads {
  protected clock!: Clock;
  protected st!: Stores;
  protected feedback!: Feedback;
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
    return this.views.weeklySummary(this.openStretchObservation(), weekOf ?? now, now);
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
    return this.views.progress(weeks, this.openStretchObservation(), new Date(this.clock.now()));
  }

  getChecklists(): Checklist[] {
    return structuredClone(this.st.history.all.checklists);
  }

  getStepSwaps(): StepSwapsView {
    return this.feedback.stepSwaps(this.clock.now());
  }

  getSmartInterval(): SmartIntervalView {
    return this.feedback.smartInterval(this.st.history.all, this.openStretchObservation(), this.settings, this.clock.now());
  }

  protected openStretchObservation() {
    const stretch = this.s.stretch;
    return stretch ? { start: iso(stretch.start)!, end: null, discomfortAt: iso(stretch.discomfortAt) } : null;
  }
}
