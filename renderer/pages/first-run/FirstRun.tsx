import { useState, type Ref } from 'react';
import { routinesHeldBack, type Profile, type RedFlagScreen } from '../../../shared/profile';
import { AboutYouForm, aboutYouActions } from './AboutYou';
import { useEngineSnapshot, useFocusOnChange, useSender, type EngineProps } from '../../data/flows';
import { HeldBackNotice, newScreen, SafetyQuestions } from './SafetyCheck';
import { StepHeading } from '../../ui/StepHeading';
import { LanguageOptions } from '../../ui/LanguageOptions';
import type { Settings } from '../../../shared/settings';
import { useT } from '../../i18n';
import '../../ui/flow.css';
import { Button } from '../../ui/Button';
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
  const { t } = useT();
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
          <h1 className="flow-title">{t('firstRun:loadError')}</h1>
          <p>{snapshot.error}</p>
          <div className="flow-actions">
            <Button type="button" variant="primary" size="roomy" onClick={snapshot.reload}>
              {t('firstRun:tryAgain')}
            </Button>
          </div>
        </div>
      </div>
    );
  }
  if (!profile || !settings) {
    return (
      <div className="flow first-run">
        <p className="flow-loading" role="status">
          {t('firstRun:loading')}
        </p>
      </div>
    );
  }

  const held = routinesHeldBack(profile);
  const shortcut = safetyOnly && profile.firstRunDone;
  let body;
  // The answers follow the engine live: withdrawn in another window, the held screen has
  // nothing to show, so the questions are asked again.
  const shown = step === 'held' && !profile.redFlags ? 'safety' : step;
  switch (shown) {
    case 'welcome':
      body = (
        <Welcome
          headingRef={headingRef}
          language={settings.language}
          onLanguage={(language) => {
            snapshot.setSettings((s) => ({ ...s, language }));
            void sender.send({ type: 'settings/update', settings: { language } });
          }}
          onNext={() => go('safety')}
        />
      );
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
          continueLabel={shortcut ? t('firstRun:continue') : t('firstRun:continueSetup')}
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
          submitLabel={t('firstRun:saveFinish')}
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
        <span className="visually-hidden">{t('firstRun:progressLabel')}</span>
        {t('firstRun:step', { n: STEP_NUMBER[step], total: STEP_COUNT })}
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

function Welcome({
  headingRef,
  language,
  onLanguage,
  onNext,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  language: Settings['language'];
  onLanguage: (language: Settings['language']) => void;
  onNext: () => void;
}) {
  const { t } = useT();
  return (
    <section className="flow-step" aria-labelledby="fr-welcome-title">
      <StepHeading level={1} headingRef={headingRef} id="fr-welcome-title">
        {t('firstRun:welcome.title')}
      </StepHeading>
      <label className="fr-language">
        <span className="fr-language-label">{t('firstRun:welcome.language')}</span>
        <select
          className="select"
          value={language}
          onChange={(e) => onLanguage(e.target.value as Settings['language'])}
        >
          <LanguageOptions />
        </select>
      </label>
      <p className="flow-lead">{t('firstRun:welcome.lead')}</p>
      <ul className="fr-features">
        <li>
          <strong>{t('firstRun:welcome.breaksTitle')}</strong> {t('firstRun:welcome.breaks')}
        </li>
        <li>
          <strong>{t('firstRun:welcome.checkTitle')}</strong> {t('firstRun:welcome.check')}
        </li>
        <li>
          <strong>{t('firstRun:welcome.comfortTitle')}</strong> {t('firstRun:welcome.comfort')}
        </li>
      </ul>
      <div className="flow-panel fr-not-advice">
        <p>
          <strong>{t('firstRun:welcome.notAdviceTitle')}</strong> {t('firstRun:welcome.notAdvice')}
        </p>
      </div>
      <div className="flow-actions">
        <Button type="button" variant="primary" size="roomy" onClick={onNext}>
          {t('firstRun:welcome.start')}
        </Button>
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
  const { t } = useT();
  const held = routinesHeldBack(profile);
  return (
    <section className="flow-step" aria-labelledby="fr-done-title">
      <StepHeading level={1} headingRef={headingRef} id="fr-done-title">
        {t('firstRun:done.title')}
      </StepHeading>
      {held ? (
        <p className="flow-lead">{t('firstRun:done.held')}</p>
      ) : (
        <p className="flow-lead">{t('firstRun:done.ready')}</p>
      )}
      <p>{t('firstRun:done.next')}</p>
      <div className="flow-actions">
        {onOpenSetup && (
          <Button type="button" variant="primary" size="roomy" onClick={onOpenSetup}>
            {t('firstRun:done.setup')}
          </Button>
        )}
        <Button type="button" variant={onOpenSetup ? 'secondary' : 'primary'} size="roomy" onClick={onFinish}>
          {t('firstRun:done.today')}
        </Button>
      </div>
    </section>
  );
}
