/**
 * `window.movesnack` for the browser shell (main/web-shell): the same MovesnackApi the Electron
 * preload exposes, over the loopback connection the page came from.
 *
 *   invoke  -> fetch POST /api/invoke/<channel> (JSON arguments) -> { ok, value } | { ok: false, error }
 *   events  <- EventSource /api/events (`state`; `reminder` for the shell's own notifications)
 *
 * The session cookie (HttpOnly) goes with every request on its own; this code never sees it.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc-contract';
import type { EventChannel, EventPayloads, IpcResult, MovesnackApi, ShellChannel } from '../../shared/ipc-contract';
import type { Reminder } from '../../shared/reminders';
import { refusalError } from '../data/api';

/** Whether this page was served by the browser shell (it adds this marker to index.html). */
export function servedByWebShell(doc: Document = document): boolean {
  return doc.querySelector('meta[name="movesnack-shell"][content="web"]') !== null;
}

/** The shell-only channels the browser shell answers (main/web-shell/server.ts). */
export const WEB_SHELL_CHANNELS = ['desktopStatus'] as const satisfies readonly ShellChannel[];

export const NOT_RUNNING =
  'Movesnack is not running any more. Start it again with npm start, then open the link it prints.';
export const SIGNED_OUT =
  'This page lost its connection to Movesnack (it was restarted). Run npm start again to open it.';

/** What the browser shell adds beside the API: things only it needs. */
export interface WebShellExtras {
  /** Calendar reminders (check-in, weekly summary, desk re-check), for a notification. */
  onReminder(listener: (reminder: Reminder) => void): () => void;
  /** Whether the page hears from Movesnack (false while the connection is lost). */
  onConnection(listener: (connected: boolean) => void): () => void;
  /** Deliver a `navigate` event, as the Electron shell does from a notification click. */
  navigate(view: EventPayloads['navigate']): void;
}

export function createWebTransport(base = ''): { api: MovesnackApi; extras: WebShellExtras } {
  const listeners = new Map<string, Set<(payload: never) => void>>(
    [...EVENT_CHANNELS, 'reminder', 'connection'].map((e) => [e, new Set()]),
  );
  const emit = (event: string, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        (listener as (p: unknown) => void)(payload);
      } catch (error) {
        console.error(error);
      }
    }
  };
  const listen = (event: string, listener: (payload: never) => void) => {
    const set = listeners.get(event);
    if (!set) throw new Error(`Unknown event ${JSON.stringify(event)}; expected one of ${EVENT_CHANNELS.join(', ')}`);
    if (typeof listener !== 'function') throw new Error('on(event, listener): listener must be a function');
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  // One stream for the page. EventSource reconnects by itself; the server starts every
  // connection with the current state, so nothing missed while away stays missed.
  let source: EventSource | null = null;
  let connected: boolean | null = null;
  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    emit('connection', value);
  };
  const connect = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('state', (event) => {
      setConnected(true);
      emit('state', JSON.parse((event as MessageEvent<string>).data));
    });
    source.addEventListener('reminder', (event) => emit('reminder', JSON.parse((event as MessageEvent<string>).data)));
  };

  async function invoke(channel: string, args: unknown[]): Promise<unknown> {
    // JSON has no `undefined`: an omitted optional argument is left out rather than sent as null.
    const sent = [...args];
    while (sent.length > 0 && sent[sent.length - 1] === undefined) sent.pop();
    let response: Response;
    try {
      response = await fetch(`${base}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(sent),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw refusalError({ error: NOT_RUNNING, code: 'web-shell.not-running' });
    }
    if (response.status === 401 || response.status === 403)
      throw refusalError({ error: SIGNED_OUT, code: 'web-shell.signed-out' });
    let result: IpcResult<unknown> | null;
    try {
      result = (await response.json()) as IpcResult<unknown>;
    } catch {
      result = null;
    }
    if (!result || typeof result !== 'object' || !('ok' in result)) throw new Error(`No answer for ${channel}`);
    if (!result.ok) throw refusalError(result);
    return result.value;
  }

  // Every engine channel, and the shell channels this shell answers (savePdf is Electron's: a
  // browser prints the page itself).
  const api = Object.fromEntries(
    [...INVOKE_CHANNELS, ...WEB_SHELL_CHANNELS].map((channel) => [
      channel,
      (...args: unknown[]) => invoke(channel, args),
    ]),
  ) as unknown as Omit<MovesnackApi, 'on'>;

  const on = <E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void) => {
    if (!(EVENT_CHANNELS as string[]).includes(event)) {
      throw new Error(`Unknown event ${JSON.stringify(event)}; expected one of ${EVENT_CHANNELS.join(', ')}`);
    }
    connect();
    return listen(event, listener as (payload: never) => void);
  };

  const extras: WebShellExtras = {
    onReminder: (listener) => {
      connect();
      return listen('reminder', listener as (payload: never) => void);
    },
    onConnection: (listener) => listen('connection', listener as (payload: never) => void),
    navigate: (view) => emit('navigate', view),
  };
  return { api: Object.freeze({ ...api, on }) as MovesnackApi, extras };
}
