import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMINDER_SLOTS, type ReminderSlot, type ReminderTimes } from '../../../shared/program/state';
import type { ProgramData, ProgramView } from '../../data/program';
import { useT } from '../../i18n';
import { ProgramFigure } from '../../illustrations';
import { Icon } from '../../ui/Icon';
import { WEEKDAYS_MONDAY_FIRST } from './words';
import { Button } from '../../ui/Button';

/** A weekday's short and full names in the user's language (2026-11-01 is a Sunday). */
function useWeekdayNames() {
  const { locale } = useT();
  const name = (day: number, weekday: 'short' | 'long') =>
    new Intl.DateTimeFormat(locale, { weekday }).format(new Date(2026, 10, 1 + day, 12));
  return { short: (d: number) => name(d, 'short'), long: (d: number) => name(d, 'long') };
}

function DaysAndSessions({
  days,
  perDay,
  onDays,
  onPerDay,
}: {
  days: readonly number[];
  perDay: 2 | 3;
  onDays: (days: number[]) => void;
  onPerDay: (n: 2 | 3) => void;
}) {
  const { t } = useTranslation('program');
  const names = useWeekdayNames();
  const id = useId();
  return (
    <>
      <fieldset className="program-days">
        <legend>{t('plan.days')}</legend>
        <p className="hint">{t('plan.daysHelp')}</p>
        <div className="program-day-list">
          {WEEKDAYS_MONDAY_FIRST.map((d) => {
            const on = days.includes(d);
            return (
              <label key={d} className={`program-day${on ? ' program-day-on' : ''}`}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && days.length === 1}
                  aria-label={names.long(d)}
                  onChange={(e) => onDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
                />
                <span aria-hidden="true">{names.short(d)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="program-per-day">
        <legend>{t('plan.perDay')}</legend>
        <div className="segmented">
          {([2, 3] as const).map((n) => (
            <label key={n} className="segment">
              <input type="radio" name={`${id}-per-day`} checked={perDay === n} onChange={() => onPerDay(n)} />
              <span className="segment-face">{t('plan.perDayN', { count: n })}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** Before the program starts: what it is, the days and sessions, and the start button. */
export function StartCard({ view, program }: { view: ProgramView; program: ProgramData }) {
  const { t } = useTranslation('program');
  const [days, setDays] = useState<number[]>(() => [...view.schedule.days]);
  const [perDay, setPerDay] = useState<2 | 3>(view.schedule.sessionsPerDay);
  return (
    <section className="card program-start" aria-labelledby="program-start-title">
      <div className="program-start-intro">
        <div className="program-start-figure">
          <ProgramFigure pose="hook-lying-march" side="left" label={t('start.figure')} floor />
        </div>
        <div>
          <h2 id="program-start-title" className="card-title">
            {t('start.title')}
          </h2>
          <p>{t('start.lead')}</p>
          <ul className="program-lanes">
            {(['calm', 'control', 'capacity'] as const).map((lane) => (
              <li key={lane} className={`program-lane program-lane-${lane}`}>
                <span className="program-lane-name">{t(`lane.${lane}.name`)}</span>
                <span className="program-lane-help">{t(`lane.${lane}.help`)}</span>
              </li>
            ))}
          </ul>
          <p className="hint">{t('start.rules')}</p>
        </div>
      </div>
      <DaysAndSessions days={days} perDay={perDay} onDays={setDays} onPerDay={setPerDay} />
      <div className="actions">
        <Button
          type="button"
          variant="primary"
          size="large"
          disabled={program.pending || days.length === 0}
          onClick={() => void program.run({ type: 'program/start', days, sessionsPerDay: perDay })}
        >
          <Icon name="play" />
          {t('start.button')}
        </Button>
      </div>
    </section>
  );
}

/** The plan's days and sessions, and quiet reminder times (morning, lunch, evening). */
export function PlanCard({ view, program }: { view: ProgramView; program: ProgramData }) {
  const { t } = useTranslation('program');
  const { locale } = useT();
  const [days, setDays] = useState<number[]>(() => [...view.schedule.days]);
  const [perDay, setPerDay] = useState<2 | 3>(view.schedule.sessionsPerDay);
  const [times, setTimes] = useState<ReminderTimes>(() => ({ ...view.reminders }));
  const [saved, setSaved] = useState<string | null>(null);
  const scheduleDirty =
    perDay !== view.schedule.sessionsPerDay || [...days].sort().join() !== [...view.schedule.days].sort().join();
  const timesDirty = REMINDER_SLOTS.some((s) => times[s] !== view.reminders[s]);
  const save = async () => {
    let ok = true;
    if (scheduleDirty) ok = await program.run({ type: 'program/schedule', days, sessionsPerDay: perDay });
    if (ok && timesDirty) ok = await program.run({ type: 'program/reminders', ...times });
    if (ok) setSaved(t('plan.saved'));
  };
  const setSlot = (slot: ReminderSlot, value: string | null) => {
    setSaved(null);
    setTimes((c) => ({ ...c, [slot]: value }));
  };
  const next = view.nextReminder
    ? new Intl.DateTimeFormat(locale, { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(
        new Date(view.nextReminder.at),
      )
    : null;
  return (
    <section className="card" aria-labelledby="program-plan-title">
      <h2 id="program-plan-title" className="card-title">
        {t('plan.title')}
      </h2>
      <p className="card-subtitle">{view.stage === 'later' ? t('plan.leadLater') : t('plan.leadEarly')}</p>
      <DaysAndSessions
        days={days}
        perDay={perDay}
        onDays={(d) => {
          setSaved(null);
          setDays(d);
        }}
        onPerDay={(n) => {
          setSaved(null);
          setPerDay(n);
        }}
      />
      <fieldset className="program-reminders">
        <legend>{t('reminders.title')}</legend>
        <p className="hint">{t('reminders.help')}</p>
        {REMINDER_SLOTS.map((slot) => {
          const on = times[slot] !== null;
          const id = `program-reminder-${slot}`;
          return (
            <div key={slot} className="program-reminder">
              <label className="program-check">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => setSlot(slot, e.target.checked ? defaultTime(slot) : null)}
                />
                <span>{t(`reminders.${slot}`)}</span>
              </label>
              <label className="visually-hidden" htmlFor={id}>
                {t('reminders.timeFor', { slot: t(`reminders.${slot}`) })}
              </label>
              <input
                id={id}
                type="time"
                value={times[slot] ?? ''}
                disabled={!on}
                onChange={(e) => e.target.value && setSlot(slot, e.target.value)}
              />
            </div>
          );
        })}
        <p className="program-next-reminder">{next ? t('reminders.next', { when: next }) : t('reminders.none')}</p>
      </fieldset>
      <div className="actions">
        <Button
          type="button"
          variant="primary"
          disabled={program.pending || (!scheduleDirty && !timesDirty)}
          onClick={() => void save()}
        >
          {t('plan.save')}
        </Button>
        {saved && (
          <p className="live-note" role="status">
            {saved}
          </p>
        )}
      </div>
    </section>
  );
}

const defaultTime = (slot: ReminderSlot) => (slot === 'morning' ? '08:00' : slot === 'lunch' ? '12:30' : '18:30');
