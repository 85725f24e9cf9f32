import type { DBusSession } from './dbus';
import { toNumber, unwrap } from './dbus';
import { Unavailable } from './types';

const MUTTER = 'org.gnome.Mutter.IdleMonitor';
const MUTTER_PATH = '/org/gnome/Mutter/IdleMonitor/Core';
const FDO_SAVER = 'org.freedesktop.ScreenSaver';

/**
 * GNOME (X11 and Wayland): Mutter's IdleMonitor. GetIdletime answers a poll; an idle watch at
 * `watchMs` and a user-active watch then make the idle time exact between polls: after the idle
 * watch fires, and until the active watch fires, there has been no input at all.
 */
export class MutterIdle {
  private watchGeneration = -1;
  private idleWatch: number | null = null;
  private activeWatch: number | null = null;
  /** Set while the idle watch has fired and no input came since: when input stopped. */
  private idleSince: number | null = null;
  private settingUp: Promise<void> | null = null;
  /** WatchFired for an id whose Add…Watch reply is still on its way (both in one read). */
  private readonly early = new Set<number>();

  constructor(
    private readonly bus: DBusSession,
    private readonly watchMs: number,
    private readonly now: () => number,
    private readonly onActive: () => void,
  ) {}

  async idleMs(): Promise<number> {
    const [value] = await this.bus.call(MUTTER, MUTTER_PATH, MUTTER, 'GetIdletime');
    const ms = toNumber(value);
    if (ms === null || ms < 0) throw new Error('Mutter gave no idle time');
    void this.ensureWatches().catch(() => undefined);
    return ms;
  }

  /** The exact idle time from the watches, or null when only a poll can tell. */
  live(): number | null {
    if (this.watchGeneration !== this.bus.generation) return null;
    return this.idleSince === null ? null : Math.max(0, this.now() - this.idleSince);
  }

  private ensureWatches(): Promise<void> {
    if (this.watchGeneration === this.bus.generation) return Promise.resolve();
    if (this.settingUp) return this.settingUp;
    this.settingUp = (async () => {
      const generation = this.bus.generation;
      this.idleSince = null;
      this.activeWatch = null;
      await this.bus.subscribe(`type='signal',interface='${MUTTER}',member='WatchFired',path='${MUTTER_PATH}'`, (message) => {
        if (message.interface !== MUTTER || message.member !== 'WatchFired' || generation !== this.bus.generation) return;
        this.fired(toNumber(message.body[0]));
      });
      const [id] = await this.bus.call(MUTTER, MUTTER_PATH, MUTTER, 'AddIdleWatch', 't', [BigInt(this.watchMs)]);
      this.idleWatch = toNumber(id);
      this.watchGeneration = generation;
      this.claim(this.idleWatch);
    })().finally(() => {
      this.settingUp = null;
    });
    return this.settingUp;
  }

  private claim(id: number | null): void {
    if (id !== null && this.early.delete(id)) this.fired(id);
  }

  private fired(id: number | null): void {
    if (id === null) return;
    if (id !== this.idleWatch && id !== this.activeWatch) {
      if (this.early.size < 16) this.early.add(id);
      return;
    }
    if (id === this.idleWatch) {
      this.idleSince = this.now() - this.watchMs;
      void this.bus
        .call(MUTTER, MUTTER_PATH, MUTTER, 'AddUserActiveWatch')
        .then(([active]) => {
          this.activeWatch = toNumber(active);
          this.claim(this.activeWatch);
        })
        .catch(() => undefined);
    } else if (id === this.activeWatch) {
      this.activeWatch = null;
      this.idleSince = null;
      this.onActive();
    }
  }
}

/**
 * KDE: org.freedesktop.ScreenSaver.GetSessionIdleTime, in milliseconds there. Other desktops
 * that offer the same name disagree on its unit and meaning, so they get "can't tell".
 */
export async function screenSaverIdleMs(bus: DBusSession, env: NodeJS.ProcessEnv): Promise<number> {
  if (!/KDE/i.test(env.XDG_CURRENT_DESKTOP ?? '')) throw new Unavailable('GetSessionIdleTime is only trusted on KDE');
  const [value] = await bus.call(FDO_SAVER, '/org/freedesktop/ScreenSaver', FDO_SAVER, 'GetSessionIdleTime');
  const ms = toNumber(value);
  if (ms === null || ms < 0) throw new Error('the screen saver gave no idle time');
  return ms;
}

/** The screen lock: GNOME's own screen shield first, then the freedesktop name (KDE, Xfce, …). */
export async function gnomeLocked(bus: DBusSession): Promise<boolean> {
  const [active] = await bus.call('org.gnome.ScreenSaver', '/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'GetActive');
  if (typeof active !== 'boolean') throw new Error('org.gnome.ScreenSaver gave no answer');
  return active;
}

export async function freedesktopLocked(bus: DBusSession): Promise<boolean> {
  const [active] = await bus.call(FDO_SAVER, '/org/freedesktop/ScreenSaver', FDO_SAVER, 'GetActive');
  if (typeof active !== 'boolean') throw new Error('org.freedesktop.ScreenSaver gave no answer');
  return active;
}

/** KDE and other freedesktop notification servers: the `Inhibited` property is Do Not Disturb. */
export async function notificationsInhibited(bus: DBusSession): Promise<boolean> {
  const value = await bus.property('org.freedesktop.Notifications', '/org/freedesktop/Notifications', 'org.freedesktop.Notifications', 'Inhibited');
  if (typeof value !== 'boolean') throw new Unavailable('the notification server has no Inhibited property');
  return value;
}

/**
 * GNOME's Do Not Disturb is `show-banners = false` in org.gnome.desktop.notifications. Read through
 * the settings portal (one D-Bus call, no process spawned); null-free: a missing key is Unavailable.
 */
export async function gnomeBannersOff(bus: DBusSession): Promise<boolean> {
  const [value] = await bus.call(
    'org.freedesktop.portal.Desktop',
    '/org/freedesktop/portal/desktop',
    'org.freedesktop.portal.Settings',
    'Read',
    'ss',
    ['org.gnome.desktop.notifications', 'show-banners'],
  );
  const banners = unwrap(value);
  if (typeof banners !== 'boolean') throw new Unavailable('the settings portal does not know show-banners');
  return !banners;
}

/**
 * The lock as it changes: GNOME and the freedesktop screen savers signal ActiveChanged(b), so an
 * unlock is seen while the engine, with the screen locked, polls nothing. One subscription per
 * connection.
 */
export class LockSignals {
  private generation = -1;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly bus: DBusSession,
    private readonly onLocked: (locked: boolean) => void,
  ) {}

  ensure(): Promise<void> {
    if (this.generation === this.bus.generation) return Promise.resolve();
    if (this.pending) return this.pending;
    const generation = this.bus.generation;
    const handler = (message: { interface: string; member: string; body: unknown[] }) => {
      if (generation !== this.bus.generation || message.member !== 'ActiveChanged') return;
      if (message.interface !== 'org.gnome.ScreenSaver' && message.interface !== FDO_SAVER) return;
      const active = unwrap(message.body[0]);
      if (typeof active === 'boolean') this.onLocked(active);
    };
    this.pending = Promise.all([
      this.bus.subscribe(`type='signal',interface='org.gnome.ScreenSaver',member='ActiveChanged'`, handler),
      this.bus.subscribe(`type='signal',interface='${FDO_SAVER}',member='ActiveChanged'`, () => undefined),
    ])
      .then(() => {
        this.generation = generation;
      })
      .catch(() => undefined)
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}

const LOGIND = 'org.freedesktop.login1';

/** sd_bus_path_encode: every character but [A-Za-z0-9] (and a leading digit) as _XX. */
export function encodePathLabel(label: string): string {
  return [...label]
    .map((ch, i) => (/[A-Za-z]/.test(ch) || (i > 0 && /[0-9]/.test(ch)) ? ch : `_${ch.charCodeAt(0).toString(16).padStart(2, '0')}`))
    .join('');
}

/**
 * systemd-logind's LockedHint on the caller's own session (…/session/auto), which GNOME, KDE and
 * the lockers that work with logind set. Its PropertiesChanged signal follows the lock between
 * polls, on the session's real path.
 */
export class LogindLock {
  private watchedGeneration = -1;

  constructor(
    private readonly bus: DBusSession,
    private readonly onLocked: (locked: boolean) => void,
  ) {}

  async locked(): Promise<boolean> {
    const value = await this.bus.property(LOGIND, '/org/freedesktop/login1/session/auto', `${LOGIND}.Session`, 'LockedHint');
    if (typeof value !== 'boolean') throw new Unavailable('logind gave no LockedHint');
    await this.watch().catch(() => undefined);
    return value;
  }

  private async watch(): Promise<void> {
    if (this.watchedGeneration === this.bus.generation) return;
    const generation = this.bus.generation;
    const id = await this.bus.property(LOGIND, '/org/freedesktop/login1/session/auto', `${LOGIND}.Session`, 'Id');
    if (typeof id !== 'string' || !id) return;
    const path = `/org/freedesktop/login1/session/${encodePathLabel(id)}`;
    await this.bus.subscribe(
      `type='signal',sender='${LOGIND}',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged',path='${path}'`,
      (message) => {
        if (generation !== this.bus.generation || message.path !== path || message.member !== 'PropertiesChanged') return;
        if (message.body[0] !== `${LOGIND}.Session`) return;
        const changed = message.body[1] as Record<string, unknown> | undefined;
        const hint = changed ? unwrap(changed.LockedHint) : undefined;
        if (typeof hint === 'boolean') this.onLocked(hint);
      },
    );
    this.watchedGeneration = generation;
  }
}
