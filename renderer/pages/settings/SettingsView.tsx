import { useCompanionState } from '../../data/companion';
import { Icon } from '../../ui/Icon';
import { BackProfileSettings } from '../first-run';
import { PageHeading } from '../../ui/PageHeading';
import { useSettingsCommit } from './settings-commit';
import { RemindersCard } from './RemindersCard';
import { BackupsCard } from './BackupsCard';
import { WorkingHoursSection } from './WorkingHoursCard';
import { BreaksCard } from './BreaksCard';
import { WorkstationCard } from './WorkstationCard';
import { LookAndSoundCard } from './LookAndSoundCard';
import { StartupCard } from './StartupCard';
import { HoldBreaksCard } from './HoldBreaksCard';
import { LanguageCard } from './LanguageCard';
import { useT } from '../../i18n';
import './settings.css';

/** The Settings page: it only lays out the cards; each card is its own file next to this one. */
export function SettingsView() {
  const { state, api, dispatch, profile } = useCompanionState();
  const { errors, commit, saved } = useSettingsCommit(state);
  const { t } = useT();
  if (!state) return null;
  const s = state.settings;

  return (
    <div className="settings">
      <PageHeading
        title={t('settings:title')}
        subtitle={t('settings:subtitle')}
        aside={
          <p className="saved-note" role="status" aria-live="polite">
            {saved > 0 ? (
              <>
                <Icon name="check" /> {t('settings:saved')}
              </>
            ) : null}
          </p>
        }
      />

      <BreaksCard settings={s} errors={errors} commit={commit} profile={profile} />

      <HoldBreaksCard settings={s} errors={errors} commit={commit} />

      <WorkingHoursSection value={s.workingHours} errors={errors} commit={commit} />

      {/* The first-run answers: the safety check, and about you and your back (two cards). */}
      <div className="settings-back">
        <BackProfileSettings api={api} dispatch={dispatch} settings={s} scheduleElsewhere />
      </div>

      <RemindersCard settings={s} errors={errors} commit={commit} />

      <WorkstationCard settings={s} errors={errors} commit={commit} />

      <LookAndSoundCard settings={s} errors={errors} commit={commit} />

      <LanguageCard settings={s} errors={errors} commit={commit} />

      <StartupCard settings={s} errors={errors} commit={commit} />

      <BackupsCard />
    </div>
  );
}
