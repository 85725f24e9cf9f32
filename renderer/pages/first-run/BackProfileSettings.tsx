import { useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { AboutYouForm, aboutYouActions } from './AboutYou';
import { useEngineSnapshot, useSender, type EngineProps } from '../../data/flows';
import { SafetyCheck } from './SafetyCheck';
import { useT } from '../../i18n';
import '../../ui/flow.css';
import { Button } from '../../ui/Button';
import './first-run.css';

/**
 * The first-run answers, revisitable from Settings: the safety check (with "I've been cleared")
 * and "About you and your back". Two sections with h2 titles; put it inside the settings page.
 */
export function BackProfileSettings({
  settings: liveSettings,
  scheduleElsewhere = false,
  ...engine
}: EngineProps & {
  /**
   * The page has its own working hours and break interval controls: the form leaves those
   * questions out and saves only the answers about the back.
   */
  scheduleElsewhere?: boolean;
  /**
   * The app's current settings, when it has them: the form then follows changes made elsewhere
   * on the page (the break interval, working hours) instead of the copy read when it opened.
   */
  settings?: Settings;
}) {
  const { t } = useT();
  const snapshot = useEngineSnapshot(engine.api);
  const sender = useSender(engine);
  const [saved, setSaved] = useState(false);
  const profile = snapshot.profile;
  const settings = snapshot.settings ? (liveSettings ?? snapshot.settings) : null;

  if (!profile || !settings) {
    return (
      <div className="flow flow-embedded">
        {snapshot.error ? (
          <p className="flow-error" role="alert">
            {snapshot.error}{' '}
            <Button type="button" variant="quiet" size="roomy" onClick={snapshot.reload}>
              {t('firstRun:tryAgain')}
            </Button>
          </p>
        ) : (
          <p className="flow-loading" role="status">
            {t('firstRun:loading')}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="flow flow-embedded">
      <div className="flow-card">
        <SafetyCheck
          {...engine}
          profile={profile}
          onSaved={(redFlags) => snapshot.setProfile((p) => ({ ...p, redFlags }))}
        />
      </div>
      <div className="flow-card">
        <AboutYouForm
          // Re-read the form when the engine's answers change underneath it.
          key={`${profile.directionalPreference}-${profile.legSymptoms}-${profile.canStand}-${settings.breakIntervalMin}-${JSON.stringify(settings.workingHours)}`}
          profile={profile}
          settings={settings}
          level={2}
          title={t('firstRun:about.settingsTitle')}
          inSettings
          includeSchedule={!scheduleElsewhere}
          pending={sender.pending}
          error={sender.error}
          submitLabel={t('firstRun:saveChanges')}
          onSubmit={async (answers) => {
            setSaved(false);
            const actions = aboutYouActions(answers);
            if (
              await sender.send(...(scheduleElsewhere ? actions.filter((a) => a.type === 'profile/save') : actions))
            ) {
              snapshot.setProfile((p) => ({
                ...p,
                directionalPreference: answers.directionalPreference,
                legSymptoms: answers.legSymptoms,
                canStand: answers.canStand,
              }));
              snapshot.setSettings((s) => ({
                ...s,
                breakIntervalMin: answers.breakIntervalMin,
                workingHours: answers.workingHours,
              }));
              setSaved(true);
            }
          }}
        />
        <p className="flow-saved" role="status">
          {saved ? t('firstRun:saved') : ''}
        </p>
      </div>
    </div>
  );
}
