/**
 * Runs in a worker thread: the real engine (main/core) on the fake clock, answering through the
 * real channel table (main/ipc.ts handleInvoke), exactly as Electron's ipcMain does. The clock
 * is installed by the bootstrap before this file loads (see engine-host.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCompanion, type Companion } from '../../../main/core';
import { handleInvoke } from '../../../main/ipc';
import { currentClock } from './fake-clock';
import type { EventMessage, HostReply, HostRequest, WorkerData } from './protocol';

const port = parentPort!;
const { dataDir } = workerData as WorkerData;
const clock = currentClock();

/** A person at the desk: typing (idle 0), or gone since a moment (idle grows with the clock). */
let leftAt: number | null = null;
const idleSeconds = () => (leftAt === null ? 0 : Math.max(0, (clock.now() - leftAt) / 1000));

let companion: Companion;
let unsubscribe: () => void = () => {};

function boot() {
  companion = createCompanion({ dataDir, idleSeconds });
  unsubscribe = companion.subscribe((state) => {
    const message: EventMessage<'state'> = { event: 'state', payload: state };
    port.postMessage({ kind: 'event', ...message });
  });
  companion.start();
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.op) {
    case 'invoke':
      return handleInvoke(companion, request.channel, request.args);
    case 'advance':
      await clock.tickAsync(request.ms);
      return clock.now();
    case 'leave':
      leftAt = clock.now();
      return null;
    case 'return':
      leftAt = null;
      return null;
    case 'restart':
      unsubscribe();
      await companion.stop();
      boot();
      return companion.getState();
    case 'stop':
      unsubscribe();
      await companion.stop();
      return null;
    case 'now':
      return clock.now();
  }
}

boot();
port.on('message', (message: { id: number; request: HostRequest }) => {
  handle(message.request).then(
    (value) =>
      port.postMessage({ kind: 'reply', id: message.id, ok: true, value } satisfies HostReply & { kind: 'reply' }),
    (error: unknown) =>
      port.postMessage({
        kind: 'reply',
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies HostReply & { kind: 'reply' }),
  );
});
port.postMessage({ kind: 'ready' });
