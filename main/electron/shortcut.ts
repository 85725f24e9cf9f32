/**
 * The global shortcut for "my back is complaining" (settings.discomfortShortcut; empty turns
 * it off). Re-registered whenever the setting changes.
 */
import { globalShortcut } from 'electron';

export interface ShortcutBinding {
  apply(accelerator: string): void;
  dispose(): void;
}

export function bindDiscomfortShortcut(onPress: () => void): ShortcutBinding {
  let current: string | null = null;
  let requested: string | null = null;
  return {
    apply(accelerator) {
      const wanted = accelerator.trim();
      if (wanted === requested) return;
      requested = wanted;
      if (current) globalShortcut.unregister(current);
      current = null;
      if (!wanted) return;
      try {
        if (globalShortcut.register(wanted, onPress)) current = wanted;
        else console.warn(`[movesnack] shortcut ${wanted} is taken by another application`);
      } catch (error) {
        console.warn(`[movesnack] shortcut ${JSON.stringify(wanted)} is not valid:`, error);
      }
    },
    dispose() {
      if (current) globalShortcut.unregister(current);
      current = null;
      requested = null;
    },
  };
}
