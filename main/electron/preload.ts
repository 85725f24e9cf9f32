/**
 * The preload: exposes exactly `window.movesnack` (MovesnackApi from shared/ipc-contract.ts).
 * Sandboxed, so it is one CommonJS file that requires nothing but 'electron'. It imports only
 * *types* from shared/ (a runtime import would bundle zod into the preload); the channel lists
 * below are checked against the contract by the compiler, so a channel added there and not
 * here is a type error.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  CHANNEL_PREFIX,
  EventChannel,
  EventPayloads,
  InvokeChannel,
  IpcResult,
  ShellChannel,
  MovesnackApi,
} from '../../shared/ipc-contract';
import { messageWithRefusal } from '../../shared/ipc-refusal';

const PREFIX: typeof CHANNEL_PREFIX = 'movesnack:';

/** Every invoke channel of the contract, no more, no less (checked by the type). */
const INVOKE: { readonly [C in InvokeChannel]: true } = {
  getState: true,
  dispatch: true,
  getProfile: true,
  getDay: true,
  weeklySummary: true,
  getProgress: true,
  getChecklists: true,
  exportData: true,
  importData: true,
  listBackups: true,
  restoreBackup: true,
  getStepSwaps: true,
  getSmartInterval: true,
  getProgram: true,
  getProgramReport: true,
  getSafetyReask: true,
};
const SHELL: { readonly [C in ShellChannel]: true } = { savePdf: true, desktopStatus: true };
const EVENTS: { readonly [E in EventChannel]: true } = { state: true, navigate: true };

async function invoke(channel: InvokeChannel | ShellChannel, args: unknown[]): Promise<unknown> {
  const result = (await ipcRenderer.invoke(`${PREFIX}${channel}`, ...args)) as IpcResult<unknown> | undefined;
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new Error(`No answer for ${channel}`);
  if (!result.ok) throw new Error(messageWithRefusal(result));
  return result.value;
}

function on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  if (typeof event !== 'string' || !Object.prototype.hasOwnProperty.call(EVENTS, event)) {
    throw new Error(`Unknown event ${JSON.stringify(event)}; expected one of ${Object.keys(EVENTS).join(', ')}`);
  }
  if (typeof listener !== 'function') throw new Error('on(event, listener): listener must be a function');
  const wire = `${PREFIX}${event}`;
  // The IPC event object (with its sender) never reaches the page: only the payload does.
  const handler = (_event: IpcRendererEvent, payload: EventPayloads[E]) => listener(payload);
  ipcRenderer.on(wire, handler);
  return () => {
    ipcRenderer.removeListener(wire, handler);
  };
}

const api = Object.fromEntries(
  ([...Object.keys(INVOKE), ...Object.keys(SHELL)] as (InvokeChannel | ShellChannel)[]).map((channel) => [
    channel,
    (...args: unknown[]) => invoke(channel, args),
  ]),
) as unknown as Omit<MovesnackApi, 'on'>;

const movesnack: MovesnackApi = { ...api, on };

contextBridge.exposeInMainWorld('movesnack', movesnack);
