import type { BusyReason } from '../../shared/settings';

export type { BusyReason };

/** What one probe found: a value, or null for "can't tell" (never a guess). */
export type Reading<T> = T | null;

/**
 * Thrown (or rejected) by a probe when its source is simply not on this desktop: no X display,
 * no such D-Bus service, no `pactl`. The probe says "can't tell" and is tried less often, but
 * this is not worth a notice.
 */
export class Unavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unavailable';
  }
}

/** A message for the shell's log or the dashboard: a stable code, parameters and English text. */
export interface SystemNotice {
  code: 'system/probe-backoff' | 'system/idle-unknown' | 'system/idle-source';
  params: Record<string, string | number>;
  message: string;
}

export type Platform = 'linux' | 'darwin' | 'win32' | string;

/** Runs a program with a time limit and returns its standard output; rejects on any failure. */
export type CommandRunner = (file: string, args: readonly string[], options: { timeoutMs: number; env: NodeJS.ProcessEnv }) => Promise<string>;
