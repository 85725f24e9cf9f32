/**
 * Everything the engine does with time goes through this (DESIGN.md "Injected clock"). The
 * default reads Date.now, performance.now and globalThis.setTimeout at call time, so test fake
 * timers keep working; a test or a shell may pass its own.
 */
export interface Clock {
  /** Wall clock, ms since the epoch (Date.now). */
  now(): number;
  /** ms, never jumps (performance.now). */
  monotonic(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
