/**
 * A small fake clock for the engine's thread: Date, performance.now, setTimeout/setInterval and
 * their clear functions. The engine reads exactly these (DESIGN.md: "Time comes from Date,
 * timers and performance.now()"), so moving this clock forward replays an hour in milliseconds.
 *
 * It runs inside a worker thread (see engine-worker.ts): faking these globals in Playwright's
 * own process would freeze Playwright's waits and timeouts.
 */
type Callback = (...args: unknown[]) => void;

interface Timer {
  id: number;
  at: number;
  every: number | null;
  fn: Callback;
  args: unknown[];
}

export interface FakeClock {
  now(): number;
  /** Moves time forward, firing every timer that falls due, in order, with its own `now`. */
  tickAsync(ms: number): Promise<void>;
  /** Timers still waiting (for tests of the harness itself). */
  pending(): number;
}

let installed: FakeClock | null = null;

export function currentClock(): FakeClock {
  if (!installed) throw new Error('The fake clock is not installed in this thread');
  return installed;
}

export function installFakeClock(startMs: number): FakeClock {
  if (installed) return installed;
  const RealDate = Date;
  const realPerformanceNow = performance.now.bind(performance);
  const perfBase = realPerformanceNow();
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  function FakeDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(now).toString();
    return args.length === 0 ? new RealDate(now) : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  FakeDate.prototype = RealDate.prototype;
  Object.defineProperties(FakeDate, {
    now: { value: () => now },
    parse: { value: RealDate.parse },
    UTC: { value: RealDate.UTC },
  });

  class FakeTimeout {
    constructor(readonly id: number) {}
    ref() {
      return this;
    }
    unref() {
      return this;
    }
    hasRef() {
      return true;
    }
    refresh() {
      const t = timers.get(this.id);
      if (t) t.at = now + (t.every ?? 0);
      return this;
    }
    [Symbol.toPrimitive]() {
      return this.id;
    }
  }

  const schedule = (fn: Callback, delay: unknown, args: unknown[], repeat: boolean) => {
    const ms = Math.max(repeat ? 1 : 0, Number(delay) || 0);
    const id = nextId++;
    timers.set(id, { id, at: now + ms, every: repeat ? ms : null, fn, args });
    return new FakeTimeout(id);
  };
  const clear = (handle: unknown) => {
    if (handle === undefined || handle === null) return;
    timers.delete(typeof handle === 'object' ? Number(handle as FakeTimeout) : Number(handle));
  };

  const g = globalThis as Record<string, unknown>;
  g.Date = FakeDate;
  g.setTimeout = (fn: Callback, delay?: number, ...args: unknown[]) => schedule(fn, delay, args, false);
  g.setInterval = (fn: Callback, delay?: number, ...args: unknown[]) => schedule(fn, delay, args, true);
  g.clearTimeout = clear;
  g.clearInterval = clear;
  Object.defineProperty(performance, 'now', { value: () => perfBase + (now - startMs), configurable: true });

  // Let promise jobs and I/O callbacks that a timer started run before the next timer.
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  installed = {
    now: () => now,
    pending: () => timers.size,
    async tickAsync(ms: number) {
      const target = now + ms;
      for (;;) {
        let next: Timer | null = null;
        for (const t of timers.values())
          if (t.at <= target && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
        if (!next) break;
        now = Math.max(now, next.at);
        if (next.every === null) timers.delete(next.id);
        else next.at = now + next.every;
        next.fn(...next.args);
        await settle();
      }
      now = target;
      await settle();
    },
  };
  return installed;
}
