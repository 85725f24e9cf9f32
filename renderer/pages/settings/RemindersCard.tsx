import { useState } from 'react';
import { type Settings } from '../../../shared/settings';
import { SettingRow, Switch } from '../../ui/fields';
import { useT } from '../../i18n';
import { WEEK_ORDER, weekdayName } from '../../lib/days';
import { DayChips } from '../../ui/DayChips';
import { Errors, Commit, same } from './settings-commit';
import { ShortcutSetting } from './ShortcutSetting';

const DEFAULT_CHECKIN = { days: [2, 5], time: '17:00' };
const DEFAULT_WEEKLY = { day: 1, time: '09:00' };

/**
 * Calendar reminders the shell shows as quiet notifications: the twice-weekly check-in, the
 * weekly summary, and the "my back is complaining" keyboard shortcut.
 */
export function RemindersCard({ settings, errors, commit }: { settings: Settings; errors: Errors; commit: Commit }) {
  const { t, locale } = useT();
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
        {t('settings:reminders.heading')}
      </h2>
      <SettingRow
        id="checkin-reminder"
        label={t('settings:reminders.checkin.label')}
        help={t('settings:reminders.checkin.help')}
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
            <div className="chips" role="group" aria-label={t('settings:reminders.checkinDays')}>
              <DayChips chipClass="chip chip-small" locale={locale} chosen={checkin.days} onToggle={toggleDay} />
            </div>
            <label className="time-field">
              <span>{t('settings:reminders.at')}</span>
              <input
                type="time"
                value={checkin.time}
                aria-label={t('settings:reminders.checkinTime')}
                onChange={(e) => void commit('checkinReminder', { ...checkin, time: e.target.value })}
              />
            </label>
          </>
        )}
      </SettingRow>
      <SettingRow
        id="weekly-reminder"
        label={t('settings:reminders.weekly.label')}
        help={t('settings:reminders.weekly.help')}
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
              aria-label={t('settings:reminders.weeklyDay')}
              value={weekly.day}
              onChange={(e) => void commit('weeklySummaryReminder', { ...weekly, day: Number(e.target.value) })}
            >
              {WEEK_ORDER.map((day) => (
                <option key={day} value={day}>
                  {weekdayName(locale, day)}
                </option>
              ))}
            </select>
            <label className="time-field">
              <span>{t('settings:reminders.atLower')}</span>
              <input
                type="time"
                value={weekly.time}
                aria-label={t('settings:reminders.weeklyTime')}
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
