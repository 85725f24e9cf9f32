/**
 * The program's quiet reminders at the times the user chose (morning, lunch, evening), on the
 * plan's session days, armed on the injected clock through the engine's Calendar (no timer of its
 * own). Silent while the safety gate holds; the next one is armed either way.
 */
import { sessionDays } from '../../../shared/program/rules';
import { REMINDER_SLOTS, type ProgramState, type ReminderSlot } from '../../../shared/program/state';
import { Calendar, nextWeekly } from '../calendar';
import type { Clock } from '../types';

export interface ProgramReminder {
  kind: 'program';
  slot: ReminderSlot;
  /** When it was due (ISO). */
  at: string;
  text: string;
}

const REMINDER_TEXT: Record<ReminderSlot, string> = {
  morning: 'Time for your morning program session, if it suits you.',
  lunch: 'A short program session around lunch, if you have a few minutes.',
  evening: 'Time for your evening program session, if you feel like it.',
};

export interface ProgramReminders {
  /** Arms every slot from now (after any change to the state). */
  arm(): void;
  next(): { slot: ReminderSlot; at: string } | null;
  clear(): void;
}

export function createProgramReminders(clock: Clock, state: () => ProgramState, gateOpen: () => boolean, onReminder?: (r: ProgramReminder) => void): ProgramReminders {
  const calendar = new Calendar(clock, REMINDER_SLOTS.map((s) => `program-${s}`));
  const days = () => sessionDays(state().schedule, state().stage);
  const nextAt = (slot: ReminderSlot) => {
    const time = state().reminders[slot];
    return state().startedAt && time ? nextWeekly(new Date(clock.now()), days(), time) : null;
  };
  function armSlot(slot: ReminderSlot) {
    const name = `program-${slot}`;
    const at = nextAt(slot);
    if (!at) return calendar.cancel(name);
    calendar.at(name, at, () => {
      if (gateOpen()) onReminder?.({ kind: 'program', slot, at: at.toISOString(), text: REMINDER_TEXT[slot] });
      armSlot(slot);
    });
  }
  return {
    arm() {
      for (const slot of REMINDER_SLOTS) armSlot(slot);
    },
    next() {
      let best: { slot: ReminderSlot; at: string } | null = null;
      for (const slot of REMINDER_SLOTS) {
        const at = nextAt(slot);
        if (at && (!best || at.getTime() < Date.parse(best.at))) best = { slot, at: at.toISOString() };
      }
      return best;
    },
    clear: () => calendar.clear(),
  };
}
