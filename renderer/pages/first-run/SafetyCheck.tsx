import { useId, useState, type FormEvent, type Ref } from 'react';
import { routinesHeldBack, type AgeBand, type Profile, type RedFlagId, type RedFlagScreen } from '../../../shared/profile';
import {
  URGENCY_ADVICE,
  URGENCY_ORDER,
  mostUrgent,
  presentFlags,
  reaskText,
  redFlagById,
} from '../../../shared/red-flags';
import { useFocusOnChange, useReaskReason, useSender, type EngineProps } from '../../data/flows';
import { RED_FLAG_COPY, redFlagLabel } from './red-flags';
import { StepHeading } from '../../ui/StepHeading';
import { formatDay } from '../../lib/time';

/** The answers of the safety questions, before they are saved. */
export interface SafetyAnswers {
  present: RedFlagId[];
  ageBand: AgeBand;
  newPain: boolean;
}

const AGE_CHOICES: readonly { value: AgeBand; label: string }[] = [
  { value: 'under-20', label: 'Under 20' },
  { value: '20-49', label: '20 to 49' },
  { value: '50-69', label: '50 to 69' },
  { value: '70-plus', label: '70 or older' },
];
type PainStart = 'new' | 'older' | 'none';
const PAIN_CHOICES: readonly { value: PainStart; label: string }[] = [
  { value: 'new', label: 'In the last six weeks' },
  { value: 'older', label: 'More than six weeks ago' },
  { value: 'none', label: 'I have no back pain at the moment' },
];

/**
 * The red-flag questions (shared/red-flags.ts): the age group, when this back pain started,
 * the warning signs as checkboxes and "None of these". Submitting with a question unanswered
 * asks for it rather than assuming anything.
 */
/** One question answered by one of a few radio choices, as a labelled fieldset. */
function RadioChoices<T extends string>({
  legend,
  name,
  className,
  choices,
  value,
  describedBy,
  onChange,
}: {
  legend: string;
  name: string;
  className: string;
  choices: readonly { value: T; label: string }[];
  value: T | null | undefined;
  describedBy: string | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flow-fieldset" aria-describedby={describedBy}>
      <legend className="flow-legend">{legend}</legend>
      <div className={`flow-choices ${className}`}>
        {choices.map((c) => (
          <label key={c.value} className="flow-choice">
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <span>
              <span className="flow-choice-title">{c.label}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SafetyQuestions({
  initial,
  level,
  headingRef,
  pending,
  error,
  onSubmit,
  onBack,
  submitLabel = 'Continue',
  notice,
}: {
  initial: RedFlagScreen | null;
  level: 1 | 2;
  headingRef?: Ref<HTMLHeadingElement>;
  pending: boolean;
  error: string | null;
  onSubmit: (answers: SafetyAnswers) => void;
  onBack?: () => void;
  submitLabel?: string;
  /** Why the questions are asked again (shared/red-flags.ts reaskText), shown under the title. */
  notice?: string | null;
}) {
  const [ticked, setTicked] = useState<ReadonlySet<RedFlagId>>(
    () => new Set((initial?.present ?? []).filter((id) => id !== 'age-new-pain')),
  );
  const [none, setNone] = useState(
    initial !== null && initial.present.filter((id) => id !== 'age-new-pain').length === 0,
  );
  const [ageBand, setAgeBand] = useState<AgeBand | null>(initial?.ageBand ?? null);
  const [painStart, setPainStart] = useState<PainStart | null>(
    initial?.newPain === true ? 'new' : initial?.newPain === false ? 'older' : null,
  );
  const [missing, setMissing] = useState<'signs' | 'age' | 'pain' | null>(null);
  const uid = useId();

  const toggle = (id: RedFlagId, on: boolean) => {
    setMissing(null);
    setNone(false);
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ageBand) return setMissing('age');
    if (!painStart) return setMissing('pain');
    if (!none && ticked.size === 0) return setMissing('signs');
    const newPain = painStart === 'new';
    onSubmit({ present: presentFlags(ticked, ageBand, newPain), ageBand, newPain });
  };

  const missingId = `${uid}-missing`;
  const emergencyTicked = [...ticked].some((id) => redFlagById(id).urgency === 'emergency');
  return (
    <form className="flow-step" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <StepHeading level={level} headingRef={headingRef} id={`${uid}-title`}>
        Before you start: a quick safety check
      </StepHeading>
      <p className="flow-lead">
        Movesnack’s movements are gentle, but a few symptoms should be looked at by a doctor before you start any
        exercise routine. This takes about 30 seconds.
      </p>
      {notice && (
        <p className="flow-panel" role="note">
          {notice}
        </p>
      )}
      <RadioChoices
        legend="How old are you?"
        name={`${uid}-age`}
        className="flow-choices-age"
        choices={AGE_CHOICES}
        value={ageBand}
        describedBy={missing === 'age' ? missingId : undefined}
        onChange={(value) => {
          setMissing(null);
          setAgeBand(value);
        }}
      />
      <RadioChoices
        legend="When did this bout of back pain start?"
        name={`${uid}-pain`}
        className="flow-choices-narrow"
        choices={PAIN_CHOICES}
        value={painStart}
        describedBy={missing === 'pain' ? missingId : undefined}
        onChange={(value) => {
          setMissing(null);
          setPainStart(value);
        }}
      />
      <fieldset className="flow-fieldset" aria-describedby={missing === 'signs' ? missingId : undefined}>
        <legend className="flow-legend">Do any of these apply to you at the moment? Tick all that do.</legend>
        <ul className="flow-checks">
          {RED_FLAG_COPY.map((flag) => (
            <li key={flag.id}>
              <label className="flow-check">
                <input
                  type="checkbox"
                  name="red-flag"
                  value={flag.id}
                  checked={ticked.has(flag.id)}
                  onChange={(e) => toggle(flag.id, e.target.checked)}
                  aria-describedby={`${uid}-${flag.id}`}
                />
                <span>
                  <span className="flow-check-title">{flag.label}</span>
                  <span className="flow-check-help" id={`${uid}-${flag.id}`}>
                    {flag.detail}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p className="flow-or" aria-hidden="true">
          or
        </p>
        <label className="flow-check flow-check-none">
          <input
            type="checkbox"
            name="red-flag-none"
            checked={none}
            onChange={(e) => {
              setMissing(null);
              setNone(e.target.checked);
              if (e.target.checked) setTicked(new Set());
            }}
          />
          <span>
            <span className="flow-check-title">None of these</span>
          </span>
        </label>
      </fieldset>
      {emergencyTicked && (
        <div className="flow-urgent" role="alert">
          <p>
            <strong>{URGENCY_ADVICE.emergency.title}.</strong> {URGENCY_ADVICE.emergency.action}
          </p>
        </div>
      )}
      {missing && (
        <p className="flow-error" id={missingId} role="alert">
          {missing === 'age'
            ? 'Please choose your age group.'
            : missing === 'pain'
              ? 'Please say when this back pain started.'
              : 'Please tick the ones that apply, or “None of these”.'}
        </p>
      )}
      {error && (
        <p className="flow-error" role="alert">
          {error}
        </p>
      )}
      <div className="flow-actions">
        {onBack && (
          <button type="button" className="flow-button flow-button-quiet" onClick={onBack}>
            Back
          </button>
        )}
        <button type="submit" className="flow-button flow-button-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** What to do for each urgency the user's answers reached, most urgent first. */
export function UrgencyAdvice({ present }: { present: readonly RedFlagId[] }) {
  const levels = URGENCY_ORDER.filter((level) => present.some((id) => redFlagById(id).urgency === level));
  return (
    <div className="flow-urgency-list">
      {levels.map((level) => (
        <div
          key={level}
          className={
            level === 'emergency' ? 'flow-urgent' : level === 'today' ? 'flow-urgent flow-urgent-today' : 'flow-panel'
          }
          role={level === 'emergency' ? 'alert' : 'note'}
          data-urgency={level}
        >
          <p>
            <strong>{URGENCY_ADVICE[level].title}.</strong> {URGENCY_ADVICE[level].action}
          </p>
          <ul className="flow-flag-list" aria-label={`${URGENCY_ADVICE[level].title}: what you told us`}>
            {present
              .filter((id) => redFlagById(id).urgency === level)
              .map((id) => (
                <li key={id}>{redFlagLabel(id)}</li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/**
 * Shown while a red flag was reported and no clearance confirmed: what to do, with its urgency
 * in plain words (emergency now / a doctor today / an appointment); routines stay off; the plain
 * walking break is still there; "I've been checked and cleared" (with a confirmation) turns
 * routines back on.
 */
export function HeldBackNotice({
  screen,
  level,
  headingRef,
  pending,
  error,
  onCleared,
  onChangeAnswers,
  continueLabel,
  onContinue,
}: {
  screen: RedFlagScreen;
  level: 1 | 2;
  headingRef?: Ref<HTMLHeadingElement>;
  pending: boolean;
  error: string | null;
  onCleared: () => void;
  onChangeAnswers: () => void;
  continueLabel?: string;
  onContinue?: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useFocusOnChange<HTMLParagraphElement>(confirming);
  const uid = useId();
  const urgency = mostUrgent(screen.present);
  const Sub = level === 1 ? 'h2' : 'h3';
  return (
    <section className="flow-step" aria-labelledby={`${uid}-title`}>
      <StepHeading level={level} headingRef={headingRef} id={`${uid}-title`}>
        {urgency === 'emergency'
          ? 'Please get emergency help now'
          : urgency === 'today'
            ? 'Please see a doctor today'
            : 'Please get checked before exercising'}
      </StepHeading>
      <p className="flow-lead">
        Thank you for telling us. What you told us needs a doctor to look at it, and exercise routines wait until then.
        It can have many causes, and Movesnack cannot tell which: it does not diagnose anything.
      </p>
      <UrgencyAdvice present={screen.present} />
      <div className="flow-panel">
        <Sub className="flow-subtitle">Until you have been checked</Sub>
        <p>
          Movesnack’s guided movement routines stay switched off. Break reminders still come, with a plain “stand up and
          walk about” minute that counts as a break taken.
        </p>
      </div>

      {!confirming ? (
        <div className="flow-actions">
          <button type="button" className="flow-button flow-button-secondary" onClick={() => setConfirming(true)}>
            I’ve been checked and cleared
          </button>
          <button type="button" className="flow-button flow-button-quiet" onClick={onChangeAnswers}>
            Change my answers
          </button>
          {onContinue && (
            <button type="button" className="flow-button flow-button-primary" onClick={onContinue}>
              {continueLabel ?? 'Continue'}
            </button>
          )}
        </div>
      ) : (
        <div className="flow-confirm" role="group" aria-labelledby={`${uid}-confirm`}>
          <p id={`${uid}-confirm`} tabIndex={-1} ref={confirmRef} className="flow-confirm-text">
            Please confirm: a doctor or physiotherapist has looked at what you told us and said that exercise is fine
            for you.
          </p>
          <div className="flow-actions">
            <button type="button" className="flow-button flow-button-primary" disabled={pending} onClick={onCleared}>
              {pending ? 'Saving…' : 'Yes, turn routines on'}
            </button>
            <button type="button" className="flow-button flow-button-quiet" onClick={() => setConfirming(false)}>
              Not yet
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="flow-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The red-flag answer to save: now, what was ticked, not cleared. */
export function newScreen(answers: SafetyAnswers, now = new Date()): RedFlagScreen {
  return { answeredAt: now.toISOString(), clearedAt: null, ...answers };
}

/**
 * The whole safety check for Settings: the current answer and its date, the hold notice while
 * routines are off, and "Answer again".
 */
export function SafetyCheck({
  profile,
  onSaved,
  level = 2,
  ...engine
}: EngineProps & {
  profile: Profile;
  /** Called with the saved answer, so the parent can keep its copy of the profile. */
  onSaved: (screen: RedFlagScreen) => void;
  level?: 1 | 2;
}) {
  const sender = useSender(engine);
  const [editing, setEditing] = useState(profile.redFlags === null);
  const view = editing ? 'edit' : routinesHeldBack(profile) ? 'held' : 'summary';
  const headingRef = useFocusOnChange<HTMLHeadingElement>(view);
  const screen = profile.redFlags;
  const reason = useReaskReason(engine.api, screen);
  const notice = reason && reason !== 'never' ? reaskText(reason) : null;

  const save = async (next: RedFlagScreen) => {
    if (await sender.send({ type: 'profile/save', profile: { redFlags: next } })) {
      onSaved(next);
      setEditing(false);
    }
  };

  if (view === 'edit') {
    return (
      <SafetyQuestions
        initial={screen}
        notice={notice}
        level={level}
        headingRef={headingRef}
        pending={sender.pending}
        error={sender.error}
        submitLabel="Save answers"
        onSubmit={(answers) => void save(newScreen(answers))}
        onBack={screen ? () => setEditing(false) : undefined}
      />
    );
  }
  if (view === 'held' && screen) {
    return (
      <HeldBackNotice
        screen={screen}
        level={level}
        headingRef={headingRef}
        pending={sender.pending}
        error={sender.error}
        onCleared={() => void save({ ...screen, clearedAt: new Date().toISOString() })}
        onChangeAnswers={() => setEditing(true)}
      />
    );
  }
  return (
    <section className="flow-step" aria-labelledby="safety-summary-title">
      <StepHeading level={level} headingRef={headingRef} id="safety-summary-title">
        Safety check
      </StepHeading>
      {screen && <SafetySummary screen={screen} />}
      {notice && (
        <p className="flow-panel flow-reask" role="note">
          {notice}
        </p>
      )}
      <div className="flow-actions">
        <button type="button" className="flow-button flow-button-secondary" onClick={() => setEditing(true)}>
          Answer the safety questions again
        </button>
      </div>
      {sender.error && (
        <p className="flow-error" role="alert">
          {sender.error}
        </p>
      )}
    </section>
  );
}

export function SafetySummary({ screen }: { screen: RedFlagScreen }) {
  if (screen.present.length === 0) {
    return (
      <p>
        On {formatDay(screen.answeredAt)} you told us none of the warning signs applied. If that changes, answer the
        questions again.
      </p>
    );
  }
  if (screen.clearedAt) {
    return (
      <p>
        On {formatDay(screen.clearedAt)} you confirmed that a clinician checked the signs you reported and said exercise
        is fine. Routines are on. If anything new appears, answer the questions again.
      </p>
    );
  }
  return <p>Routines are off until you confirm a clinician has checked the signs you reported.</p>;
}
