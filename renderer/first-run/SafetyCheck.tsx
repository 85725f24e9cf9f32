import { useId, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { routinesHeldBack, type Profile, type RedFlagId, type RedFlagScreen } from '../../shared/profile';
import { useFocusOnChange, useSender, type EngineProps } from './engine';
import { RED_FLAG_COPY, SEE_TODAY, redFlagLabel } from './red-flags';

/** A step title that can take focus, so keyboard and screen-reader users land on it. */
export function StepHeading({
  level,
  children,
  headingRef,
  id,
}: {
  level: 1 | 2;
  children: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
  id?: string;
}) {
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag className="flow-title" tabIndex={-1} ref={headingRef} id={id} data-page-title={level === 1 ? '' : undefined}>
      {children}
    </Tag>
  );
}

export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * The red-flag questions: seven checkboxes and "None of these". Submitting with nothing ticked
 * asks for an answer rather than assuming "none".
 */
export function SafetyQuestions({
  initial,
  level,
  headingRef,
  pending,
  error,
  onSubmit,
  onBack,
  submitLabel = 'Continue',
}: {
  initial: readonly RedFlagId[] | null;
  level: 1 | 2;
  headingRef?: Ref<HTMLHeadingElement>;
  pending: boolean;
  error: string | null;
  onSubmit: (present: RedFlagId[]) => void;
  onBack?: () => void;
  submitLabel?: string;
}) {
  const [ticked, setTicked] = useState<ReadonlySet<RedFlagId>>(() => new Set(initial ?? []));
  const [none, setNone] = useState(initial !== null && initial.length === 0);
  const [missing, setMissing] = useState(false);
  const uid = useId();

  const toggle = (id: RedFlagId, on: boolean) => {
    setMissing(false);
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
    if (!none && ticked.size === 0) {
      setMissing(true);
      return;
    }
    // Keep the profile's order, whatever order they were ticked in.
    onSubmit(RED_FLAG_COPY.map((f) => f.id).filter((id) => ticked.has(id)));
  };

  const missingId = `${uid}-missing`;
  return (
    <form className="flow-step" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <StepHeading level={level} headingRef={headingRef} id={`${uid}-title`}>
        Before you start: a quick safety check
      </StepHeading>
      <p className="flow-lead">
        Movesnack’s movements are gentle, but a few symptoms should be looked at by a doctor before you start any
        exercise routine. This takes a few seconds.
      </p>
      <fieldset className="flow-fieldset" aria-describedby={missing ? missingId : undefined}>
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
              setMissing(false);
              setNone(e.target.checked);
              if (e.target.checked) setTicked(new Set());
            }}
          />
          <span>
            <span className="flow-check-title">None of these</span>
          </span>
        </label>
      </fieldset>
      {missing && (
        <p className="flow-error" id={missingId} role="alert">
          Please tick the ones that apply, or “None of these”.
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

/**
 * Shown while a red flag was reported and no clearance confirmed: get checked first; routines stay
 * off; "I've been checked and cleared" (with a confirmation) turns them back on.
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
  const seeToday = screen.present.some((id) => SEE_TODAY.includes(id));
  const Sub = level === 1 ? 'h2' : 'h3';
  return (
    <section className="flow-step" aria-labelledby={`${uid}-title`}>
      <StepHeading level={level} headingRef={headingRef} id={`${uid}-title`}>
        Please get checked before exercising
      </StepHeading>
      <p className="flow-lead">
        Thank you for telling us. You ticked something that a doctor or physiotherapist should look at before you start
        exercise routines. It can have many causes, and Movesnack cannot tell which: it does not diagnose anything.
      </p>
      <ul className="flow-flag-list" aria-label="What you ticked">
        {screen.present.map((id) => (
          <li key={id}>{redFlagLabel(id)}</li>
        ))}
      </ul>
      {seeToday && (
        <div className="flow-urgent" role="note">
          <p>
            <strong>Please don’t wait.</strong> Numbness in the saddle area or a new change in bladder or bowel control
            needs medical attention straight away: contact a doctor, an urgent care service or an emergency department
            today.
          </p>
        </div>
      )}
      <div className="flow-panel">
        <Sub className="flow-subtitle">Until you have been checked</Sub>
        <p>
          Movesnack’s guided movement routines stay switched off. Break reminders still come, so you can rest your eyes
          and change position as you normally would.
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
            Please confirm: a doctor or physiotherapist has looked at the signs you ticked and said that exercise is
            fine for you.
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
export function newScreen(present: RedFlagId[], now = new Date()): RedFlagScreen {
  return { answeredAt: now.toISOString(), present, clearedAt: null };
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

  const save = async (next: RedFlagScreen) => {
    if (await sender.send({ type: 'profile/save', profile: { redFlags: next } })) {
      onSaved(next);
      setEditing(false);
    }
  };

  if (view === 'edit') {
    return (
      <SafetyQuestions
        initial={screen?.present ?? null}
        level={level}
        headingRef={headingRef}
        pending={sender.pending}
        error={sender.error}
        submitLabel="Save answers"
        onSubmit={(present) => void save(newScreen(present))}
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
