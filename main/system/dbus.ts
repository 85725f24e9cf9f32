import * as dbus from 'dbus-next';
import { existsSync } from 'node:fs';
import { Unavailable } from './types';

/** D-Bus errors that mean "nobody here offers that", not "something broke". */
const ABSENT = new Set([
  'org.freedesktop.DBus.Error.ServiceUnknown',
  'org.freedesktop.DBus.Error.NameHasNoOwner',
  'org.freedesktop.DBus.Error.UnknownMethod',
  'org.freedesktop.DBus.Error.UnknownObject',
  'org.freedesktop.DBus.Error.UnknownInterface',
  'org.freedesktop.DBus.Error.UnknownProperty',
  'org.freedesktop.DBus.Error.NotSupported',
  'org.freedesktop.portal.Error.NotFound',
]);

/** The session bus address from the given environment; never guessed from X11 properties. */
export function sessionBusAddress(env: NodeJS.ProcessEnv): string | null {
  if (env.DBUS_SESSION_BUS_ADDRESS) return env.DBUS_SESSION_BUS_ADDRESS;
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && existsSync(`${runtime}/bus`)) return `unix:path=${runtime}/bus`;
  return null;
}

/** The system bus, where logind lives. */
export function systemBusAddress(env: NodeJS.ProcessEnv): string | null {
  if (env.DBUS_SYSTEM_BUS_ADDRESS) return env.DBUS_SYSTEM_BUS_ADDRESS;
  for (const path of ['/run/dbus/system_bus_socket', '/var/run/dbus/system_bus_socket']) if (existsSync(path)) return `unix:path=${path}`;
  return null;
}

type SignalHandler = (message: dbus.Message) => void;

/**
 * One lazy connection to the session bus, kept between polls and dropped on any error (the next
 * call reconnects). Calls are plain messages, without introspection, so a call is one round trip.
 * Only `unix:path=` and `tcp:` addresses work: abstract sockets need a native module.
 */
export class DBusSession {
  private bus: dbus.MessageBus | null = null;
  /** Rejects when the current connection breaks, so calls on it fail at once. */
  private lost: Promise<never> = Promise.resolve() as unknown as Promise<never>;
  /** Bumped on each new connection: subscriptions and watches belong to one connection. */
  generation = 0;
  private broken: Error | null = null;
  private readonly signalHandlers = new Set<SignalHandler>();

  constructor(private readonly address: string | null) {}

  private connect(): dbus.MessageBus {
    if (this.bus && !this.broken) return this.bus;
    if (!this.address) throw new Unavailable('no D-Bus bus address');
    if (!/(^|;)(unix:path=|tcp:)/.test(this.address)) throw new Unavailable('the D-Bus session bus uses an address Movesnack cannot open');
    this.broken = null;
    this.generation += 1;
    const bus = dbus.sessionBus({ busAddress: this.address });
    let fail: (error: Error) => void = () => undefined;
    this.lost = new Promise<never>((_, reject) => {
      fail = reject;
    });
    this.lost.catch(() => undefined);
    bus.on('error', (error: Error) => {
      fail(new Unavailable(`the D-Bus session bus cannot be reached: ${error?.message ?? error}`));
      this.broken = error;
      if (this.bus === bus) {
        this.bus = null;
        this.signalHandlers.clear(); // subscriptions belong to the connection that broke
      }
      hardClose(bus);
    });
    bus.on('message', (message: dbus.Message) => {
      if (message.type === dbus.MessageType.SIGNAL) for (const handler of this.signalHandlers) handler(message);
    });
    this.bus = bus;
    return bus;
  }

  /** Calls a method and resolves with the reply body. A missing service rejects with Unavailable. */
  async call(destination: string, path: string, iface: string, member: string, signature = '', body: unknown[] = []): Promise<unknown[]> {
    const bus = this.connect();
    try {
      const reply = await Promise.race([bus.call(new dbus.Message({ destination, path, interface: iface, member, signature, body })), this.lost]);
      return reply?.body ?? [];
    } catch (error) {
      if (error instanceof dbus.DBusError && ABSENT.has(error.type)) throw new Unavailable(`${destination} does not offer ${iface}.${member}`);
      throw error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Reads a property through org.freedesktop.DBus.Properties.Get and unwraps the variant. */
  async property(destination: string, path: string, iface: string, name: string): Promise<unknown> {
    const [value] = await this.call(destination, path, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [iface, name]);
    return unwrap(value);
  }

  /** Receives the signals that match a rule (AddMatch). Returns a function that stops it. */
  async subscribe(rule: string, handler: SignalHandler): Promise<() => void> {
    await this.call('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'AddMatch', 's', [rule]);
    this.signalHandlers.add(handler);
    return () => this.signalHandlers.delete(handler);
  }

  close(): void {
    this.signalHandlers.clear();
    const bus = this.bus;
    this.bus = null;
    if (bus) hardClose(bus);
  }
}

export function unwrap(value: unknown): unknown {
  let current = value;
  while (current instanceof dbus.Variant) current = current.value;
  return current;
}

export function toNumber(value: unknown): number | null {
  const v = unwrap(value);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
}

/**
 * dbus-next's disconnect() only half-closes the socket: a method call still arriving would make
 * it answer on the closed stream and throw outside any caller. Destroying the stream stops that.
 */
export function hardClose(bus: dbus.MessageBus): void {
  try {
    bus.disconnect();
  } catch {
    // already closed
  }
  const stream = (bus as unknown as { _connection?: { stream?: { destroy?: () => void } } })._connection?.stream;
  stream?.destroy?.();
}
