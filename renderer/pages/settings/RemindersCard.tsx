import { useState } from 'react';
import { type Settings } from '../../../shared/settings';
import { SettingRow, Switch } from '../../ui/fields';
import { DAY_NAMES, dayShort, WEEK_ORDER } from '../../lib/time';
import { Errors, Commit, same } from './settings-commit';
import { ShortcutSetting } from './ShortcutSetting';

const DEFAULT_CHECKIN = { days: [2, 5], time: '17:00' };
const DEFAULT_WEEKLY = { day: 1, time: '09:00' };

/**
 * Calendar reminders the shell shows as quiet notifications: the twice-weekly check-in, the
 * weekly summary, and the "my back is complaining" keyboard shortcut.
 */
export function RemindersCard({ settings, errors, commit }: { settings: Settings; errors: Errors; commit: Commit }) {
  const checkin = settings.checkinReminder;
  const weekly = settings.weeklySummaryReminder;
  // Remember the last choice while switched off, so switching back on restores it.
  const [lastCheckin, setLastCheckin] = useState(checkin ?? DEFAULT_CHECKIN);
  const [lastWeekly, setLastWeekly] = useState(weekly ?? DEFAULT_WEEKLY);
  if (checkin && !same(checkin, lastCheckin)) setLastCheckin(checkin);
  if (weekly && !same(weekly, lastWeekly)) setLastWeekly(weekly);

  const toggleDay = (day: number) => {
    if (!checkin) return;
    const days = checkin.days.includes(day)
      ? checkin.days.filter((d) => d !== day)
      : [...checkin.days, day].sort((a, b) => a - b);
    void commit('checkinReminder', { ...checkin, days });
  };

  return (
    <section className="card settings-card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" className="card-title">
        Reminders
      </h2>
      <SettingRow
        id="checkin-reminder"
        label="Check-in reminder"
        help="A gentle nudge to note your pain, stiffness and wins. Twice a week is plenty."
        error={errors.checkinReminder}
      >
        <Switch
          id="checkin-reminder"
          checked={!!checkin}
          hasHelp
          onChange={(on) => void commit('checkinReminder', on ? lastCheckin : null)}
        />
        {checkin && (
          <>
            <div className="chips" role="group" aria-label="Check-in days">
              {WEEK_ORDER.map((day) => (
                <button
                  key={day}
                  type="button"
                  className="chip chip-small"
                  aria-pressed={checkin.days.includes(day)}
                  title={DAY_NAMES[day]}
                  onClick={() => toggleDay(day)}
                >
                  {dayShort(day)}
                </button>
              ))}
            </div>
            <label className="time-field">
              <span>At</span>
              <input
                type="time"
                value={checkin.time}
                aria-label="Check-in reminder time"
                onChange={(e) => void commit('checkinReminder', { ...checkin, time: e.target.value })}
              />
            </label>
          </>
        )}
      </SettingRow>
      <SettingRow
        id="weekly-reminder"
        label="Weekly summary"
        help="Once a week, a note that your summary is ready on the Progress page."
        error={errors.weeklySummaryReminder}
      >
        <Switch
          id="weekly-reminder"
          checked={!!weekly}
          hasHelp
          onChange={(on) => void commit('weeklySummaryReminder', on ? lastWeekly : null)}
        />
        {weekly && (
          <span className="inline-fields">
            <select
              className="select"
              aria-label="Weekly summary day"
              value={weekly.day}
              onChange={(e) => void commit('weeklySummaryReminder', { ...weekly, day: Number(e.target.value) })}
            >
              {WEEK_ORDER.map((day) => (
                <option key={day} value={day}>
                  {DAY_NAMES[day]}
                </option>
              ))}
            </select>
            <label className="time-field">
              <span>at</span>
              <input
                type="time"
                value={weekly.time}
                aria-label="Weekly summary time"
                onChange={(e) => void commit('weeklySummaryReminder', { ...weekly, time: e.target.value })}
              />
            </label>
          </span>
        )}
      </SettingRow>
      <ShortcutSetting value={settings.discomfortShortcut} error={errors.discomfortShortcut} commit={commit} />
    </section>
  );
}
