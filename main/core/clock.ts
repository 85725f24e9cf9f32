import type { Clock } from './clock-contract';

/** Further apart than this, the wall clock was changed rather than time passing. */
export const CLOCK_JUMP_THRESHOLD_MS = 30_000;

/**
 * The real clock. Each call reads the global at call time (not at import), so vitest fake
 * timers installed after this module loaded still drive an engine built on it.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Compares the wall clock with the monotonic clock between two wake-ups. A difference means
 * the user (or NTP) moved the wall clock.
 */
export class ClockWatch {
  private lastWall: number;
  private lastMono: number;

  constructor(private readonly clock: Clock) {
    this.lastWall = clock.now();
    this.lastMono = clock.monotonic();
  }

  /** Milliseconds the wall clock moved on its own since the last call (0 below the threshold). */
  check(): number {
    const wall = this.clock.now();
    const mono = this.clock.monotonic();
    const monoElapsed = mono - this.lastMono;
    const drift = wall - this.lastWall - monoElapsed;
    this.lastWall = wall;
    this.lastMono = mono;
    // A monotonic clock never runs backwards; if it seems to, the clocks were swapped under us
    // (fake timers installed mid-run): start over rather than guess.
    if (monoElapsed < 0) return 0;
    return Math.abs(drift) > CLOCK_JUMP_THRESHOLD_MS ? drift : 0;
  }

  /** Forget the past, e.g. after a suspend during which the two clocks legitimately disagree. */
  rebase(): void {
    this.lastWall = this.clock.now();
    this.lastMono = this.clock.monotonic();
  }
}
