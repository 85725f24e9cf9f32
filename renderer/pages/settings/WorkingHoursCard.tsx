import { useState } from 'react';
import { type WorkingHours } from '../../../shared/settings';
import { describedBy } from '../../ui/fields';
import { useT } from '../../i18n';
import { describeWorkingHours } from '../../lib/days';
import { DayChips } from '../../ui/DayChips';
import { FieldKey, Errors, same } from './settings-commit';

const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' };

export function WorkingHoursSection({
  value,
  errors,
  commit,
}: {
  value: WorkingHours | null;
  errors: Errors;
  commit: (key: 'workingHours', value: unknown, fieldFor?: (path: PropertyKey[]) => FieldKey) => Promise<boolean>;
}) {
  const { t, locale } = useT();
  const [draft, setDraft] = useState<WorkingHours>(value ?? DEFAULT_HOURS);
  const [mode, setMode] = useState<'always' | 'hours'>(value ? 'hours' : 'always');
  const [seen, setSeen] = useState(value);
  if (!same(value, seen)) {
    setSeen(value);
    if (value) setDraft(value);
    setMode(value ? 'hours' : 'always');
  }

  const fieldFor = (path: PropertyKey[]): FieldKey =>
    path[0] === 'days' ? 'workingHours.days' : path.length ? 'workingHours.time' : 'workingHours';
  const send = (next: WorkingHours) => {
    setDraft(next);
    void commit('workingHours', next, fieldFor);
  };
  const toggleDay = (day: number) => {
    const days = draft.days.includes(day)
      ? draft.days.filter((d) => d !== day)
      : [...draft.days, day].sort((a, b) => a - b);
    send({ ...draft, days });
  };
  const still = value ? t('settings:stillUsing', { value: describeWorkingHours(t, locale, value) }) : null;
  const daysError = errors['workingHours.days'];
  const timeError = errors['workingHours.time'] ?? errors.workingHours;

  return (
    <section className="card settings-card" aria-labelledby="hours-heading">
      <h2 id="hours-heading" className="card-title">
        {t('settings:hours.heading')}
      </h2>
      <fieldset className="setting setting-fieldset">
        <legend className="setting-label">{t('settings:hours.question')}</legend>
        <div className="choice-list">
          <label className="choice">
            <input
              type="radio"
              name="hours-mode"
              value="always"
              checked={mode === 'always'}
              onChange={() => {
                setMode('always');
                void commit('workingHours', null, fieldFor);
              }}
            />
            <span>
              <span className="choice-title">{t('settings:hours.always.title')}</span>
              <span className="choice-help">{t('settings:hours.always.help')}</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="hours-mode"
              value="hours"
              checked={mode === 'hours'}
              onChange={() => {
                setMode('hours');
                send(draft);
              }}
            />
            <span>
              <span className="choice-title">{t('settings:hours.working.title')}</span>
              <span className="choice-help">{t('settings:hours.working.help')}</span>
            </span>
          </label>
        </div>
      </fieldset>

      {mode === 'hours' && (
        <div className="hours-editor">
          <div className={daysError ? 'setting setting-invalid' : 'setting'}>
            <div className="setting-text">
              <p className="setting-label" id="days-label">
                {t('settings:hours.days.label')}
              </p>
              <p className="setting-help" id="days-help">
                {t('settings:hours.days.help')}
              </p>
            </div>
            <div className="setting-control">
              <div
                className="chips"
                role="group"
                aria-labelledby="days-label"
                aria-describedby={describedBy('days', true, !!daysError)}
              >
                <DayChips chipClass="chip" locale={locale} chosen={draft.days} onToggle={toggleDay} />
              </div>
              {daysError && (
                <p className="field-error" id="days-error" role="alert">
                  {daysError}
                  {still && <span className="field-error-note"> {still}</span>}
                </p>
              )}
            </div>
          </div>
          <div className={timeError ? 'setting setting-invalid' : 'setting'}>
            <div className="setting-text">
              <p className="setting-label" id="hours-time-label">
                {t('settings:hours.time.label')}
              </p>
              <p className="setting-help" id="hours-time-help">
                {t('settings:hours.time.help')}
              </p>
            </div>
            <div className="setting-control">
              <div
                className="time-range"
                role="group"
                aria-labelledby="hours-time-label"
                aria-describedby={describedBy('hours-time', true, !!timeError)}
              >
                <label className="time-field">
                  <span>{t('settings:hours.from')}</span>
                  <input
                    type="time"
                    value={draft.start}
                    aria-invalid={!!timeError || undefined}
                    onChange={(e) => send({ ...draft, start: e.target.value })}
                  />
                </label>
                <label className="time-field">
                  <span>{t('settings:hours.to')}</span>
                  <input
                    type="time"
                    value={draft.end}
                    aria-invalid={!!timeError || undefined}
                    onChange={(e) => send({ ...draft, end: e.target.value })}
                  />
                </label>
              </div>
              {timeError && (
                <p className="field-error" id="hours-time-error" role="alert">
                  {timeError}
                  {still && <span className="field-error-note"> {still}</span>}
                </p>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
