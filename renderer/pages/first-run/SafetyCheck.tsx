import { useId, useState, type FormEvent, type Ref } from 'react';
import { routinesHeldBack, type AgeBand, type Profile, type RedFlagId, type RedFlagScreen } from '../../../shared/profile';
import { URGENCY_ORDER, mostUrgent, presentFlags, redFlagById } from '../../../shared/red-flags';
import { reaskMessage, redFlagText, urgencyText } from '../../../shared/i18n/text';
import { formatDate } from '../../../shared/i18n/format';
import { useT } from '../../i18n';
import { useFocusOnChange, useReaskReason, useSender, type EngineProps } from '../../data/flows';
import { RED_FLAG_COPY, redFlagLabel } from './red-flags';
import { StepHeading } from '../../ui/StepHeading';
import { Button } from '../../ui/Button';

/** The answers of the safety questions, before they are saved. */
export interface SafetyAnswers {
  present: RedFlagId[];
  ageBand: AgeBand;
  newPain: boolean;
}

const AGE_CHOICES: readonly AgeBand[] = ['under-20', '20-49', '50-69', '70-plus'];
type PainStart = 'new' | 'older' | 'none';
const PAIN_CHOICES: readonly PainStart[] = ['new', 'older', 'none'];

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
  submitLabel,
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
  const { t } = useT();
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
        {t('firstRun:safety.title')}
      </StepHeading>
      <p className="flow-lead">
        {t('firstRun:safety.lead')}
      </p>
      {notice && (
        <p className="flow-panel" role="note">
          {notice}
        </p>
      )}
      <RadioChoices
        legend={t('firstRun:safety.age.legend')}
        name={`${uid}-age`}
        className="flow-choices-age"
        choices={AGE_CHOICES.map((value) => ({ value, label: t(`firstRun:safety.age.${value}`) }))}
        value={ageBand}
        describedBy={missing === 'age' ? missingId : undefined}
        onChange={(value) => {
          setMissing(null);
          setAgeBand(value);
        }}
      />
      <RadioChoices
        legend={t('firstRun:safety.pain.legend')}
        name={`${uid}-pain`}
        className="flow-choices-narrow"
        choices={PAIN_CHOICES.map((value) => ({ value, label: t(`firstRun:safety.pain.${value}`) }))}
        value={painStart}
        describedBy={missing === 'pain' ? missingId : undefined}
        onChange={(value) => {
          setMissing(null);
          setPainStart(value);
        }}
      />
      <fieldset className="flow-fieldset" aria-describedby={missing === 'signs' ? missingId : undefined}>
        <legend className="flow-legend">{t('firstRun:safety.signsLegend')}</legend>
        <ul className="flow-checks">
          {RED_FLAG_COPY.map((flag) => ({ ...flag, ...redFlagText(t, flag.id) })).map((flag) => (
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
          {t('firstRun:safety.or')}
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
            <span className="flow-check-title">{t('firstRun:safety.none')}</span>
          </span>
        </label>
      </fieldset>
      {emergencyTicked && (
        <div className="flow-urgent" role="alert">
          <p>
            <strong>{t('firstRun:safety.adviceLine', { title: urgencyText(t, 'emergency').title })}</strong>{' '}
            {urgencyText(t, 'emergency').action}
          </p>
        </div>
      )}
      {missing && (
        <p className="flow-error" id={missingId} role="alert">
          {missing === 'age'
            ? t('firstRun:safety.missingAge')
            : missing === 'pain'
              ? t('firstRun:safety.missingPain')
              : t('firstRun:safety.missingSigns')}
        </p>
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
          {pending ? t('firstRun:saving') : (submitLabel ?? t('firstRun:continue'))}
        </Button>
      </div>
    </form>
  );
}

/** What to do for each urgency the user's answers reached, most urgent first. */
export function UrgencyAdvice({ present }: { present: readonly RedFlagId[] }) {
  const { t } = useT();
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
            <strong>{t('firstRun:safety.adviceLine', { title: urgencyText(t, level).title })}</strong>{' '}
            {urgencyText(t, level).action}
          </p>
          <ul className="flow-flag-list" aria-label={t('firstRun:safety.toldUs', { title: urgencyText(t, level).title })}>
            {present
              .filter((id) => redFlagById(id).urgency === level)
              .map((id) => (
                <li key={id}>{redFlagLabel(t, id)}</li>
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
  const { t } = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useFocusOnChange<HTMLParagraphElement>(confirming);
  const uid = useId();
  const urgency = mostUrgent(screen.present);
  const Sub = level === 1 ? 'h2' : 'h3';
  return (
    <section className="flow-step" aria-labelledby={`${uid}-title`}>
      <StepHeading level={level} headingRef={headingRef} id={`${uid}-title`}>
        {t(`firstRun:safety.held.${urgency === 'emergency' || urgency === 'today' ? urgency : 'appointment'}`)}
      </StepHeading>
      <p className="flow-lead">
        {t('firstRun:safety.held.lead')}
      </p>
      <UrgencyAdvice present={screen.present} />
      <div className="flow-panel">
        <Sub className="flow-subtitle">{t('firstRun:safety.held.untilTitle')}</Sub>
        <p>
          {t('firstRun:safety.held.until')}
        </p>
      </div>

      {!confirming ? (
        <div className="flow-actions">
          <Button type="button" variant="secondary" size="roomy" onClick={() => setConfirming(true)}>
            {t('firstRun:safety.held.cleared')}
          </Button>
          <Button type="button" variant="quiet" size="roomy" onClick={onChangeAnswers}>
            {t('firstRun:safety.held.change')}
          </Button>
          {onContinue && (
            <Button type="button" variant="primary" size="roomy" onClick={onContinue}>
              {continueLabel ?? t('firstRun:continue')}
            </Button>
          )}
        </div>
      ) : (
        <div className="flow-confirm" role="group" aria-labelledby={`${uid}-confirm`}>
          <p id={`${uid}-confirm`} tabIndex={-1} ref={confirmRef} className="flow-confirm-text">
            {t('firstRun:safety.held.confirm')}
          </p>
          <div className="flow-actions">
            <Button type="button" variant="primary" size="roomy" disabled={pending} onClick={onCleared}>
              {pending ? t('firstRun:saving') : t('firstRun:safety.held.yes')}
            </Button>
            <Button type="button" variant="quiet" size="roomy" onClick={() => setConfirming(false)}>
              {t('firstRun:safety.held.notYet')}
            </Button>
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
  const { t } = useT();
  const sender = useSender(engine);
  const [editing, setEditing] = useState(profile.redFlags === null);
  const view = editing ? 'edit' : routinesHeldBack(profile) ? 'held' : 'summary';
  const headingRef = useFocusOnChange<HTMLHeadingElement>(view);
  const screen = profile.redFlags;
  const reason = useReaskReason(engine.api, screen);
  const notice = reason && reason !== 'never' ? reaskMessage(t, reason) : null;

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
        submitLabel={t('firstRun:safety.saveAnswers')}
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
        {t('firstRun:safety.summaryTitle')}
      </StepHeading>
      {screen && <SafetySummary screen={screen} />}
      {notice && (
        <p className="flow-panel flow-reask" role="note">
          {notice}
        </p>
      )}
      <div className="flow-actions">
        <Button type="button" variant="secondary" size="roomy" onClick={() => setEditing(true)}>
          {t('firstRun:safety.again')}
        </Button>
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
  const { t, locale } = useT();
  const day = (iso: string) => formatDate(locale, iso, { day: 'numeric', month: 'long', year: 'numeric' });
  if (screen.present.length === 0) {
    return <p>{t('firstRun:safety.summaryNone', { date: day(screen.answeredAt) })}</p>;
  }
  if (screen.clearedAt) {
    return <p>{t('firstRun:safety.summaryCleared', { date: day(screen.clearedAt) })}</p>;
  }
  return <p>{t('firstRun:safety.summaryHeld')}</p>;
}
