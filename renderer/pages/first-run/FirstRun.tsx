import { useState, type Ref } from 'react';
import { routinesHeldBack, type Profile, type RedFlagScreen } from '../../../shared/profile';
import { AboutYouForm, aboutYouActions } from './AboutYou';
import { useEngineSnapshot, useFocusOnChange, useSender, type EngineProps } from '../../data/flows';
import { HeldBackNotice, newScreen, SafetyQuestions } from './SafetyCheck';
import { StepHeading } from '../../ui/StepHeading';
import '../../ui/flow.css';
import './first-run.css';

type Step = 'welcome' | 'safety' | 'held' | 'about' | 'done';
const STEP_NUMBER: Record<Step, number> = { welcome: 1, safety: 2, held: 2, about: 3, done: 4 };
const STEP_COUNT = 4;

/**
 * The first run: welcome, the safety check (before any exercise), a few questions about the
 * user's back and working day, then done. Every answer is saved as soon as its step is left, so
 * closing the window halfway keeps what was answered. `firstRunDone` is set at the end.
 */
export function FirstRun({
  onFinish,
  onOpenSetup,
  ...engine
}: EngineProps & {
  /** The user is done (or left): show the dashboard. */
  onFinish: () => void;
  /** "Check my workstation": open the setup wizard. */
  onOpenSetup?: () => void;
}) {
  const snapshot = useEngineSnapshot(engine.api);
  const sender = useSender(engine);
  // "#/first-run?step=safety" (the prompt's link): straight to the safety check, then done.
  const [safetyOnly] = useState(() => /[?&]step=safety\b/.test(window.location.hash));
  const [step, setStep] = useState<Step>(safetyOnly ? 'safety' : 'welcome');
  const headingRef = useFocusOnChange<HTMLHeadingElement>(step);
  const { profile, settings } = snapshot;

  const go = (next: Step) => {
    sender.clearError();
    setStep(next);
  };

  const saveScreen = async (screen: RedFlagScreen, next: Step) => {
    if (await sender.send({ type: 'profile/save', profile: { redFlags: screen } })) {
      snapshot.setProfile((p) => ({ ...p, redFlags: screen }));
      go(next);
    }
  };

  if (snapshot.error && (!profile || !settings)) {
    return (
      <div className="flow first-run">
        <div className="flow-card" role="alert">
          <h1 className="flow-title">Movesnack could not load your answers</h1>
          <p>{snapshot.error}</p>
          <div className="flow-actions">
            <button type="button" className="flow-button flow-button-primary" onClick={snapshot.reload}>
              Try again
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (!profile || !settings) {
    return (
      <div className="flow first-run">
        <p className="flow-loading" role="status">
          Loading…
        </p>
      </div>
    );
  }

  const held = routinesHeldBack(profile);
  const shortcut = safetyOnly && profile.firstRunDone;
  let body;
  switch (step) {
    case 'welcome':
      body = <Welcome headingRef={headingRef} onNext={() => go('safety')} />;
      break;
    case 'safety':
      body = (
        <SafetyQuestions
          key="safety"
          initial={profile.redFlags}
          level={1}
          headingRef={headingRef}
          pending={sender.pending}
          error={sender.error}
          onBack={() => go('welcome')}
          onSubmit={(answers) =>
            void saveScreen(newScreen(answers), answers.present.length ? 'held' : shortcut ? 'done' : 'about')
          }
        />
      );
      break;
    case 'held':
      body = (
        <HeldBackNotice
          screen={profile.redFlags!}
          level={1}
          headingRef={headingRef}
          pending={sender.pending}
          error={sender.error}
          onCleared={() =>
            void saveScreen({ ...profile.redFlags!, clearedAt: new Date().toISOString() }, shortcut ? 'done' : 'about')
          }
          onChangeAnswers={() => go('safety')}
          continueLabel={shortcut ? 'Continue' : 'Continue setting up'}
          onContinue={() => go(shortcut ? 'done' : 'about')}
        />
      );
      break;
    case 'about':
      body = (
        <AboutYouForm
          profile={profile}
          settings={settings}
          level={1}
          headingRef={headingRef}
          pending={sender.pending}
          error={sender.error}
          submitLabel="Save and finish"
          onBack={() => go(held ? 'held' : 'safety')}
          onSubmit={async (answers) => {
            if (await sender.send(...aboutYouActions(answers, { firstRunDone: true }))) {
              snapshot.setProfile((p) => ({
                ...p,
                directionalPreference: answers.directionalPreference,
                legSymptoms: answers.legSymptoms,
                canStand: answers.canStand,
                firstRunDone: true,
              }));
              go('done');
            }
          }}
        />
      );
      break;
    case 'done':
      body = <Done headingRef={headingRef} profile={profile} onFinish={onFinish} onOpenSetup={onOpenSetup} />;
      break;
  }

  return (
    <div className="flow first-run">
      <p className="flow-progress">
        <span className="visually-hidden">Getting started: </span>
        Step {STEP_NUMBER[step]} of {STEP_COUNT}
      </p>
      <ol className="flow-dots" aria-hidden="true">
        {Array.from({ length: STEP_COUNT }, (_, i) => (
          <li key={i} className={i < STEP_NUMBER[step] ? 'flow-dot flow-dot-on' : 'flow-dot'} />
        ))}
      </ol>
      <div className="flow-card">{body}</div>
    </div>
  );
}

function Welcome({ headingRef, onNext }: { headingRef: Ref<HTMLHeadingElement>; onNext: () => void }) {
  return (
    <section className="flow-step" aria-labelledby="fr-welcome-title">
      <StepHeading level={1} headingRef={headingRef} id="fr-welcome-title">
        Welcome to Movesnack
      </StepHeading>
      <p className="flow-lead">
        A small companion for people who sit at a computer all day, especially with a back that complains.
      </p>
      <ul className="fr-features">
        <li>
          <strong>Movement breaks.</strong> Every half hour or so it suggests a one-minute “movement snack” and guides
          you through it.
        </li>
        <li>
          <strong>A workstation check.</strong> A few yes-or-no questions about your screen, chair and keyboard, with
          heights worked out for your body.
        </li>
        <li>
          <strong>Your sitting comfort over time.</strong> It notes how long you sit comfortably and sums it up each
          week.
        </li>
      </ul>
      <div className="flow-panel fr-not-advice">
        <p>
          <strong>Movesnack is not medical advice.</strong> It doesn’t diagnose or treat anything, and it doesn’t
          replace your doctor or physiotherapist. If a movement makes your pain worse, stop it.
        </p>
      </div>
      <div className="flow-actions">
        <button type="button" className="flow-button flow-button-primary" onClick={onNext}>
          Get started
        </button>
      </div>
    </section>
  );
}

function Done({
  headingRef,
  profile,
  onFinish,
  onOpenSetup,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  profile: Profile;
  onFinish: () => void;
  onOpenSetup?: () => void;
}) {
  const held = routinesHeldBack(profile);
  return (
    <section className="flow-step" aria-labelledby="fr-done-title">
      <StepHeading level={1} headingRef={headingRef} id="fr-done-title">
        You’re all set
      </StepHeading>
      {held ? (
        <p className="flow-lead">
          Break reminders are on. Guided routines stay off until you tell Movesnack that a clinician has checked the
          signs you reported; you can do that any time in Settings.
        </p>
      ) : (
        <p className="flow-lead">
          Movesnack will remind you to move, and after each routine it will ask how you feel, so that it can keep the
          movements comfortable for you.
        </p>
      )}
      <p>
        Next, a five-minute check of your desk, chair and screen can take a lot of strain off your back. You can also do
        it later.
      </p>
      <div className="flow-actions">
        {onOpenSetup && (
          <button type="button" className="flow-button flow-button-primary" onClick={onOpenSetup}>
            Check my workstation
          </button>
        )}
        <button
          type="button"
          className={onOpenSetup ? 'flow-button flow-button-secondary' : 'flow-button flow-button-primary'}
          onClick={onFinish}
        >
          Go to today
        </button>
      </div>
    </section>
  );
}
