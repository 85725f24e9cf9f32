import type { BusyReason } from './settings';

const HOLD_WORDS: Record<BusyReason, string> = {
  meeting: "you're in a call",
  fullscreen: 'something is fullscreen',
  dnd: 'Do Not Disturb is on',
  app: 'an app on your hold list is running',
};

/** "Break held — you're in a call": the first busy reason, in order of how people say it. */
export function describeHold(busy: readonly BusyReason[]): string {
  const order: BusyReason[] = ['meeting', 'fullscreen', 'dnd', 'app'];
  const reason = order.find((r) => busy.includes(r));
  return reason ? `Break held — ${HOLD_WORDS[reason]}` : 'Break held for a moment';
}
