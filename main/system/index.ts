// main/system: Electron-free idle, lock and presence probes, used by both shells.
//
// A shell creates one monitor beside the engine and lets the engine's own idle poll drive it
// (the monitor has no timer of its own; a probe's time limit only runs while that probe does):
//
//   const monitor = createSystemMonitor({
//     deferApps: () => companion.getState().settings.deferApps,
//     reasons: () => [...],                        // which busy reasons to look at
//     onBusyChange: (busy) => companion.dispatch({ type: 'presence/update', busy }),
//     onLockChange: (locked) => companion.dispatch({ type: locked ? 'system/lock' : 'system/unlock' }),
//     onNotice: (notice) => log(notice.code, notice.message),
//   });
//   const companion = createCompanion({ dataDir, idleSeconds: () => monitor.idleSeconds() });
//   ...
//   monitor.close();                               // on quit
//
// idleSeconds() answers at once from the last reading (exact between polls where X11 SYNC alarms
// or Mutter's watches run) and starts one refresh of everything behind it.
export { createSystemMonitor, REASONS } from './monitor';
export { isWaylandSession } from './platform-linux';
export { desktopIdleStatus } from './status';
export type { SystemMonitor, SystemMonitorOptions, SystemSample } from './monitor';
export type { SystemNotice, BusyReason } from './types';
