/** Further apart than this, the wall clock was changed rather than time passing. */
export const CLOCK_JUMP_THRESHOLD_MS = 30_000;

/**
 * Compares the wall clock (`Date`) with the monotonic clock (`performance.now()`) between two
 * wake-ups. A difference means the user (or NTP) moved the wall clock.
 */
export class ClockWatch {
  private lastWall = Date.now();
  private lastMono = performance.now();

  /** Milliseconds the wall clock moved on its own since the last call (0 below the threshold). */
  check(): number {
    const wall = Date.now();
    const mono = performance.now();
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
    this.lastWall = Date.now();
    this.lastMono = performance.now();
  }

  monotonicNow(): number {
    return performance.now();
  }
}
