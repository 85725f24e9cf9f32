/**
 * Opens every store of a data folder, in order: the single-writer lock first (a second
 * Movesnack on the same folder opens it read-only and says so), then settings, history,
 * runtime, adaptations and backups. Only main/core/store* touch the disk.
 */
import { notice, tell, type Warn } from '../../shared/engine-messages';
import { SettingsStore } from './store-settings';
import { HistoryStore } from './store-history';
import { RuntimeStore } from './store-runtime';
import { AdaptationsStore } from './store-adaptations';
import { BackupStore } from './store-backups';
import { DataLock } from './store-lock';

export interface Stores {
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
