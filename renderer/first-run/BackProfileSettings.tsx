import { useState } from 'react';
import { AboutYouForm, aboutYouActions } from './AboutYou';
import { useEngineSnapshot, useSender, type EngineProps } from './engine';
import { SafetyCheck } from './SafetyCheck';
import './flow.css';
import './first-run.css';

/**
 * The first-run answers, revisitable from Settings: the safety check (with "I've been cleared")
 * and "About you and your back". Two sections with h2 titles; put it inside the settings page.
 */
export function BackProfileSettings(engine: EngineProps) {
  const snapshot = useEngineSnapshot(engine.api);
  const sender = useSender(engine);
  const [saved, setSaved] = useState(false);
  const { profile, settings } = snapshot;

  if (!profile || !settings) {
    return (
      <div className="flow flow-embedded">
        {snapshot.error ? (
          <p className="flow-error" role="alert">
            {snapshot.error}{' '}
            <button type="button" className="flow-button flow-button-quiet" onClick={snapshot.reload}>
              Try again
            </button>
          </p>
        ) : (
          <p className="flow-loading" role="status">
            Loading…
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
          title="About you and your back"
          inSettings
          pending={sender.pending}
          error={sender.error}
          submitLabel="Save changes"
          onSubmit={async (answers) => {
            setSaved(false);
            if (await sender.send(...aboutYouActions(answers))) {
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
          {saved ? 'Saved.' : ''}
        </p>
      </div>
    </div>
  );
}
