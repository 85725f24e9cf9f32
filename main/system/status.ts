import type { DesktopStatus } from '../../shared/ipc-contract';
import type { SystemMonitor } from './monitor';

/**
 * Whether main/system can tell when the user steps away, and through what. Answers from the last
 * poll; when that poll could not tell (or none has run yet), one refresh is awaited first, so a
 * page asking at start-up does not hear "can't tell" only because nothing was read yet.
 */
export async function desktopIdleStatus(monitor: SystemMonitor): Promise<DesktopStatus> {
  const known = (sample: { cantTell: string[] }) => {
    const source = monitor.sources().idle;
    return !sample.cantTell.includes('idle') && source ? source : null;
  };
  const source = known(monitor.peek()) ?? known(await monitor.refresh());
  return source ? { idle: 'ok', source } : { idle: 'cant-tell', source: 'none' };
}
