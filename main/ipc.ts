import type { Companion } from './core/types';
import {
  invokeArgs,
  INVOKE_CHANNELS,
  type InvokeChannel,
  type InvokeResults,
  type IpcResult,
} from '../shared/ipc-contract';
import { describeIssues } from '../shared/actions';
import { refusalOf } from '../shared/engine-messages';

type Handler<C extends InvokeChannel> = (companion: Companion, args: unknown[]) => InvokeResults[C];

const optionalDate = (iso: unknown) => (typeof iso === 'string' ? new Date(iso) : undefined);

/** The one channel table: Electron's ipcMain and the browser tests both answer through it. */
const handlers: { [C in InvokeChannel]: Handler<C> } = {
  getState: (c) => c.getState(),
  dispatch: (c, [action]) => c.dispatch(action),
  getProfile: (c) => c.getProfile(),
  getDay: (c, [iso]) => c.getDay(optionalDate(iso)),
  weeklySummary: (c, [iso]) => c.weeklySummary(optionalDate(iso)),
  getProgress: (c, [weeks]) => c.getProgress(weeks as number),
  getChecklists: (c) => c.getChecklists(),
  exportData: (c) => c.exportData(),
  importData: (c, [data]) => c.importData(data),
  listBackups: (c) => c.listBackups(),
  restoreBackup: (c, [name]) => c.restoreBackup(name as string),
  getStepSwaps: (c) => c.getStepSwaps(),
  getSmartInterval: (c) => c.getSmartInterval(),
  getProgram: (c) => c.getProgram(),
  getProgramReport: (c, [from, to]) => c.getProgramReport(optionalDate(from), optionalDate(to)),
  getSafetyReask: (c) => c.getSafetyReask(),
};

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (INVOKE_CHANNELS as string[]).includes(name);
}

/**
 * Validates a call and runs it. Never throws: a refusal comes back as `{ ok: false, error }`
 * with a message fit to show the user, and the engine is left unchanged.
 */
export function handleInvoke(companion: Companion, channel: unknown, args: unknown): IpcResult<unknown> {
  if (!isInvokeChannel(channel)) return { ok: false, error: `Unknown channel ${JSON.stringify(channel)}` };
  const parsed = invokeArgs[channel].safeParse(Array.isArray(args) ? args : [args]);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error, `arguments for ${channel}`) };
  try {
    const handler = handlers[channel] as Handler<InvokeChannel>;
    return { ok: true, value: handler(companion, parsed.data as unknown[]) };
  } catch (error) {
    const refusal = refusalOf(error);
    return { ok: false, error: error instanceof Error ? error.message : String(error), ...(refusal ?? {}) };
  }
}
