import type { EventChannel, EventPayloads, InvokeChannel, InvokeResults, IpcResult } from '../../../shared/ipc-contract';
import type { CompanionState } from '../../../shared/state';
import { handleInvoke } from '../../../main/ipc';
import { startWebShell, type WebShell } from '../../../main/web-shell/server';
import { ClockUser, ManualClock } from '../../support/manual-clock';

type Listener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

/**
 * The product's browser shell, started by the test the way `npm start` starts it
 * (startWebShell, the function scripts/start.ts calls) on a temporary data folder, with one
 * difference: the engine's clock is a ManualClock the test moves, and the person at the desk
 * is a ClockUser the test sends away and back. The page talks to it over the real loopback
 * path (link, cookie, fetch, server-sent events); the test reads and acts on the same engine
 * through main/ipc.ts, as another window or the tray would.
 */
export class ShellHost {
  readonly clock: ManualClock;
  readonly user: ClockUser;
  private listeners = new Set<Listener>();
  private unsubscribe: () => void = () => {};
  /** Something the next call must wait for (the page holding events back). */
  gate: Promise<unknown> = Promise.resolve();
  /** Called after restart() with the new shell, so the page can sign in to it. */
  onRestart: ((shell: WebShell) => Promise<void>) | null = null;

  private constructor(
    private shellNow: WebShell,
    clock: ManualClock,
    user: ClockUser,
  ) {
    this.clock = clock;
    this.user = user;
    this.watch();
  }

  static async start(options: { startAt: Date; dataDir: string }): Promise<ShellHost> {
    const clock = new ManualClock(options.startAt.getTime());
    const user = new ClockUser(clock);
    const shell = await startWebShell({ dataDir: options.dataDir, clock, idleSeconds: user.idleSeconds, open: false });
    return new ShellHost(shell, clock, user);
  }

  get shell(): WebShell {
    return this.shellNow;
  }

  get dataDir(): string {
    return this.shellNow.dataDir;
  }

  /** The last state the engine announced (what the server last sent every page). */
  private lastAnnounced = '';

  private watch() {
    this.lastAnnounced = JSON.stringify(this.shellNow.companion.getState());
    this.unsubscribe = this.shellNow.companion.subscribe((state) => {
      this.lastAnnounced = JSON.stringify(state);
      for (const l of this.listeners) l('state', state);
    });
  }

  /** What a page that heard every event has: the last announced state. */
  announcedJson(): string {
    return this.lastAnnounced;
  }

  /** Exactly what the page's fetch gets back: `{ ok, value }` or `{ ok: false, error }`. */
  async invoke(channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
    await this.gate;
    // Through JSON, as over the wire.
    return JSON.parse(JSON.stringify(handleInvoke(this.shellNow.companion, channel, args))) as IpcResult<unknown>;
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

  /** The engine's current state, as the server would send it. */
  stateJson(): string {
    return JSON.stringify(this.shellNow.companion.getState());
  }

  dispatch(action: unknown): Promise<CompanionState> {
    return this.call('dispatch', action);
  }

  async advance(ms: number): Promise<number> {
    this.clock.advance(ms);
    return this.clock.now();
  }

  async now(): Promise<number> {
    return this.clock.now();
  }

  /** The user walks away: idle time grows from now. */
  async leave(): Promise<void> {
    this.user.leave();
  }

  /** The user is back at the keyboard. */
  async comeBack(): Promise<void> {
    this.user.returns();
  }

  /**
   * Quit and start again on the same folder and port, like stopping `npm start` and running it
   * again: a new engine, a new secret; the page signs in with the new link (onRestart).
   */
  async restart(): Promise<CompanionState> {
    const port = this.shellNow.port;
    this.unsubscribe();
    await this.shellNow.close();
    this.shellNow = await startWebShell({
      dataDir: this.shellNow.dataDir,
      clock: this.clock,
      idleSeconds: this.user.idleSeconds,
      port,
      open: false,
    });
    this.watch();
    await this.onRestart?.(this.shellNow);
    return this.state();
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True once dispose() stopped the shell. */
  stopped = false;

  async dispose(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    await this.shellNow.close();
  }
}
