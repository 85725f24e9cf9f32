import type { TFunction } from 'i18next';
import type { TargetKey } from '../../../shared/checklist';
import type { WorkstationTargets } from '../../../shared/ergonomics';
import { useT } from '../../i18n';
import type { Units } from './HeightField';
import { lengthRangeText, lengthText, statureText } from './lengths';

/** One line for a fix: "Your target: seat about 45 cm from the floor." Null when there is no height. */
export function targetSentence(
  t: TFunction,
  locale: string,
  key: TargetKey | undefined,
  targets: WorkstationTargets | null,
  units: Units,
): string | null {
  if (!key || !targets) return null;
  const s = targets.seated;
  const st = targets.standing;
  const len = (l: Parameters<typeof lengthText>[2]) => lengthText(t, locale, l, units);
  const range = (r: Parameters<typeof lengthRangeText>[2]) => lengthRangeText(t, locale, r, units);
  switch (key) {
    case 'seat':
      return t('setup:targets.seat', {
        seat: len(s.seat),
        hips: len(s.hipsAboveKnees.length),
        degrees: s.hipsAboveKnees.degrees,
      });
    case 'desk':
      return t('setup:targets.desk', { desk: len(s.desk), elbow: len(s.elbow) });
    case 'screen':
      return t('setup:targets.screen', {
        top: range(s.screenTop),
        middle: range(s.screenMiddle),
        distance: range(s.viewingDistance),
      });
    case 'standing-desk':
      return st ? t('setup:targets.standing-desk', { desk: len(st.desk) }) : null;
    case 'standing-screen':
      return st ? t('setup:targets.standing-screen', { top: range(st.screenTop) }) : null;
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
  const { t, locale } = useT();
  const s = targets.seated;
  const st = targets.standing;
  const len = (l: Parameters<typeof lengthText>[2]) => lengthText(t, locale, l, units);
  const range = (r: Parameters<typeof lengthRangeText>[2]) => lengthRangeText(t, locale, r, units);
  return (
    <div className="sw-targets">
      <table className="sw-table" aria-labelledby={`${idPrefix}-sitting`}>
        <caption id={`${idPrefix}-sitting`}>{t('setup:targets.sitting')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('setup:targets.seatHeight')}</th>
            <td>{len(s.seat)}</td>
          </tr>
          <tr>
            <th scope="row">{t('setup:targets.deskTray')}</th>
            <td>{len(s.desk)}</td>
          </tr>
          <tr>
            <th scope="row">{t('setup:targets.screenTop')}</th>
            <td>{range(s.screenTop)}</td>
          </tr>
          <tr>
            <th scope="row">{t('setup:targets.screenMiddle')}</th>
            <td>{range(s.screenMiddle)}</td>
          </tr>
          <tr>
            <th scope="row">{t('setup:targets.screenEyes')}</th>
            <td>{range(s.viewingDistance)}</td>
          </tr>
        </tbody>
      </table>
      {st && (
        <table className="sw-table" aria-labelledby={`${idPrefix}-standing`}>
          <caption id={`${idPrefix}-standing`}>{t('setup:targets.standing')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('setup:targets.deskHeight')}</th>
              <td>{len(st.desk)}</td>
            </tr>
            <tr>
              <th scope="row">{t('setup:targets.screenTop')}</th>
              <td>{range(st.screenTop)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

export function targetsNote(t: TFunction, locale: string, targets: WorkstationTargets, units: Units): string {
  return t('setup:targets.note', { height: statureText(t, locale, targets.statureCm, units) });
}
