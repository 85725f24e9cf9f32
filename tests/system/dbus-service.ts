// A test service on a real (private) session bus, written with dbus-next: GNOME Mutter's
// IdleMonitor, org.freedesktop.ScreenSaver, org.gnome.ScreenSaver, the freedesktop Notifications
// `Inhibited` property and the settings portal's Read, as the desktops answer them.
import * as dbus from 'dbus-next';
import { hardClose } from '../../main/system/dbus';

const MUTTER = 'org.gnome.Mutter.IdleMonitor';
const MUTTER_PATH = '/org/gnome/Mutter/IdleMonitor/Core';

export type ServiceName =
  | 'org.gnome.Mutter.IdleMonitor'
  | 'org.freedesktop.ScreenSaver'
  | 'org.gnome.ScreenSaver'
  | 'org.freedesktop.Notifications'
  | 'org.freedesktop.portal.Desktop'
  | 'org.freedesktop.login1';

/** dbus-next's types say newError takes a string; it takes the call it answers. */
const newError = (msg: dbus.Message, name: string, text: string) => dbus.Message.newError(msg as unknown as string, name, text);

interface Watch {
  id: number;
  owner: string;
  kind: 'idle' | 'active';
  intervalMs: number;
}

export class DesktopService {
  idleMs = 0;
  locked = false;
  inhibited = false;
  showBanners = true;
  /** Methods that answer with an error, as a broken service would. */
  readonly failing = new Set<string>();
  /** Methods that never answer, as a hung service would. */
  readonly silent = new Set<string>();
  readonly calls: string[] = [];
  readonly watches = new Map<number, Watch>();
  private nextWatch = 1;

  private constructor(private readonly bus: dbus.MessageBus) {
    bus.addMethodHandler((msg: dbus.Message) => this.handle(msg));
  }

  static async start(address: string, names: ServiceName[]): Promise<DesktopService> {
    const bus = dbus.sessionBus({ busAddress: address });
    bus.on('error', () => undefined);
    const service = new DesktopService(bus);
    for (const name of names) await service.own(name);
    return service;
  }

  async own(name: ServiceName): Promise<void> {
    await this.bus.requestName(name, dbus.NameFlag.DO_NOT_QUEUE);
  }

  async release(name: ServiceName): Promise<void> {
    await this.bus.releaseName(name);
  }

  /** The screen shield locks or unlocks and says so, as GNOME Shell and KDE do. */
  setLocked(locked: boolean, iface: 'org.gnome.ScreenSaver' | 'org.freedesktop.ScreenSaver' = 'org.gnome.ScreenSaver'): void {
    this.locked = locked;
    const path = iface === 'org.gnome.ScreenSaver' ? '/org/gnome/ScreenSaver' : '/org/freedesktop/ScreenSaver';
    this.bus.send(dbus.Message.newSignal(path, iface, 'ActiveChanged', 'b', [locked]));
  }

  /** logind's LockedHint on session "2" (path …/session/_32), with its PropertiesChanged signal. */
  setLockedHint(locked: boolean): void {
    this.locked = locked;
    this.bus.send(
      dbus.Message.newSignal('/org/freedesktop/login1/session/_32', 'org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', [
        'org.freedesktop.login1.Session',
        { LockedHint: new dbus.Variant('b', locked) },
        [],
      ]),
    );
  }

  /** Mutter fires each idle watch whose interval the idle time has now reached. */
  becomeIdle(ms: number): void {
    this.idleMs = ms;
    for (const watch of this.watches.values()) if (watch.kind === 'idle' && ms >= watch.intervalMs) this.fire(watch);
  }

  /** Input: the user-active watches fire once and are gone, as in Mutter. */
  userActive(): void {
    this.idleMs = 0;
    for (const watch of [...this.watches.values()]) {
      if (watch.kind !== 'active') continue;
      this.fire(watch);
      this.watches.delete(watch.id);
    }
  }

  private fire(watch: Watch): void {
    this.bus.send(
      new dbus.Message({
        type: dbus.MessageType.SIGNAL,
        path: MUTTER_PATH,
        interface: MUTTER,
        member: 'WatchFired',
        destination: watch.owner,
        signature: 'u',
        body: [watch.id],
      }),
    );
  }

  private reply(msg: dbus.Message, signature = '', body: unknown[] = []): true {
    this.bus.send(dbus.Message.newMethodReturn(msg, signature, body));
    return true;
  }

  private handle(msg: dbus.Message): boolean {
    const key = `${msg.interface}.${msg.member}`;
    this.calls.push(key);
    if (this.silent.has(key)) return true;
    if (this.failing.has(key)) {
      this.bus.send(newError(msg, 'org.movesnack.Test.Failed', 'this test service was told to fail'));
      return true;
    }
    switch (key) {
      case `${MUTTER}.GetIdletime`:
        return this.reply(msg, 't', [BigInt(this.idleMs)]);
      case `${MUTTER}.AddIdleWatch`:
      case `${MUTTER}.AddUserActiveWatch`: {
        const id = this.nextWatch++;
        const kind = msg.member === 'AddIdleWatch' ? 'idle' : 'active';
        this.watches.set(id, { id, owner: msg.sender, kind, intervalMs: kind === 'idle' ? Number(msg.body[0]) : 0 });
        return this.reply(msg, 'u', [id]);
      }
      case `${MUTTER}.RemoveWatch`:
        this.watches.delete(Number(msg.body[0]));
        return this.reply(msg);
      case 'org.freedesktop.ScreenSaver.GetSessionIdleTime':
        return this.reply(msg, 'u', [this.idleMs]);
      case 'org.freedesktop.ScreenSaver.GetActive':
      case 'org.gnome.ScreenSaver.GetActive':
        return this.reply(msg, 'b', [this.locked]);
      case 'org.freedesktop.DBus.Properties.Get':
        if (msg.body[0] === 'org.freedesktop.Notifications' && msg.body[1] === 'Inhibited')
          return this.reply(msg, 'v', [new dbus.Variant('b', this.inhibited)]);
        if (msg.path === '/org/freedesktop/login1/session/auto' && msg.body[0] === 'org.freedesktop.login1.Session') {
          if (msg.body[1] === 'LockedHint') return this.reply(msg, 'v', [new dbus.Variant('b', this.locked)]);
          if (msg.body[1] === 'Id') return this.reply(msg, 'v', [new dbus.Variant('s', '2')]);
        }
        this.bus.send(newError(msg, 'org.freedesktop.DBus.Error.UnknownProperty', 'no such property'));
        return true;
      case 'org.freedesktop.portal.Settings.Read':
        if (msg.body[0] === 'org.gnome.desktop.notifications' && msg.body[1] === 'show-banners')
          return this.reply(msg, 'v', [new dbus.Variant('v', new dbus.Variant('b', this.showBanners))]);
        this.bus.send(newError(msg, 'org.freedesktop.portal.Error.NotFound', 'no such setting'));
        return true;
      default:
        return false;
    }
  }

  stop(): void {
    hardClose(this.bus);
  }
}
