/**
 * Time rules the engine keeps and the UI needs to describe (one home, issue 11 item 3).
 * Engine-only timings (poll pacing, heartbeats, timer limits) stay in main/core/engine.
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A routine nobody finishes or ends is closed after this long, as taken with no feeling. */
export const ROUTINE_TIMEOUT_MS = 10 * MINUTE_MS;
/** When the last busy reason ends, a held break comes due this much later. */
export const PRESENCE_GRACE_MS = MINUTE_MS;
/** "Which step felt worse?" can be answered this long after the routine. */
export const WORSE_QUESTION_MS = 30 * MINUTE_MS;
/** state.warnings (and state.notices) keep at most this many distinct messages. */
export const MAX_WARNINGS = 12;
