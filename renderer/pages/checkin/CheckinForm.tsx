import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CheckinInputSchema, type Checkin, type CheckinInput } from '../../../shared/history';
import { ProfileShape } from '../../../shared/profile';
import { errorMessage } from '../../data/api';
import { useCompanionState } from '../../data/companion';
import { hrefFor } from '../../router';
import { PageHeading } from '../../ui/PageHeading';
import type { TFunction } from 'i18next';
import { useT } from '../../i18n';
import { formatLongDate, type Fmt } from '../../lib/time';
import { Button } from '../../ui/Button';
import './checkin.css';

/**
 * The check-in: pain range today, morning stiffness, walking, confidence for the task the
 * user named, and a line of wins. Checked with the engine's own schema (CheckinInputSchema)
 * as the user goes, once they have tried to save; saved with `checkin/save`, the task with
 * `profile/save`.
 */

type Field = keyof CheckinInput | 'task';
type Draft = Record<'painLow' | 'painHigh' | 'confidence' | 'stiffnessMin' | 'walkingMin', string> & {
  note: string;
  task: string;
};

const EMPTY: Draft = {
  painLow: '',
  painHigh: '',
  confidence: '',
  stiffnessMin: '',
  walkingMin: '',
  note: '',
  task: '',
};

type Missing = 'painLow' | 'painHigh' | 'confidence' | 'stiffnessMin' | 'walkingMin';

/** The schema's English rules (shared/history.ts, shared/profile.ts), said in the user's language. */
const RULES: [RegExp, string][] = [
  [/lowest pain cannot be above highest pain/i, 'lowAboveHigh'],
  [/must be a number/, 'number'],
  [/must be a whole number/, 'whole'],
  [/must be between 0 and 10/, 'range'],
  [/cannot be negative/, 'negative'],
  [/cannot be more than a day/, 'tooLong'],
  [/note under 500/, 'noteTooLong'],
  [/task under 120/, 'taskTooLong'],
];
function ruleText(t: TFunction, field: Field, message: string): string {
  const rule = RULES.find(([pattern]) => pattern.test(message));
  if (!rule) return sentence(message);
  return t(`checkin:errors.${rule[1]}`, { label: t(`checkin:errors.labels.${field}`, { defaultValue: field }) });
}

const ORDER: Field[] = ['painLow', 'painHigh', 'stiffnessMin', 'walkingMin', 'task', 'confidence', 'note'];

/** The draft as the schema sees it, with our own words for empty answers. */
export function validate(
  draft: Draft,
  t: TFunction,
): { value: CheckinInput | null; errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const num = (key: Missing) => {
    const text = draft[key].trim();
    if (text === '') {
      errors[key] = t(`checkin:missing.${key}`);
      return Number.NaN;
    }
    return Number(text);
  };
  const candidate = {
    painLow: num('painLow'),
    painHigh: num('painHigh'),
    stiffnessMin: num('stiffnessMin'),
    walkingMin: num('walkingMin'),
    confidence: num('confidence'),
    note: draft.note.trim(),
  };
  const parsed = CheckinInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as Field | undefined;
      if (key && !errors[key]) errors[key] = ruleText(t, key, issue.message);
    }
  }
  // zod runs the "lowest ≤ highest" refinement only once every field is valid; to say it as
  // soon as both pains are chosen, check again with the other fields filled in.
  if (!errors.painLow && !errors.painHigh) {
    const others = ['stiffnessMin', 'walkingMin', 'confidence'] as const;
    const filled = { ...candidate, note: '' };
    for (const key of others) if (errors[key] || !Number.isFinite(filled[key])) filled[key] = 0;
    const cross = CheckinInputSchema.safeParse(filled);
    if (!cross.success) {
      const issue = cross.error.issues.find((i) => i.path[0] === 'painLow' || i.path[0] === 'painHigh');
      if (issue) errors[issue.path[0] as Field] = ruleText(t, issue.path[0] as Field, issue.message);
    }
  }
  const task = ProfileShape.confidenceTask.safeParse(draft.task.trim());
  if (!task.success) {
    const message = task.error.issues[0]?.message;
    errors.task = message ? ruleText(t, 'task', message) : t('checkin:errors.taskInvalid');
  }
  return { value: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

const sentence = (s: string) => {
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

function Scale({
  name,
  label,
  help,
  value,
  error,
  lowWord,
  highWord,
  onChange,
}: {
  name: Field;
  label: string;
  help?: string;
  value: string;
  error?: string;
  lowWord: string;
  highWord: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : null, `${id}-ends`, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'ci-field ci-invalid' : 'ci-field'}>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required="true"
        data-field={name}
      >
        <span className="ci-label" id={`${id}-label`}>
          {label}
        </span>
        {help && (
          <span className="ci-help" id={`${id}-help`}>
            {help}
          </span>
        )}
        <div className="ci-scale">
          {Array.from({ length: 11 }, (_, n) => (
            <label key={n} className="ci-scale-option">
              <input
                type="radio"
                name={`${id}-${name}`}
                value={n}
                checked={value === String(n)}
                onChange={() => onChange(String(n))}
              />
              <span>{n}</span>
            </label>
          ))}
        </div>
        <span className="ci-scale-ends" id={`${id}-ends`}>
          <span>{`0 = ${lowWord}`}</span> <span>{`10 = ${highWord}`}</span>
        </span>
      </div>
      {error && (
        <p className="ci-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function Minutes({
  name,
  label,
  help,
  value,
  error,
  onChange,
}: {
  name: Field;
  label: string;
  help: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const { t } = useT();
  return (
    <div className={error ? 'ci-field ci-invalid' : 'ci-field'}>
      <label className="ci-label" htmlFor={id}>
        {label}
      </label>
      <span className="ci-help" id={`${id}-help`}>
        {help}
      </span>
      <span className="ci-number">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          step={1}
          value={value}
          data-field={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="ci-unit" aria-hidden="true">
          {t('checkin:minUnit')}
        </span>
      </span>
      {error && (
        <p className="ci-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

const formatDay = (iso: string, fmt: Fmt) => formatLongDate(iso, fmt);

export function CheckinForm({ onSaved }: { onSaved?: (checkin: CheckinInput) => void }) {
  const { api, dispatch } = useCompanionState();
  const fmt = useT();
  const { t } = fmt;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [savedTask, setSavedTask] = useState('');
  const [lastCheckin, setLastCheckin] = useState<Checkin | null>(null);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const taskId = useId();
  const noteId = useId();

  useEffect(() => {
    let alive = true;
    api.getProfile().then(
      (profile) => {
        if (!alive) return;
        setSavedTask(profile.confidenceTask);
        setDraft((d) => (d.task === '' ? { ...d, task: profile.confidenceTask } : d));
      },
      () => {
        // Without the profile the task field starts empty; saving still works.
      },
    );
    api.getProgress(4).then(
      (view) => {
        if (alive) setLastCheckin(view.checkins.at(-1) ?? null);
      },
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [api]);

  const { errors } = validate(draft, t);
  const shown = tried ? errors : {};
  const set = (key: keyof Draft) => (value: string) => {
    setSaved(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaveError(null);
    const result = validate(draft, t);
    if (!result.value) {
      const first = ORDER.find((k) => result.errors[k]);
      const within = `[data-field="${first}"]`;
      // A scale: its chosen radio, else its first; a text or number field: itself.
      const target =
        form.current?.querySelector<HTMLElement>(`${within} input:checked`) ??
        form.current?.querySelector<HTMLElement>(`${within} input`) ??
        form.current?.querySelector<HTMLElement>(within);
      target?.focus();
      return;
    }
    setSaving(true);
    try {
      const task = draft.task.trim();
      if (task !== savedTask) {
        await dispatch({ type: 'profile/save', profile: { confidenceTask: task } });
        setSavedTask(task);
      }
      await dispatch({ type: 'checkin/save', checkin: result.value });
      setSaved(result.value.note ? t('checkin:saved.withWin') : t('checkin:saved.plain'));
      setLastCheckin({ at: new Date().toISOString(), ...result.value });
      setDraft({ ...EMPTY, task });
      setTried(false);
      onSaved?.(result.value);
    } catch (e) {
      setSaveError(errorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };

  const task = draft.task.trim();
  return (
    <div className="ci">
      <PageHeading title={t('checkin:title')} subtitle={t('checkin:subtitle')} />
      <form ref={form} className="ci-form" noValidate onSubmit={submit} aria-describedby="ci-intro">
        <p id="ci-intro" className="ci-intro">
          {lastCheckin
            ? t('checkin:last', {
                day: formatDay(lastCheckin.at, fmt),
                low: lastCheckin.painLow,
                high: lastCheckin.painHigh,
              })
            : t('checkin:first')}
        </p>

        <fieldset className="ci-group">
          <legend>{t('checkin:pain.legend')}</legend>
          <Scale
            name="painLow"
            label={t('checkin:pain.lowest')}
            value={draft.painLow}
            error={shown.painLow}
            lowWord={t('checkin:pain.none')}
            highWord={t('checkin:pain.worst')}
            onChange={set('painLow')}
          />
          <Scale
            name="painHigh"
            label={t('checkin:pain.highest')}
            value={draft.painHigh}
            error={shown.painHigh}
            lowWord={t('checkin:pain.none')}
            highWord={t('checkin:pain.worst')}
            onChange={set('painHigh')}
          />
        </fieldset>

        <fieldset className="ci-group ci-two">
          <legend>{t('checkin:moving.legend')}</legend>
          <Minutes
            name="stiffnessMin"
            label={t('checkin:moving.stiffness')}
            help={t('checkin:moving.stiffnessHelp')}
            value={draft.stiffnessMin}
            error={shown.stiffnessMin}
            onChange={set('stiffnessMin')}
          />
          <Minutes
            name="walkingMin"
            label={t('checkin:moving.walking')}
            help={t('checkin:moving.walkingHelp')}
            value={draft.walkingMin}
            error={shown.walkingMin}
            onChange={set('walkingMin')}
          />
        </fieldset>

        <fieldset className="ci-group">
          <legend>{t('checkin:confidence.legend')}</legend>
          <div className={shown.task ? 'ci-field ci-invalid' : 'ci-field'}>
            <label className="ci-label" htmlFor={taskId}>
              {t('checkin:confidence.task')}
            </label>
            <span className="ci-help" id={`${taskId}-help`}>
              {t('checkin:confidence.taskHelp')}
            </span>
            <input
              id={taskId}
              type="text"
              className="ci-text"
              maxLength={120}
              placeholder={t('checkin:confidence.taskPlaceholder')}
              value={draft.task}
              data-field="task"
              aria-invalid={shown.task ? true : undefined}
              aria-describedby={`${taskId}-help${shown.task ? ` ${taskId}-error` : ''}`}
              onChange={(e) => set('task')(e.target.value)}
            />
            {shown.task && (
              <p className="ci-error" id={`${taskId}-error`}>
                {shown.task}
              </p>
            )}
          </div>
          <Scale
            name="confidence"
            label={task ? t('checkin:confidence.aboutTask', { task }) : t('checkin:confidence.everyday')}
            value={draft.confidence}
            error={shown.confidence}
            lowWord={t('checkin:confidence.low')}
            highWord={t('checkin:confidence.high')}
            onChange={set('confidence')}
          />
        </fieldset>

        <div className={shown.note ? 'ci-field ci-invalid' : 'ci-field'}>
          <label className="ci-label" htmlFor={noteId}>
            {t('checkin:note.label')} <span className="ci-optional">{t('checkin:note.optional')}</span>
          </label>
          <span className="ci-help" id={`${noteId}-help`}>
            {t('checkin:note.help')}
          </span>
          <textarea
            id={noteId}
            className="ci-text"
            rows={2}
            maxLength={500}
            value={draft.note}
            data-field="note"
            aria-invalid={shown.note ? true : undefined}
            aria-describedby={`${noteId}-help${shown.note ? ` ${noteId}-error` : ''}`}
            onChange={(e) => set('note')(e.target.value)}
          />
          {shown.note && (
            <p className="ci-error" id={`${noteId}-error`}>
              {shown.note}
            </p>
          )}
        </div>

        <div className="ci-submit">
          <Button type="submit" variant="primary" size="roomy" disabled={saving}>
            {saving ? t('checkin:saving') : t('checkin:save')}
          </Button>
          {tried && Object.keys(errors).length > 0 && (
            <p className="ci-error" role="alert">
              {t('checkin:needLook', { count: Object.keys(errors).length })}
            </p>
          )}
        </div>
        {saveError && (
          <p className="ci-error" role="alert">
            {t('checkin:notSaved', { error: saveError })}
          </p>
        )}
        <div aria-live="polite">
          {saved && (
            <p className="ci-saved">
              {saved} <a href={hrefFor('progress')}>{t('checkin:seeProgress')}</a>
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
