/**
 * Opens every store of a data folder, in order: the single-writer lock first (a second
 * Movesnack on the same folder opens it read-only and says so), then settings, history,
 * runtime, adaptations and backups. Only main/core/store* touch the disk.
 */
import { notice, tell, type Warn } from '../../shared/engine-messages';
import type { MovesnackExport } from '../../shared/export-format';
import { DAY_MS } from '../../shared/time-rules';
import { SettingsStore } from './store-settings';
import { HistoryStore } from './store-history';
import { RuntimeStore } from './store-runtime';
import { AdaptationsStore } from './store-adaptations';
import { BackupStore } from './store-backups';
import { DataLock } from './store-lock';

/** The daily backup's period. */
export const BACKUP_EVERY_MS = DAY_MS;

export interface Stores {
  /** True when nothing may be written (asked for, or another Movesnack holds the folder). */
  readOnly: boolean;
  lock: DataLock;
  settings: SettingsStore;
  history: HistoryStore;
  runtime: RuntimeStore;
  adaptations: AdaptationsStore;
  backups: BackupStore;
}

export function openStores(
  dataDir: string,
  options: { readOnly: boolean; warn: Warn; afterFolderLoss: () => void; nowIso: string },
): Stores {
  const { warn } = options;
  const lock = new DataLock(dataDir);
  let readOnly = options.readOnly;
  if (!readOnly) {
    const owner = lock.acquire();
    if (owner !== null) {
      readOnly = true;
      tell(warn, notice('lock.other-owner', { owner }));
    }
  }
  const settings = new SettingsStore(dataDir, warn, readOnly);
  // The data folder vanished while running: everything known is written back.
  const rewrite = () => {
    settings.persist();
    stores.adaptations.save();
    options.afterFolderLoss();
  };
  const stores: Stores = {
    readOnly,
    lock,
    settings,
    history: new HistoryStore(dataDir, warn, rewrite, readOnly),
    runtime: new RuntimeStore(dataDir, warn, readOnly),
    adaptations: new AdaptationsStore(dataDir, warn, readOnly),
    backups: new BackupStore(dataDir, warn, readOnly),
  };
  stores.settings.load();
  stores.history.load();
  stores.adaptations.load(options.nowIso);
  return stores;
}

/**
 * Everything in memory onto the disk before quitting, tried twice. No waiting on a timer: a
 * quit must not hang on a clock (fake timers or an injected clock may never move again).
 */
export function flushForQuit(stores: Stores): boolean {
  const flushAll = () => {
    const history = stores.history.flush();
    const settings = stores.settings.unsaved ? stores.settings.retry() : true;
    return history && settings;
  };
  return flushAll() || flushAll();
}

/**
 * A copy of the history once a day while there is any, the last few kept. Returns when the
 * copy was made, or null when none was due (or it could not be written).
 */
export function backupIfDue(stores: Stores, lastBackupAt: number | null, now: number, exportData: () => MovesnackExport): number | null {
  const all = stores.history.all;
  const empty = all.stretches.length + all.breaks.length + all.checkins.length + all.checklists.length === 0;
  if (empty || (lastBackupAt !== null && now - lastBackupAt < BACKUP_EVERY_MS && lastBackupAt <= now)) return null;
  return stores.backups.create(exportData(), new Date(now)) ? now : null;
}
