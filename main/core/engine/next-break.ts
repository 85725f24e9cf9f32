import { MINUTE_MS } from '../../../shared/time-rules';

/**
 * The one next-break formula (issue 11: it used to be written four times): `breakIntervalMin`
 * after `from`, but never before `notBefore` (no prompt within naturalBreakMin of coming back
 * from a lock or suspend).
 */
export function nextBreakAt(from: number, breakIntervalMin: number, notBefore = -Infinity): number {
  return Math.max(from + breakIntervalMin * MINUTE_MS, notBefore);
}
