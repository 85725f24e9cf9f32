/**
 * The runner's two engine timers, armed only through the injected clock: the one event timer
 * (the next due time, snooze end, pause end or routine timeout) and the idle poll. The pure core
 * says when (an `arm` effect); this keeps the handles.
 */
import type { Clock } from './clock-contract';

export class EngineTimers {
  private eventTimer: unknown = null;
  private pollTimer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly onEvent: () => void,
    private readonly onPoll: () => void,
  ) {}

  /** As the core asked: the event timer afresh; the poll kept if running, started or stopped. */
  arm(started: boolean, eventInMs: number | null, poll: { waitMs: number } | null): void {
    if (this.eventTimer !== null) this.clock.clearTimeout(this.eventTimer);
    this.eventTimer = null;
    if (!started) return;
    if (eventInMs !== null) {
      this.eventTimer = this.clock.setTimeout(() => {
        this.eventTimer = null;
        this.onEvent();
      }, eventInMs);
    }
    if (!poll) {
      if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
      this.pollTimer = null;
    } else if (this.pollTimer === null) {
      this.pollTimer = this.clock.setTimeout(() => {
        this.pollTimer = null;
        this.onPoll();
      }, poll.waitMs);
    }
  }

  clear(): void {
    if (this.eventTimer !== null) this.clock.clearTimeout(this.eventTimer);
    if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
    this.eventTimer = null;
    this.pollTimer = null;
  }
}
