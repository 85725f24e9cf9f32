// main/system: Electron-free idle, lock and presence probes, used by both shells.
export { createSystemMonitor, REASONS } from './monitor';
export { isWaylandSession } from './platform-linux';
export type { SystemMonitor, SystemMonitorOptions, SystemSample } from './monitor';
export type { SystemNotice, BusyReason } from './types';
