import type { ProgramWeekSummary } from '../../../shared/program/summaries';
import { formatDistance, formatMinutes, formatPercent } from '../../../shared/i18n/format';
import { useT } from '../../i18n';
import { hrefFor } from '../../router';
import './program-week.css';

/**
 * The home program's part of the shown week (from the engine's weekly summary): sessions done
 * against planned, the lane and plan (now, or as that week ran), walking, morning stiffness and the confidence task.
 * Plain counts, no judgement.
 */
export function ProgramWeekCard({ program, current }: { program: ProgramWeekSummary; current: boolean }) {
  const { t, locale } = useT();
  if (!program.started) {
    return (
      <section className="ms-program-week" aria-labelledby="ms-program-week-title">
        <h3 className="ms-subtitle" id="ms-program-week-title">
          {t('homeProgram:title')}
        </h3>
        <p className="ms-muted">
          {t('homeProgram:notStarted')} <a href={hrefFor('program')}>{t('homeProgram:open')}</a>
        </p>
      </section>
    );
  }
  const sessions =
    program.planned === 0
      ? t('homeProgram:sessions.none', { count: program.done })
      : t(current ? 'homeProgram:sessions.soFar' : 'homeProgram:sessions.done', {
          done: program.done,
          planned: program.planned,
          percent: formatPercent(locale, program.adherence ?? 0),
        });
  const walkingParts: string[] = [];
  if (program.walkingMin > 0) walkingParts.push(formatMinutes(locale, program.walkingMin));
  if (program.walkingMetres > 0) walkingParts.push(formatDistance(locale, program.walkingMetres));
  const walking =
    program.walkingDays === 0
      ? t('homeProgram:notLogged')
      : t('homeProgram:walking.days', { count: program.walkingDays, amount: walkingParts.join(' · ') });
  const stiffness =
    program.stiffnessMin === null
      ? t('homeProgram:notLogged')
      : t('homeProgram:stiffness.average', { minutes: formatMinutes(locale, program.stiffnessMin) });

  return (
    <section className="ms-program-week" aria-labelledby="ms-program-week-title">
      <div className="ms-program-week-head">
        <h3 className="ms-subtitle" id="ms-program-week-title">
          {t('homeProgram:title')}
        </h3>
        <a href={hrefFor('program')}>{t('homeProgram:open')}</a>
      </div>
      <dl className="ms-program-week-facts">
        <div>
          <dt>{t('homeProgram:sessions.label')}</dt>
          <dd>{sessions}</dd>
        </div>
        <div>
          <dt>{t(current ? 'homeProgram:lane.label' : 'homeProgram:lane.labelPast')}</dt>
          <dd>
            {t('homeProgram:lane.value', {
              lane: t(`program:lane.${program.lane}.name`),
              stage: t(`program:stage.${program.stage}`),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('homeProgram:walking.label')}</dt>
          <dd>{walking}</dd>
        </div>
        <div>
          <dt>{t('homeProgram:stiffness.label')}</dt>
          <dd>{stiffness}</dd>
        </div>
        <div>
          <dt>{t('homeProgram:confidence.label')}</dt>
          <dd>
            {program.confidence ? (
              <>
                <span translate="no">{program.confidence.task}</span>
                {': '}
                {t('homeProgram:confidence.rating', { rating: program.confidence.rating })}
              </>
            ) : (
              t('homeProgram:notLogged')
            )}
          </dd>
        </div>
      </dl>
      {program.setbacks > 0 && <p className="ms-muted">{t('homeProgram:setbacks', { count: program.setbacks })}</p>}
    </section>
  );
}
