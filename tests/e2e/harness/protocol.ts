import type { EventChannel, EventPayloads, IpcResult } from '../../../shared/ipc-contract';

/** Messages between the Playwright process and the engine's worker thread. */
export type HostRequest =
  | { op: 'invoke'; channel: unknown; args: unknown }
  | { op: 'advance'; ms: number }
  | { op: 'leave' }
  | { op: 'return' }
  | { op: 'restart' }
  | { op: 'stop' }
  | { op: 'now' };

export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface EventMessage<E extends EventChannel = EventChannel> {
  event: E;
  payload: EventPayloads[E];
}

export interface WorkerData {
  dataDir: string;
  startMs: number;
}

export type { IpcResult };
