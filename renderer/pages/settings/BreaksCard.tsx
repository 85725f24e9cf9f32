import type { Profile } from '../../../shared/profile';
import { type Settings } from '../../../shared/settings';
import { Errors, Commit } from './settings-commit';
import { RoutinePreference } from './RoutinePreference';
import { NumberSetting } from './NumberSetting';

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
  return (
    <section className="card settings-card" aria-labelledby="breaks-heading">
      <h2 id="breaks-heading" className="card-title">
        Breaks
      </h2>
      <NumberSetting
        id="break-interval"
        label="Break interval"
        help="How long you sit before a break is suggested. Many backs like 30 to 45 minutes."
        unit="min"
        min={10}
        max={120}
        value={s.breakIntervalMin}
        error={errors.breakIntervalMin}
        onCommit={(v) => void commit('breakIntervalMin', v)}
      />
      <NumberSetting
        id="snooze-length"
        label="Snooze length"
        help="How long a snooze puts the break off."
        unit="min"
        min={1}
        max={30}
        value={s.snoozeMin}
        error={errors.snoozeMin}
        onCommit={(v) => void commit('snoozeMin', v)}
      />
      <NumberSetting
        id="snooze-limit"
        label="Snoozes per break"
        help="After this many, the break can be taken or skipped. 0 turns snoozing off."
        unit={s.maxSnoozes === 1 ? 'snooze' : 'snoozes'}
        min={0}
        max={10}
        value={s.maxSnoozes}
        error={errors.maxSnoozes}
        onCommit={(v) => void commit('maxSnoozes', v)}
      />
      <NumberSetting
        id="natural-break"
        label="Natural break"
        help="Time away from the keyboard and mouse that counts as a break on its own."
        unit="min"
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
