import type { Profile } from '../../../shared/profile';
import { offeredRoutines } from '../../../shared/routine-selection';
import { routineById } from '../../../shared/routines';
import { describedBy, SettingRow } from '../../ui/fields';

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
  const offered = profile ? offeredRoutines(profile) : [];
  const current = value === 'auto' ? null : routineById(value);
  const stale = current && !offered.some((r) => r.id === current.id);
  const help = profile?.legSymptoms
    ? 'Chosen for you: Movesnack picks by your answers and varies the moves. Nerve glides are offered because you mentioned leg symptoms; they are never picked for you.'
    : 'Chosen for you: Movesnack picks by your answers and varies the moves. Or do the same routine every time.';
  return (
    <SettingRow
      id="routine-choice"
      label="Routine"
      help={help}
      error={
        error ??
        (stale ? `“${current.name}” does not suit your current answers, so routines are chosen for you.` : null)
      }
    >
      <select
        id="routine-choice"
        className="select"
        value={value}
        aria-describedby={describedBy('routine-choice', true, !!error || !!stale)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="auto">Chosen for you</option>
        {offered.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
            {r.kind === 'nerve-glide' ? ' (for leg symptoms)' : ''}
          </option>
        ))}
        {stale && <option value={current.id}>{current.name}</option>}
      </select>
    </SettingRow>
  );
}
