import { useId, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import type { Action } from '../../../shared/actions';
import type { DirectionalPreference, Profile } from '../../../shared/profile';
import { SettingsShape, WorkingHoursSchema, type Settings, type WorkingHours } from '../../../shared/settings';
import { StepHeading } from '../../ui/StepHeading';
import type { TFunction } from 'i18next';
import { useT } from '../../i18n';
import { DayChips } from '../../ui/DayChips';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

const INTERVAL_PRESETS = [30, 35, 40, 45] as const;
const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' };

export interface AboutYouAnswers {
  directionalPreference: DirectionalPreference;
  legSymptoms: boolean;
  canStand: boolean;
  breakIntervalMin: number;
  workingHours: WorkingHours | null;
}

/** The actions that save the form: settings first, then the profile (with `extra`, e.g. firstRunDone). */
export function aboutYouActions(answers: AboutYouAnswers, extra: Partial<Profile> = {}): Action[] {
  return [
    {
      type: 'settings/update',
      settings: { breakIntervalMin: answers.breakIntervalMin, workingHours: answers.workingHours },
    },
    {
      type: 'profile/save',
      profile: {
        directionalPreference: answers.directionalPreference,
        legSymptoms: answers.legSymptoms,
        canStand: answers.canStand,
        ...extra,
      },
    },
  ];
}

type Errors = Partial<Record<'interval' | 'days' | 'hours', string>>;

function validate(t: TFunction, draft: Draft): { answers: AboutYouAnswers | null; errors: Errors } {
  const errors: Errors = {};
  const interval = draft.intervalChoice === 'other' ? Number(draft.otherInterval) : draft.intervalChoice;
  const intervalCheck = SettingsShape.breakIntervalMin.safeParse(
    draft.intervalChoice === 'other' && draft.otherInterval.trim() === '' ? Number.NaN : interval,
  );
  if (!intervalCheck.success) errors.interval = t('firstRun:about.errors.interval');
  let workingHours: WorkingHours | null = null;
  if (draft.hoursMode === 'hours') {
    const hours = { days: draft.days, start: draft.start, end: draft.end };
    const check = WorkingHoursSchema.safeParse(hours);
    if (!check.success) {
      for (const issue of check.error.issues) {
        if (issue.path[0] === 'days') errors.days = t('firstRun:about.errors.days');
        else errors.hours = issue.message.includes('different')
            ? t('firstRun:about.errors.differ')
            : t('firstRun:about.errors.times');
      }
    } else workingHours = check.data;
  }
  if (Object.keys(errors).length) return { answers: null, errors };
  return {
    answers: {
      directionalPreference: draft.preference,
      legSymptoms: draft.legSymptoms === 'yes',
      canStand: draft.canStand === 'yes',
      breakIntervalMin: interval,
      workingHours,
    },
    errors,
  };
}

interface Draft {
  preference: DirectionalPreference;
  legSymptoms: 'yes' | 'no';
  canStand: 'yes' | 'no';
  intervalChoice: number | 'other';
  otherInterval: string;
  hoursMode: 'always' | 'hours';
  days: number[];
  start: string;
  end: string;
}

function initialDraft(profile: Profile, settings: Settings): Draft {
  const preset = (INTERVAL_PRESETS as readonly number[]).includes(settings.breakIntervalMin);
  const hours = settings.workingHours ?? DEFAULT_HOURS;
  return {
    preference: profile.directionalPreference,
    legSymptoms: profile.legSymptoms ? 'yes' : 'no',
    canStand: profile.canStand ? 'yes' : 'no',
    intervalChoice: preset ? settings.breakIntervalMin : 'other',
    otherInterval: preset ? '' : String(settings.breakIntervalMin),
    hoursMode: settings.workingHours ? 'hours' : 'always',
    days: [...hours.days],
    start: hours.start,
    end: hours.end,
  };
}

/**
 * "About you": which direction eases the back, leg symptoms, standing, working hours and the
 * break interval. Used by the first run and, unchanged, from Settings.
 */
export function AboutYouForm({
  profile,
  settings,
  level,
  headingRef,
  pending,
  error,
  submitLabel,
  onSubmit,
  onBack,
  title,
  inSettings = false,
  includeSchedule = true,
}: {
  profile: Profile;
  settings: Settings;
  level: 1 | 2;
  headingRef?: Ref<HTMLHeadingElement>;
  pending: boolean;
  error: string | null;
  submitLabel: string;
  onSubmit: (answers: AboutYouAnswers) => void;
  onBack?: () => void;
  title?: string;
  /** Shown on the Settings page: no "you can change them in Settings". */
  inSettings?: boolean;
  /**
   * false: the working hours and break interval questions are left out (a page that edits them
   * itself, such as Settings); the answers then carry the current settings unchanged.
   */
  includeSchedule?: boolean;
}) {
  const { t, locale } = useT();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(profile, settings));
  const [errors, setErrors] = useState<Errors>({});
  const uid = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(t, draft);
    setErrors(result.errors);
    if (result.answers) onSubmit(result.answers);
  };

  const toggleDay = (day: number) =>
    set(
      'days',
      draft.days.includes(day) ? draft.days.filter((d) => d !== day) : [...draft.days, day].sort((a, b) => a - b),
    );

  return (
    <form className="flow-step" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <StepHeading level={level} headingRef={headingRef} id={`${uid}-title`}>
        {title ?? t('firstRun:about.title')}
      </StepHeading>
      <p className="flow-lead">{inSettings ? t('firstRun:about.leadSettings') : t('firstRun:about.lead')}</p>

      <RadioGroup
        name={`${uid}-pref`}
        legend={t('firstRun:about.pref.legend')}
        help={t('firstRun:about.pref.help')}
        value={draft.preference}
        onChange={(v) => set('preference', v)}
        options={(['extension', 'flexion', 'unsure'] as const).map((value) => ({
          value,
          title: t(`firstRun:about.pref.${value}.title`),
          help: t(`firstRun:about.pref.${value}.help`),
        }))}
      />

      <RadioGroup
        name={`${uid}-legs`}
        legend={t('firstRun:about.legs.legend')}
        help={t('firstRun:about.legs.help')}
        value={draft.legSymptoms}
        onChange={(v) => set('legSymptoms', v)}
        inline
        options={[
          { value: 'yes', title: t('firstRun:about.yes') },
          { value: 'no', title: t('firstRun:about.no') },
        ]}
      />

      <RadioGroup
        name={`${uid}-stand`}
        legend={t('firstRun:about.stand.legend')}
        help={t('firstRun:about.stand.help')}
        value={draft.canStand}
        onChange={(v) => set('canStand', v)}
        inline
        options={[
          { value: 'yes', title: t('firstRun:about.yes') },
          { value: 'no', title: t('firstRun:about.no') },
        ]}
      />

      {includeSchedule && (
        <fieldset className="flow-fieldset">
          <legend className="flow-legend">{t('firstRun:about.hours.legend')}</legend>
          <div className="flow-choices">
            <Choice
              name={`${uid}-hours`}
              value="always"
              checked={draft.hoursMode === 'always'}
              onChange={() => set('hoursMode', 'always')}
              title={t('firstRun:about.hours.always')}
            />
            <Choice
              name={`${uid}-hours`}
              value="hours"
              checked={draft.hoursMode === 'hours'}
              onChange={() => set('hoursMode', 'hours')}
              title={t('firstRun:about.hours.working')}
              help={t('firstRun:about.hours.workingHelp')}
            />
          </div>
          {draft.hoursMode === 'hours' && (
            <div className="flow-hours">
              <div
                className="flow-days"
                role="group"
                aria-label={t('firstRun:about.hours.days')}
                aria-describedby={errors.days ? `${uid}-days-error` : undefined}
              >
                <DayChips chipClass="flow-chip" locale={locale} chosen={draft.days} onToggle={toggleDay} />
              </div>
              {errors.days && (
                <p className="flow-error" id={`${uid}-days-error`} role="alert">
                  {errors.days}
                </p>
              )}
              <div className="flow-times">
                <label className="flow-time">
                  <span>{t('firstRun:about.hours.from')}</span>
                  <input
                    type="time"
                    value={draft.start}
                    onChange={(e) => set('start', e.target.value)}
                    aria-invalid={errors.hours ? true : undefined}
                  />
                </label>
                <label className="flow-time">
                  <span>{t('firstRun:about.hours.to')}</span>
                  <input
                    type="time"
                    value={draft.end}
                    onChange={(e) => set('end', e.target.value)}
                    aria-invalid={errors.hours ? true : undefined}
                  />
                </label>
              </div>
              {errors.hours && (
                <p className="flow-error" role="alert">
                  {errors.hours}
                </p>
              )}
            </div>
          )}
        </fieldset>
      )}

      {includeSchedule && (
        <Field
          layout="group"
          id={`${uid}-interval`}
          label={t('firstRun:about.interval.legend')}
          hint={t('firstRun:about.interval.help')}
          error={errors.interval}
        >
          <div className="flow-segments">
            {INTERVAL_PRESETS.map((minutes) => (
              <label key={minutes} className="flow-segment">
                <input
                  type="radio"
                  name={`${uid}-interval`}
                  value={minutes}
                  checked={draft.intervalChoice === minutes}
                  onChange={() => set('intervalChoice', minutes)}
                />
                <span className="flow-segment-face">{t('firstRun:about.interval.preset', { n: minutes })}</span>
              </label>
            ))}
            <label className="flow-segment">
              <input
                type="radio"
                name={`${uid}-interval`}
                value="other"
                checked={draft.intervalChoice === 'other'}
                onChange={() => set('intervalChoice', 'other')}
              />
              <span className="flow-segment-face">{t('firstRun:about.interval.other')}</span>
            </label>
          </div>
          {draft.intervalChoice === 'other' && (
            <label className="flow-number">
              <span>{t('firstRun:about.interval.every')}</span>
              <input
                type="number"
                inputMode="numeric"
                min={10}
                max={120}
                step={1}
                value={draft.otherInterval}
                onChange={(e) => set('otherInterval', e.target.value)}
                aria-invalid={errors.interval ? true : undefined}
                aria-describedby={`${uid}-interval-help${errors.interval ? ` ${uid}-interval-error` : ''}`}
              />
              <span>{t('firstRun:about.interval.minutes')}</span>
            </label>
          )}
        </Field>
      )}

      {error && (
        <p className="flow-error" role="alert">
          {error}
        </p>
      )}
      <div className="flow-actions">
        {onBack && (
          <Button type="button" variant="quiet" size="roomy" onClick={onBack}>
            {t('firstRun:back')}
          </Button>
        )}
        <Button type="submit" variant="primary" size="roomy" disabled={pending}>
          {pending ? t('firstRun:saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function RadioGroup<V extends string>({
  name,
  legend,
  help,
  value,
  onChange,
  options,
  inline,
}: {
  name: string;
  legend: string;
  help?: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; title: string; help?: string }[];
  inline?: boolean;
}) {
  return (
    <fieldset className="flow-fieldset" aria-describedby={help ? `${name}-help` : undefined}>
      <legend className="flow-legend">{legend}</legend>
      {help && (
        <p className="flow-help" id={`${name}-help`}>
          {help}
        </p>
      )}
      <div className={inline ? 'flow-choices flow-choices-inline' : 'flow-choices'}>
        {options.map((o) => (
          <Choice
            key={o.value}
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            title={o.title}
            help={o.help}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function Choice({
  name,
  value,
  checked,
  onChange,
  title,
  help,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  title: ReactNode;
  help?: ReactNode;
}) {
  return (
    <label className="flow-choice">
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} />
      <span>
        <span className="flow-choice-title">{title}</span>
        {help && <span className="flow-choice-help">{help}</span>}
      </span>
    </label>
  );
}
