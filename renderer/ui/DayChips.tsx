import { WEEK_ORDER, weekdayName } from '../lib/days';

/**
 * The week as toggle buttons, Monday first: each says its short name and, on hover, the full
 * one. The caller draws the group around it (its label, hint and error differ by screen).
 */
export function DayChips({
  chipClass,
  locale,
  chosen,
  onToggle,
}: {
  chipClass: string;
  locale: string;
  chosen: readonly number[];
  onToggle: (day: number) => void;
}) {
  return (
    <>
      {WEEK_ORDER.map((day) => (
        <button
          key={day}
          type="button"
          className={chipClass}
          aria-pressed={chosen.includes(day)}
          title={weekdayName(locale, day)}
          onClick={() => onToggle(day)}
        >
          {weekdayName(locale, day, 'short')}
        </button>
      ))}
    </>
  );
}
