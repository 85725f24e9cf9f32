import type { Profile } from '../../../shared/profile';
import { type Settings } from '../../../shared/settings';
import { Errors, Commit } from './settings-commit';
import { RoutinePreference } from './RoutinePreference';
import { NumberSetting } from './NumberSetting';
import { useT } from '../../i18n';

export function BreaksCard({
  settings: s,
  errors,
  commit,
  profile,
}: {
  settings: Settings;
  errors: Errors;
  commit: Commit;
  profile: Profile | null;
}) {
  const { t } = useT();
  return (
    <section className="card settings-card" aria-labelledby="breaks-heading">
      <h2 id="breaks-heading" className="card-title">
        {t('settings:breaks.heading')}
      </h2>
      <NumberSetting
        id="break-interval"
        label={t('settings:breaks.interval.label')}
        help={t('settings:breaks.interval.help')}
        unit={t('settings:units.min')}
        min={10}
        max={120}
        value={s.breakIntervalMin}
        error={errors.breakIntervalMin}
        onCommit={(v) => void commit('breakIntervalMin', v)}
      />
      <NumberSetting
        id="snooze-length"
        label={t('settings:breaks.snooze.label')}
        help={t('settings:breaks.snooze.help')}
        unit={t('settings:units.min')}
        min={1}
        max={30}
        value={s.snoozeMin}
        error={errors.snoozeMin}
        onCommit={(v) => void commit('snoozeMin', v)}
      />
      <NumberSetting
        id="snooze-limit"
        label={t('settings:breaks.limit.label')}
        help={t('settings:breaks.limit.help')}
        unit={t('settings:units.snoozes', { count: s.maxSnoozes })}
        min={0}
        max={10}
        value={s.maxSnoozes}
        error={errors.maxSnoozes}
        onCommit={(v) => void commit('maxSnoozes', v)}
      />
      <NumberSetting
        id="natural-break"
        label={t('settings:breaks.natural.label')}
        help={t('settings:breaks.natural.help')}
        unit={t('settings:units.min')}
        min={1}
        max={30}
        value={s.naturalBreakMin}
        error={errors.naturalBreakMin}
        onCommit={(v) => void commit('naturalBreakMin', v)}
      />
      <RoutinePreference
        value={s.routineId}
        profile={profile}
        error={errors.routineId}
        onChange={(id) => void commit('routineId', id)}
      />
    </section>
  );
}
