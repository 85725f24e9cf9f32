import type { Clock } from '../../main/core/types';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * A test-owned Clock (DESIGN.md "Injected clock"): time moves only when the test says so.
 * `advance` runs every timer that falls due, in order, with the clock set to each one's time;
 * `setWall` moves the wall clock alone, as a user changing the time would.
 */
export class ManualClock implements Clock {
  private wall: number;
  private mono = 1_000;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();
  /** How many timer callbacks ran: the wake-ups. */
  fired = 0;

  constructor(start: string | number) {
    this.wall = typeof start === 'number' ? start : Date.parse(start);
  }

  now = (): number => this.wall;
  monotonic = (): number => this.mono;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.timers.set(id, { id, at: this.mono + Math.max(0, Number.isFinite(ms) ? ms : 0), fn });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const target = this.mono + ms;
    for (;;) {
      let next: Timer | null = null;
      for (const t of this.timers.values()) if (t.at <= target && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      if (!next) break;
      this.wall += next.at - this.mono;
      this.mono = next.at;
      this.timers.delete(next.id);
      this.fired++;
      next.fn();
    }
    this.wall += target - this.mono;
    this.mono = target;
  }

  /** The user (or NTP) moves the wall clock; the monotonic clock does not move. */
  setWall(ms: number): void {
    this.wall = ms;
  }
}

/** A person at the desk on a ManualClock: idle grows with the monotonic clock. */
export class ClockUser {
  private leftAt: number | null = null;
  constructor(private readonly clock: ManualClock) {}
  idleSeconds = (): number => (this.leftAt === null ? 0 : Math.max(0, (this.clock.monotonic() - this.leftAt) / 1000));
  leave(): void {
    this.leftAt = this.clock.monotonic();
  }
  returns(): void {
    this.leftAt = null;
  }
}
