import type { TargetKey } from '../../../shared/checklist';
import { formatLength, formatLengthRange, formatStature, type WorkstationTargets } from '../../../shared/ergonomics';
import type { Units } from './HeightField';

/** One line for a fix: "Your target: seat about 45 cm from the floor." Null when there is no height. */
export function targetSentence(
  key: TargetKey | undefined,
  targets: WorkstationTargets | null,
  units: Units,
): string | null {
  if (!key || !targets) return null;
  const s = targets.seated;
  const st = targets.standing;
  switch (key) {
    case 'seat':
      return `For your height: a seat about ${formatLength(s.seat, units)} from the floor. That puts your hips about ${formatLength(s.hipsAboveKnees.length, units)} above your knees, your thighs sloping gently down (about ${s.hipsAboveKnees.degrees}°).`;
    case 'desk':
      return `For your height: a desk or keyboard tray about ${formatLength(s.desk, units)} from the floor, with the keys at about elbow height (${formatLength(s.elbow, units)}).`;
    case 'screen':
      return `For your height: the top of the screen ${formatLengthRange(s.screenTop, units)} from the floor when you sit (at or a little below eye level), so you look down about 15–20° to its middle, ${formatLengthRange(s.screenMiddle, units)} from the floor, with the screen ${formatLengthRange(s.viewingDistance, units)} from your eyes.`;
    case 'standing-desk':
      return st ? `For your height: the standing desk at about ${formatLength(st.desk, units)}.` : null;
    case 'standing-screen':
      return st
        ? `For your height: the top of the screen ${formatLengthRange(st.screenTop, units)} from the floor when you stand.`
        : null;
  }
}

/** The targets as tables: sitting, and standing when there is a standing desk. */
export function TargetsTables({
  targets,
  units,
  idPrefix,
}: {
  targets: WorkstationTargets;
  units: Units;
  idPrefix: string;
}) {
  const s = targets.seated;
  const st = targets.standing;
  return (
    <div className="sw-targets">
      <table className="sw-table" aria-labelledby={`${idPrefix}-sitting`}>
        <caption id={`${idPrefix}-sitting`}>Sitting</caption>
        <tbody>
          <tr>
            <th scope="row">Seat height</th>
            <td>{formatLength(s.seat, units)}</td>
          </tr>
          <tr>
            <th scope="row">Desk or keyboard tray</th>
            <td>{formatLength(s.desk, units)}</td>
          </tr>
          <tr>
            <th scope="row">Top of the screen</th>
            <td>{formatLengthRange(s.screenTop, units)}</td>
          </tr>
          <tr>
            <th scope="row">Middle of the screen</th>
            <td>{formatLengthRange(s.screenMiddle, units)}</td>
          </tr>
          <tr>
            <th scope="row">Screen to eyes</th>
            <td>{formatLengthRange(s.viewingDistance, units)}</td>
          </tr>
        </tbody>
      </table>
      {st && (
        <table className="sw-table" aria-labelledby={`${idPrefix}-standing`}>
          <caption id={`${idPrefix}-standing`}>Standing</caption>
          <tbody>
            <tr>
              <th scope="row">Desk height</th>
              <td>{formatLength(st.desk, units)}</td>
            </tr>
            <tr>
              <th scope="row">Top of the screen</th>
              <td>{formatLengthRange(st.screenTop, units)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

export function targetsNote(targets: WorkstationTargets, units: Units): string {
  return `Measured from the floor, for a height of ${formatStature(targets.statureCm, units)} in flat shoes. These are starting points from average body proportions: adjust until it feels comfortable.`;
}
