/**
 * Export and import of everything the engine keeps: the history (data-transfer.ts) plus the
 * optional sections of engine memory that is not history (shared/export-format.ts).
 */
import type { Settings } from '../../shared/settings';
import type { Profile } from '../../shared/profile';
import { readSection, type MovesnackExport } from '../../shared/export-format';
import { exportHistory, importHistory, type ImportResult } from './data-transfer';
import { SmartIntervalMemorySchema } from './store-adaptations';
import { mergeSmartIntervalMemory } from './smart-interval-offer';
import type { Stores } from './stores';

export function exportFrom(stores: Stores, settings: Settings, profile: Profile, now: number): MovesnackExport {
  return {
    ...exportHistory(stores.history, settings, profile),
    exportedAt: new Date(now).toISOString(),
    smartInterval: { ...stores.adaptations.value.smartInterval },
  };
}

export function importInto(stores: Stores, data: unknown): ImportResult {
  const result = importHistory(stores.history, data);
  const memory = readSection(data as Record<string, unknown>, 'smartInterval', SmartIntervalMemorySchema);
  if (memory) {
    const adaptations = stores.adaptations;
    adaptations.value.smartInterval = mergeSmartIntervalMemory(adaptations.value.smartInterval, memory);
    adaptations.save();
  }
  return result;
}
