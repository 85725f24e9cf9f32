import { homedir } from 'node:os';
import { darwinProbes } from './platform-darwin';
import { linuxProbes } from './platform-linux';
import { win32Probes } from './platform-win32';
import { runCommand, withTimeout } from './run';
import { Unavailable, type BusyReason, type CommandRunner, type SystemNotice } from './types';

export const REASONS: readonly BusyReason[] = ['fullscreen', 'dnd', 'meeting', 'app'];

export interface SystemSample {
  /** Seconds since the last input, or null: can't tell on this desktop. */
  idleSeconds: number | null;
  /** Whether the screen is locked, or null: can't tell. */
  locked: boolean | null;
  /** The busy reasons some probe saw (only the reasons asked for). */
  busy: BusyReason[];
  /** What could not be told this time: 'idle', 'lock' and busy reasons. */
  cantTell: string[];
}

/** One way to answer one question. `read` resolves a value, or null / Unavailable for "can't tell". */
export interface Probe<T> {
  id: string;
  /** English, for the notice: "the idle time from the X server". */
  what: string;
  read: (round: Round) => Promise<T | null>;
  /** An exact value known between polls (D-Bus watches), or null. */
  live?: () => T | null;
  timeoutMs?: number;
}

export interface PlatformProbes {
  idle: Probe<number>[];
  lock: Probe<boolean>[];
  busy: Record<BusyReason, Probe<boolean>[]>;
  close: () => void;
}

/** Shared by the probes of one refresh: things worth asking once per round (one PowerShell run). */
export class Round {
  private readonly memo = new Map<string, Promise<unknown>>();
  once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = fn();
      this.memo.set(key, hit);
      hit.catch(() => undefined);
    }
    return hit;
  }
}

export interface ProbeContext {
  env: NodeJS.ProcessEnv;
  procRoot: string;
  home: string | undefined;
  run: CommandRunner;
  timeoutMs: number;
  now: () => number;
  idleWatchMs: number;
  deferApps: () => readonly string[];
  /** A watch (X11 SYNC alarm, Mutter) saw input after idleness: the idle time is now 0. */
  onActive: () => void;
  /** A lock signal (ActiveChanged) arrived between polls. */
  onLocked: (locked: boolean) => void;
}

export interface SystemMonitorOptions {
  platform?: NodeJS.Platform | string;
  env?: NodeJS.ProcessEnv;
  /** Where /proc is; a test passes a fake tree. */
  procRoot?: string;
  home?: string;
  /** Process names that count as busy ('app'): a list or a getter that reads the settings. */
  deferApps?: readonly string[] | (() => readonly string[]);
  /** The busy reasons worth probing (settings.deferFor); others are not looked at. All by default. */
  reasons?: () => readonly BusyReason[];
  /** Each probe's time limit. */
  timeoutMs?: number;
  /** Polls to fail in a row before a probe backs off. */
  failuresBeforeBackoff?: number;
  /** Longest back-off, in skipped polls. */
  maxSkip?: number;
  /** Mutter idle watch threshold: past it the idle time is exact between polls. */
  idleWatchSeconds?: number;
  now?: () => number;
  run?: CommandRunner;
  onNotice?: (notice: SystemNotice) => void;
  /** After a refresh that changed the busy set: dispatch { type: 'presence/update', busy }. */
  onBusyChange?: (busy: BusyReason[]) => void;
  /**
   * When the lock is seen to change (a refresh, or a desktop's ActiveChanged signal): dispatch
   * system/lock or system/unlock. Not called for "can't tell".
   */
  onLockChange?: (locked: boolean) => void;
  /** Replaces the platform's probes (tests). */
  probes?: PlatformProbes;
}

export interface SystemMonitor {
  /** The last known values, at once; starts a refresh in the background unless one is running. */
  sample(): SystemSample;
  /** For createCompanion's idleSeconds: seconds since input, 0 when it can't tell. Starts a refresh. */
  idleSeconds(): number;
  /** The last known busy set (no refresh). */
  busy(): BusyReason[];
  /** The last known values, without starting a refresh (for a dashboard, say). */
  peek(): SystemSample;
  /** One full refresh, awaited: at start-up, or in tests. */
  refresh(): Promise<SystemSample>;
  /**
   * A fresh idle reading (a refresh, then its answer; 0 when it can't tell). For an engine that can
   * take an asynchronous idle source: idleSeconds() answers from the previous poll.
   */
  readIdleSeconds(): Promise<number>;
  /** Which probe answers idle and lock now ('x11-screensaver', 'mutter', …), null when none. */
  sources(): { idle: string | null; lock: string | null };
  close(): void;
}

interface ProbeState {
  failures: number;
  skip: number;
  nextSkip: number;
  noticed: boolean;
  loud: boolean;
}

type Outcome<T> = { value: T } | { value: null; skipped?: boolean };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

class Monitor implements SystemMonitor {
  private readonly probes: PlatformProbes;
  private readonly states = new Map<string, ProbeState>();
  private readonly chosen: { idle: Probe<number> | null; lock: Probe<boolean> | null } = { idle: null, lock: null };
  private readonly saidUnknown = { idle: false, lock: false };
  private last: SystemSample = { idleSeconds: null, locked: null, busy: [], cantTell: ['idle', 'lock'] };
  private inFlight: Promise<SystemSample> | null = null;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly failuresBeforeBackoff: number;
  private readonly maxSkip: number;
  private readonly reasons: () => readonly BusyReason[];
  private readonly onNotice: (notice: SystemNotice) => void;
  private readonly onBusyChange: ((busy: BusyReason[]) => void) | undefined;
  private readonly onLockChange: ((locked: boolean) => void) | undefined;
  /** The last lock state told through onLockChange. */
  private toldLocked: boolean | null = null;

  constructor(options: SystemMonitorOptions) {
    const env = options.env ?? process.env;
    const platform = options.platform ?? process.platform;
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.failuresBeforeBackoff = options.failuresBeforeBackoff ?? 3;
    this.maxSkip = options.maxSkip ?? 64;
    this.reasons = options.reasons ?? (() => REASONS);
    this.onNotice = options.onNotice ?? (() => undefined);
    this.onBusyChange = options.onBusyChange;
    this.onLockChange = options.onLockChange;
    const apps = options.deferApps;
    const context: ProbeContext = {
      env,
      procRoot: options.procRoot ?? '/proc',
      home: options.home ?? env.HOME ?? homedir(),
      run: options.run ?? runCommand,
      timeoutMs: this.timeoutMs,
      now: options.now ?? Date.now,
      idleWatchMs: Math.round((options.idleWatchSeconds ?? 60) * 1000),
      deferApps: typeof apps === 'function' ? apps : () => apps ?? [],
      onActive: () => {
        this.last = { ...this.last, idleSeconds: 0 };
        // Someone is back: a good moment to look at everything else too (an event, not a timer).
        this.kick();
      },
      onLocked: (locked) => {
        this.last = { ...this.last, locked, cantTell: this.last.cantTell.filter((c) => c !== 'lock') };
        this.tellLock(locked);
      },
    };
    this.probes =
      options.probes ??
      (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd'
        ? linuxProbes(context)
        : platform === 'darwin'
          ? darwinProbes(context)
          : platform === 'win32'
            ? win32Probes(context)
            : { idle: [], lock: [], busy: { fullscreen: [], dnd: [], meeting: [], app: [] }, close: () => undefined });
  }

  sample(): SystemSample {
    this.kick();
    return this.current();
  }

  idleSeconds(): number {
    return this.sample().idleSeconds ?? 0;
  }

  busy(): BusyReason[] {
    return [...this.last.busy];
  }

  peek(): SystemSample {
    return this.current();
  }

  refresh(): Promise<SystemSample> {
    if (this.closed) return Promise.resolve(this.current());
    if (!this.inFlight) {
      this.inFlight = this.round().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  async readIdleSeconds(): Promise<number> {
    await this.refresh();
    return this.current().idleSeconds ?? 0;
  }

  sources(): { idle: string | null; lock: string | null } {
    return { idle: this.chosen.idle?.id ?? null, lock: this.chosen.lock?.id ?? null };
  }

  close(): void {
    this.closed = true;
    this.probes.close();
  }

  private kick(): void {
    if (!this.closed && !this.inFlight) void this.refresh().catch(() => undefined);
  }

  /** The cached sample, with the idle time made exact where a D-Bus watch knows it. */
  private current(): SystemSample {
    const live = this.chosen.idle?.live?.();
    const idleSeconds = live != null ? Math.floor(live / 1000) : this.last.idleSeconds;
    return { ...this.last, idleSeconds, busy: [...this.last.busy], cantTell: [...this.last.cantTell] };
  }

  private state(probe: Probe<unknown>): ProbeState {
    let s = this.states.get(probe.id);
    if (!s) {
      s = { failures: 0, skip: 0, nextSkip: 1, noticed: false, loud: false };
      this.states.set(probe.id, s);
    }
    return s;
  }

  private async attempt<T>(probe: Probe<T>, round: Round): Promise<Outcome<T>> {
    const s = this.state(probe);
    if (s.skip > 0) {
      s.skip -= 1;
      return { value: null, skipped: true };
    }
    let value: T | null = null;
    let loud = false;
    try {
      value = await withTimeout(probe.read(round), probe.timeoutMs ?? this.timeoutMs, probe.what);
    } catch (error) {
      loud = !(error instanceof Unavailable);
    }
    if (value !== null) {
      s.failures = 0;
      s.nextSkip = 1;
      s.loud = false;
      return { value };
    }
    s.failures += 1;
    s.loud ||= loud;
    if (s.failures >= this.failuresBeforeBackoff) {
      s.skip = s.nextSkip;
      s.nextSkip = Math.min(s.nextSkip * 2, this.maxSkip);
      if (s.loud && !s.noticed) {
        s.noticed = true;
        this.onNotice({
          code: 'system/probe-backoff',
          params: { probe: probe.id },
          message: `Movesnack could not read ${probe.what} several times in a row, so it will look less often.`,
        });
      }
    }
    return { value: null };
  }

  /** The first probe that answers wins and is remembered; one that keeps failing is dropped. */
  private async chain<T>(kind: 'idle' | 'lock', list: Probe<T>[], round: Round): Promise<T | null> {
    const chosen = this.chosen[kind] as Probe<T> | null;
    if (chosen) {
      const outcome = await this.attempt(chosen, round);
      if (outcome.value !== null) return outcome.value;
      if (this.state(chosen).failures >= this.failuresBeforeBackoff) this.chosen[kind] = null;
      return null;
    }
    for (const probe of list) {
      const outcome = await this.attempt(probe, round);
      if (outcome.value !== null) {
        (this.chosen[kind] as Probe<T> | null) = probe;
        this.saidUnknown[kind] = false;
        if (kind === 'idle')
          this.onNotice({ code: 'system/idle-source', params: { source: probe.id }, message: `Movesnack reads ${probe.what}.` });
        return outcome.value;
      }
    }
    if (kind === 'idle' && !this.saidUnknown.idle) {
      this.saidUnknown.idle = true;
      this.onNotice({
        code: 'system/idle-unknown',
        params: {},
        message:
          "Movesnack can't tell when you step away on this desktop, so time away from the keyboard counts as sitting unless the screen locks or the computer sleeps.",
      });
    }
    return null;
  }

  private async reason(reason: BusyReason, round: Round): Promise<boolean | null> {
    const outcomes = await Promise.all(this.probes.busy[reason].map((probe) => this.attempt(probe, round)));
    if (outcomes.some((o) => o.value === true)) return true;
    if (outcomes.some((o) => o.value === false)) return false;
    return null;
  }

  private async round(): Promise<SystemSample> {
    const round = new Round();
    const wanted = REASONS.filter((r) => this.reasons().includes(r));
    const [idleMs, locked, ...reasons] = await Promise.all([
      this.chain('idle', this.probes.idle, round),
      this.chain('lock', this.probes.lock, round),
      ...wanted.map((reason) => this.reason(reason, round)),
    ]);
    const busy = wanted.filter((_, i) => reasons[i] === true);
    const cantTell = [
      ...(idleMs === null ? ['idle'] : []),
      ...(locked === null ? ['lock'] : []),
      ...wanted.filter((_, i) => reasons[i] === null),
    ];
    const before = this.last.busy;
    this.last = { idleSeconds: idleMs === null ? null : Math.floor(idleMs / 1000), locked, busy, cantTell };
    if (!this.closed && !sameSet(before, busy)) this.onBusyChange?.([...busy]);
    if (locked !== null) this.tellLock(locked);
    return this.current();
  }

  private tellLock(locked: boolean): void {
    if (this.closed || locked === this.toldLocked) return;
    const first = this.toldLocked === null;
    this.toldLocked = locked;
    // The first answer is only news when the screen is locked: "unlocked" is what the engine assumes.
    if (!first || locked) this.onLockChange?.(locked);
  }
}

export function createSystemMonitor(options: SystemMonitorOptions = {}): SystemMonitor {
  return new Monitor(options);
}
