import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CheckinInputSchema, type Checkin, type CheckinInput } from '../../../shared/history';
import { ProfileShape } from '../../../shared/profile';
import { errorMessage } from '../../data/api';
import { useCompanionState } from '../../data/companion';
import { hrefFor } from '../../router';
import { PageHeading } from '../../ui/PageHeading';
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

const MISSING: Partial<Record<Field, string>> = {
  painLow: 'Choose your lowest pain today, 0 to 10.',
  painHigh: 'Choose your highest pain today, 0 to 10.',
  confidence: 'Choose how confident you feel, 0 to 10.',
  stiffnessMin: 'Enter the minutes of morning stiffness (0 if none).',
  walkingMin: 'Enter the minutes you walked today (0 if none).',
};

const ORDER: Field[] = ['painLow', 'painHigh', 'stiffnessMin', 'walkingMin', 'task', 'confidence', 'note'];

/** The draft as the schema sees it, with our own words for empty answers. */
export function validate(draft: Draft): { value: CheckinInput | null; errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const num = (key: keyof typeof MISSING & keyof Draft) => {
    const text = draft[key].trim();
    if (text === '') {
      errors[key] = MISSING[key];
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
      if (key && !errors[key]) errors[key] = sentence(issue.message);
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
      if (issue) errors[issue.path[0] as Field] = sentence(issue.message);
    }
  }
  const task = ProfileShape.confidenceTask.safeParse(draft.task.trim());
  if (!task.success) errors.task = sentence(task.error.issues[0]?.message ?? 'That task name cannot be saved.');
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
          <span>0 = {lowWord}</span> <span>10 = {highWord}</span>
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
          min
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

const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

export function CheckinForm({ onSaved }: { onSaved?: (checkin: CheckinInput) => void }) {
  const { api, dispatch } = useCompanionState();
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

  const { errors } = validate(draft);
  const shown = tried ? errors : {};
  const set = (key: keyof Draft) => (value: string) => {
    setSaved(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaveError(null);
    const result = validate(draft);
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
      setSaved(
        result.value.note
          ? 'Check-in saved, and your win with it. It shows up in this week’s summary.'
          : 'Check-in saved. It shows up in this week’s summary.',
      );
      setLastCheckin({ at: new Date().toISOString(), ...result.value });
      setDraft({ ...EMPTY, task });
      setTried(false);
      onSaved?.(result.value);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const task = draft.task.trim();
  return (
    <div className="ci">
      <PageHeading title="Check-in" subtitle="About a minute. Twice a week is plenty." />
      <form ref={form} className="ci-form" noValidate onSubmit={submit} aria-describedby="ci-intro">
        <p id="ci-intro" className="ci-intro">
          {lastCheckin
            ? `Your last check-in was on ${formatDay(lastCheckin.at)}: pain ${lastCheckin.painLow} to ${lastCheckin.painHigh}.`
            : 'This is your first check-in. Answer for today.'}
        </p>

        <fieldset className="ci-group">
          <legend>Pain today</legend>
          <Scale
            name="painLow"
            label="At its lowest"
            value={draft.painLow}
            error={shown.painLow}
            lowWord="no pain"
            highWord="worst imaginable"
            onChange={set('painLow')}
          />
          <Scale
            name="painHigh"
            label="At its highest"
            value={draft.painHigh}
            error={shown.painHigh}
            lowWord="no pain"
            highWord="worst imaginable"
            onChange={set('painHigh')}
          />
        </fieldset>

        <fieldset className="ci-group ci-two">
          <legend>Moving</legend>
          <Minutes
            name="stiffnessMin"
            label="Morning stiffness"
            help="How long your back felt stiff after getting up."
            value={draft.stiffnessMin}
            error={shown.stiffnessMin}
            onChange={set('stiffnessMin')}
          />
          <Minutes
            name="walkingMin"
            label="Walking today"
            help="All of it together, any pace."
            value={draft.walkingMin}
            error={shown.walkingMin}
            onChange={set('walkingMin')}
          />
        </fieldset>

        <fieldset className="ci-group">
          <legend>Confidence</legend>
          <div className={shown.task ? 'ci-field ci-invalid' : 'ci-field'}>
            <label className="ci-label" htmlFor={taskId}>
              A task you would like to feel sure about again
            </label>
            <span className="ci-help" id={`${taskId}-help`}>
              Something ordinary that worries you, such as lifting the laundry basket. It is kept for next time.
            </span>
            <input
              id={taskId}
              type="text"
              className="ci-text"
              maxLength={120}
              placeholder="e.g. lift the laundry basket"
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
            label={
              task
                ? `How confident do you feel about this: “${task}”?`
                : 'How confident do you feel about everyday tasks today?'
            }
            value={draft.confidence}
            error={shown.confidence}
            lowWord="not at all"
            highWord="completely"
            onChange={set('confidence')}
          />
        </fieldset>

        <div className={shown.note ? 'ci-field ci-invalid' : 'ci-field'}>
          <label className="ci-label" htmlFor={noteId}>
            A line of wins <span className="ci-optional">(optional)</span>
          </label>
          <span className="ci-help" id={`${noteId}-help`}>
            Something that felt easier, however small. You will see it in your weekly summary.
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
          <button type="submit" className="ci-button" disabled={saving}>
            {saving ? 'Saving…' : 'Save check-in'}
          </button>
          {tried && Object.keys(errors).length > 0 && (
            <p className="ci-error" role="alert">
              {Object.keys(errors).length === 1
                ? 'One answer needs a look'
                : `${Object.keys(errors).length} answers need a look`}{' '}
              before saving.
            </p>
          )}
        </div>
        {saveError && (
          <p className="ci-error" role="alert">
            The check-in was not saved: {saveError}
          </p>
        )}
        <div aria-live="polite">
          {saved && (
            <p className="ci-saved">
              {saved} <a href={hrefFor('progress')}>See your progress</a>
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
