import * as x11 from 'x11';
import { Unavailable } from './types';

const XA_WINDOW = 33;
const XA_ATOM = 4;

/**
 * One lazy connection to the X server named by DISPLAY, kept open between polls (one round trip
 * per question) and dropped on any error so the next poll reconnects.
 */
export class X11Session {
  private client: Promise<{ client: x11.XClient; root: number }> | null = null;
  private saver: Promise<x11.ScreenSaverExt> | null = null;
  private readonly atoms = new Map<string, number>();
  /** The SYNC alarms on IDLETIME, set up once per connection (see watchIdle). */
  private watching: Promise<void> | null = null;
  /** Set while the idle alarm has fired and no input came since: when input stopped. */
  private idleSince: number | null = null;

  constructor(private readonly display: string | undefined) {}

  private connect(): Promise<{ client: x11.XClient; root: number }> {
    if (this.client) return this.client;
    const display = this.display;
    if (!display) return Promise.reject(new Unavailable('no X display (DISPLAY is not set)'));
    const attempt = new Promise<{ client: x11.XClient; root: number }>((resolve, reject) => {
      let settled = false;
      const client = x11.createClient({ display, shm: false, disableBigRequests: true }, (err, dpy) => {
        settled = true;
        if (err || !dpy?.screen?.[0]) return reject(new Unavailable(`cannot open X display ${display}: ${err?.message ?? 'no screen'}`));
        resolve({ client, root: dpy.screen[0].root });
      });
      const drop = (err?: unknown) => {
        if (this.client === attempt) this.reset();
        if (!settled) {
          settled = true;
          reject(new Unavailable(`cannot open X display ${display}: ${err instanceof Error ? err.message : 'closed'}`));
        }
      };
      client.on('error', drop);
      client.on('end', () => drop());
    });
    this.client = attempt;
    attempt.catch(() => {
      if (this.client === attempt) this.reset();
    });
    return attempt;
  }

  private reset(): void {
    this.client = null;
    this.saver = null;
    this.atoms.clear();
    this.watching = null;
    this.idleSince = null;
  }

  /**
   * Two SYNC alarms on the server's IDLETIME counter, so the idle time is exact between polls
   * without polling: one fires when idle time reaches `thresholdMs`, the other at the next input.
   * Each fires once and re-arms the other. Best effort: without SYNC, only polls answer.
   */
  watchIdle(thresholdMs: number, now: () => number, onActive: () => void): void {
    if (this.watching || !this.client) return;
    const connection = this.client;
    this.watching = (async () => {
      const { client } = await connection;
      const sync = await new Promise<x11.SyncExt>((resolve, reject) => client.require('sync', (err, ext) => (err ? reject(err) : resolve(ext))));
      const counters = await new Promise<x11.SyncCounter[]>((resolve, reject) =>
        sync.ListSystemCounters((err, list) => (err ? reject(err) : resolve(list))),
      );
      const idletime = counters.find((c) => c.name === 'IDLETIME');
      if (!idletime) throw new Error('no IDLETIME counter');
      const idleAlarm = client.AllocID();
      const activeAlarm = client.AllocID();
      const base = { counter: idletime.counter, valueType: sync.ValueType.Absolute, delta: 0, events: true };
      const armIdle = (create: boolean) =>
        (create ? sync.CreateAlarm : sync.ChangeAlarm)(idleAlarm, { ...base, value: thresholdMs, testType: sync.TestType.PositiveComparison });
      client.on('event', (event: x11.XEvent) => {
        if (this.client !== connection || event.name !== 'AlarmNotify') return;
        if (event.alarm === idleAlarm) {
          const idle = Number(event.counterValue);
          this.idleSince = now() - (Number.isFinite(idle) && idle >= thresholdMs ? idle : thresholdMs);
          sync.ChangeAlarm(activeAlarm, { ...base, value: thresholdMs - 1, testType: sync.TestType.NegativeComparison });
        } else if (event.alarm === activeAlarm) {
          this.idleSince = null;
          onActive();
          armIdle(false);
        }
      });
      // The active alarm starts out waiting for a value the counter already has: it is re-armed
      // before it can matter, when the idle alarm fires.
      sync.CreateAlarm(activeAlarm, { ...base, value: 0, testType: sync.TestType.NegativeTransition });
      armIdle(true);
    })();
    this.watching.catch(() => undefined);
  }

  /** The exact idle time from the SYNC alarms, or null when only a poll can tell. */
  liveIdleMs(now: () => number): number | null {
    return this.idleSince === null ? null : Math.max(0, now() - this.idleSince);
  }

  /** Milliseconds since the last input the X server saw (MIT-SCREEN-SAVER). */
  async idleMs(): Promise<number> {
    const { client, root } = await this.connect();
    if (!this.saver) {
      this.saver = new Promise<x11.ScreenSaverExt>((resolve, reject) =>
        client.require('screen-saver', (err, ext) => (err ? reject(new Unavailable('the X server has no MIT-SCREEN-SAVER extension')) : resolve(ext))),
      );
      this.saver.catch(() => undefined);
    }
    const saver = await this.saver;
    const info = await new Promise<x11.ScreenSaverInfo>((resolve, reject) =>
      saver.QueryInfo(root, (err, result) => (err ? reject(err) : resolve(result))),
    );
    if (!Number.isFinite(info.idle)) throw new Error('MIT-SCREEN-SAVER gave no idle time');
    return info.idle;
  }

  private async atom(name: string): Promise<number> {
    const known = this.atoms.get(name);
    if (known !== undefined) return known;
    const { client } = await this.connect();
    const atom = await new Promise<number>((resolve, reject) => client.InternAtom(false, name, (err, a) => (err ? reject(err) : resolve(a))));
    this.atoms.set(name, atom);
    return atom;
  }

  private async property32(window: number, name: string, type: number): Promise<number[] | null> {
    const { client } = await this.connect();
    const nameAtom = await this.atom(name);
    const value = await new Promise<x11.XProperty>((resolve, reject) =>
      client.GetProperty(0, window, nameAtom, type, 0, 64, (err, p) => (err ? reject(err) : resolve(p))),
    );
    if (value.type === 0 || value.format !== 32) return null;
    const out: number[] = [];
    for (let i = 0; i + 4 <= value.data.length; i += 4) out.push(value.data.readUInt32LE(i));
    return out;
  }

  /**
   * Whether the focused window is fullscreen, by EWMH: the window manager names the active
   * window in _NET_ACTIVE_WINDOW and marks it _NET_WM_STATE_FULLSCREEN. Without an EWMH window
   * manager there is no answer (null).
   */
  async activeWindowFullscreen(): Promise<boolean | null> {
    const { root } = await this.connect();
    const wm = await this.property32(root, '_NET_SUPPORTING_WM_CHECK', XA_WINDOW);
    if (!wm || !wm[0]) return null;
    const active = await this.property32(root, '_NET_ACTIVE_WINDOW', XA_WINDOW);
    if (!active) return null;
    if (!active[0]) return false; // nothing has the focus: the desktop itself
    const state = await this.property32(active[0], '_NET_WM_STATE', XA_ATOM);
    const fullscreen = await this.atom('_NET_WM_STATE_FULLSCREEN');
    return (state ?? []).includes(fullscreen);
  }

  close(): void {
    const pending = this.client;
    this.reset();
    void pending?.then(({ client }) => client.terminate()).catch(() => undefined);
  }
}
