import type { Profile } from '../../../shared/profile';
import { offeredRoutines } from '../../../shared/routine-selection';
import { routineById } from '../../../shared/routines';
import { describedBy, SettingRow } from '../../ui/fields';
import { useT } from '../../i18n';
import { routineText } from '../../../shared/i18n/text';

/** settings.routineId: 'auto' (chosen by the answers, rotating) or one routine every time. */
export function RoutinePreference({
  value,
  profile,
  error,
  onChange,
}: {
  value: string;
  profile: Profile | null;
  error?: string;
  onChange: (id: string) => void;
}) {
  const { t } = useT();
  const offered = profile ? offeredRoutines(profile) : [];
  const current = value === 'auto' ? null : routineById(value);
  const stale = current && !offered.some((r) => r.id === current.id);
  const help = profile?.legSymptoms ? t('settings:routine.helpLegs') : t('settings:routine.help');
  const nameOf = (id: string) => routineText(t, id).name;
  return (
    <SettingRow
      id="routine-choice"
      label={t('settings:routine.label')}
      help={help}
      error={
        error ??
        (stale ? t('settings:routine.stale', { name: nameOf(current.id) }) : null)
      }
    >
      <select
        id="routine-choice"
        className="select"
        value={value}
        aria-describedby={describedBy('routine-choice', true, !!error || !!stale)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="auto">{t('settings:routine.auto')}</option>
        {offered.map((r) => (
          <option key={r.id} value={r.id}>
            {r.kind === 'nerve-glide' ? t('settings:routine.forLegs', { name: nameOf(r.id) }) : nameOf(r.id)}
          </option>
        ))}
        {stale && <option value={current.id}>{nameOf(current.id)}</option>}
      </select>
    </SettingRow>
  );
}
