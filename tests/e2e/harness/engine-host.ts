import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  EventChannel,
  EventPayloads,
  InvokeChannel,
  InvokeResults,
  IpcResult,
} from '../../../shared/ipc-contract';
import type { CompanionState } from '../../../shared/state';
import type { HostRequest, WorkerData } from './protocol';

type Listener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

/**
 * The engine, seen from the Playwright test: a real createCompanion on a temp data folder,
 * living in a worker thread of this process on a clock the test moves.
 */
export class EngineHost {
  private nextId = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Set<Listener>();
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    readonly dataDir: string,
    readonly ownsDir: boolean,
  ) {
    worker.on('message', (message: { kind: string; [k: string]: unknown }) => {
      if (message.kind === 'event') {
        for (const l of this.listeners) l(message.event as EventChannel, message.payload as never);
      } else if (message.kind === 'reply') {
        const w = this.waiting.get(message.id as number);
        this.waiting.delete(message.id as number);
        if (!w) return;
        if (message.ok) w.resolve(message.value);
        else w.reject(new Error(`engine worker: ${String(message.error)}`));
      }
    });
    worker.on('error', (error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    });
  }

  static async start(options: { startAt: Date; dataDir?: string }): Promise<EngineHost> {
    const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-e2e-'));
    const tsx = require.resolve('tsx/cjs');
    const clockModule = path.join(__dirname, 'fake-clock.ts');
    const entry = path.join(__dirname, 'engine-worker.ts');
    // Bootstrap: TypeScript loader, then the fake clock, then the engine.
    const bootstrap = [
      `require(${JSON.stringify(tsx)});`,
      `const { workerData } = require('node:worker_threads');`,
      `require(${JSON.stringify(clockModule)}).installFakeClock(workerData.startMs);`,
      `require(${JSON.stringify(entry)});`,
    ].join('\n');
    const data: WorkerData = { dataDir, startMs: options.startAt.getTime() };
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    const host = new EngineHost(worker, dataDir, !options.dataDir);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: { kind: string }) => {
        if (m.kind === 'ready') {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`engine worker exited early (${code})`)));
    });
    return host;
  }

  private request<T>(request: HostRequest): Promise<T> {
    if (this.stopped) return Promise.reject(new Error('engine host is stopped'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  /** Exactly what Electron's ipcMain handler returns: `{ ok, value }` or `{ ok: false, error }`. */
  invoke(channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
    return this.request({ op: 'invoke', channel, args });
  }

  /** Calls a channel and unwraps it, for assertions in tests. */
  async call<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<InvokeResults[C]> {
    const result = await this.invoke(channel, args);
    if (!result.ok) throw new Error(result.error);
    return result.value as InvokeResults[C];
  }

  state(): Promise<CompanionState> {
    return this.call('getState');
  }

  dispatch(action: unknown): Promise<CompanionState> {
    return this.call('dispatch', action);
  }

  advance(ms: number): Promise<number> {
    return this.request({ op: 'advance', ms });
  }

  now(): Promise<number> {
    return this.request({ op: 'now' });
  }

  /** The user walks away: idle time grows from now. */
  leave(): Promise<void> {
    return this.request({ op: 'leave' });
  }

  /** The user is back at the keyboard. */
  comeBack(): Promise<void> {
    return this.request({ op: 'return' });
  }

  /** stop() the companion and create a new one on the same folder, like quitting and relaunching. */
  restart(): Promise<CompanionState> {
    return this.request({ op: 'restart' });
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.request({ op: 'stop' });
    } finally {
      this.stopped = true;
      await this.worker.terminate();
      if (this.ownsDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}
