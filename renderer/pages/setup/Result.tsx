import { useId, useState, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { scoreChecklist, type AreaScore, type ChecklistScore, type FixItem } from '../../../shared/checklist';
import type { WorkstationTargets } from '../../../shared/ergonomics';
import type { Checklist } from '../../../shared/history';
import { StepHeading } from '../../ui/StepHeading';
import { useT } from '../../i18n';
import { formatDate, formatPercent } from '../../../shared/i18n/format';
import { checklistAreaText, checklistItemText } from '../../../shared/i18n/text';
import type { Units } from './HeightField';
import { targetSentence, TargetsTables, targetsNote } from './targets';
import { Button } from '../../ui/Button';

const FIX_SHOWN = 5;
const PRINT_FIXES = 6;

const tone = (percent: number | null) =>
  percent === null ? 'none' : percent >= 80 ? 'good' : percent >= 50 ? 'fair' : 'low';

export function formatDateTime(locale: string, iso: string): string {
  return formatDate(locale, iso, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}

const percentText = (locale: string, percent: number | null) => (percent === null ? '–' : formatPercent(locale, percent / 100));

/** A bar drawn with SVG attributes (no inline styles under the CSP). */
export function ScoreBar({ percent }: { percent: number | null }) {
  return (
    <svg
      className={`sw-bar sw-tone-${tone(percent)}`}
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="sw-bar-track" x="0" y="0" width="100" height="8" rx="4" />
      {percent !== null && percent > 0 && (
        <rect className="sw-bar-fill" x="0" y="0" width={Math.max(4, percent)} height="8" rx="4" />
      )}
    </svg>
  );
}

/** The areas the user went through: every core area, and optional ones with answers. */
export function shownAreas(score: ChecklistScore): AreaScore[] {
  return score.areas.filter((a) => !a.optional || a.answered > 0);
}

export interface ResultProps {
  /** Print or save as PDF; defaults to the browser's print dialog. */
  onPrint?: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  score: ChecklistScore;
  targets: WorkstationTargets | null;
  units: Units;
  savedAt: string | null;
  saving: boolean;
  saveError: string | null;
  onRetrySave: () => void;
  history: readonly Checklist[];
  recheckAt: string | null;
  recheckDays: number | null;
  movedDeskAt: string | null;
  movePending: boolean;
  moveError: string | null;
  onMovedDesk: () => void;
  onNewCheck: () => void;
  onBack: () => void;
  onAddHeight: () => void;
  onOpenBreakSettings?: () => void;
  onClose?: () => void;
}

export function Result(props: ResultProps) {
  const { score, targets, units } = props;
  const { t, locale } = useT();
  const formatDay = (iso: string) => formatDate(locale, iso, { day: 'numeric', month: 'long', year: 'numeric' });
  const answerWord = (a: FixItem['answer']) => t(`setup:answers.${a}`);
  const uid = useId();
  const [showAll, setShowAll] = useState(false);
  const fixes = showAll ? score.fixFirst : score.fixFirst.slice(0, FIX_SHOWN);
  const areas = shownAreas(score);

  return (
    <section className="flow-step sw-result" aria-labelledby={`${uid}-title`}>
      <StepHeading level={1} headingRef={props.headingRef} id={`${uid}-title`}>
        {t('setup:result.title')}
      </StepHeading>

      {props.saveError ? (
        <div className="flow-error" role="alert">
          <p>{t('setup:result.notSaved', { error: props.saveError })}</p>
          <button type="button" className="flow-link-button" onClick={props.onRetrySave}>
            {t('setup:result.retry')}
          </button>
        </div>
      ) : (
        <p className="flow-help" role="status">
          {props.saving
            ? t('setup:result.savingAnswers')
            : props.savedAt
              ? t('setup:result.saved', { when: formatDateTime(locale, props.savedAt) })
              : ''}
        </p>
      )}

      <div className="sw-overall">
        <p className={`sw-overall-number sw-tone-${tone(score.overall)}`}>
          {percentText(locale, score.overall)}
        </p>
        <p className="sw-overall-text">
          {score.overall === null
            ? t('setup:result.nothingToScore')
            : t('setup:result.overall', { count: score.answered })}
        </p>
      </div>

      <section aria-labelledby={`${uid}-areas`} className="sw-section">
        <h2 id={`${uid}-areas`} className="sw-section-title">
          {t('setup:result.byArea')}
        </h2>
        <ul className="sw-areas">
          {areas.map((a) => (
            <li key={a.areaId} className="sw-area-row">
              <span className="sw-area-name">{checklistAreaText(t, a.areaId).title}</span>
              <ScoreBar percent={a.percent} />
              <span className="sw-area-score">
                {a.percent === null ? t('setup:result.notAnswered') : percentText(locale, a.percent)}
                <span className="visually-hidden">
                  {a.percent === null ? '' : t('setup:result.answeredOf', { answered: a.answered, total: a.total })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${uid}-fix`} className="sw-section">
        <h2 id={`${uid}-fix`} className="sw-section-title">
          {t('setup:result.fixFirst')}
        </h2>
        {score.fixFirst.length === 0 ? (
          <p>
            {score.overall === null
              ? t('setup:result.answerSome')
              : t('setup:result.nothingToFix')}
          </p>
        ) : (
          <>
            <ol className="sw-fixes">
              {fixes.map((f) => (
                <li key={f.itemId} className="sw-fix-item">
                  <p className="sw-fix-meta">
                    <span className="sw-tag">{checklistAreaText(t, f.areaId).title}</span>
                    <span className={`sw-tag sw-tag-${f.answer}`}>
                      {t('setup:result.youAnswered', { answer: answerWord(f.answer) })}
                    </span>
                  </p>
                  <p className="sw-fix-question">{checklistItemText(t, f.itemId).question}</p>
                  <p>{checklistItemText(t, f.itemId).fix}</p>
                  {targetSentence(t, locale, f.target, targets, units) && (
                    <p className="sw-fix-target">{targetSentence(t, locale, f.target, targets, units)}</p>
                  )}
                  {f.link === 'break-interval' && props.onOpenBreakSettings && (
                    <button type="button" className="flow-link-button" onClick={props.onOpenBreakSettings}>
                      {t('setup:result.changeInterval')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {score.fixFirst.length > FIX_SHOWN && (
              <Button
                type="button"
                variant="quiet"
                size="roomy"
                aria-expanded={showAll}
                onClick={() => setShowAll((v) => !v)}
              >
                {showAll ? t('setup:result.showFewer') : t('setup:result.showAll', { count: score.fixFirst.length })}
              </Button>
            )}
          </>
        )}
      </section>

      <section aria-labelledby={`${uid}-targets`} className="sw-section">
        <h2 id={`${uid}-targets`} className="sw-section-title">
          {t('setup:result.heights')}
        </h2>
        {targets ? (
          <>
            <TargetsTables targets={targets} units={units} idPrefix={uid} />
            <p className="flow-help">{targetsNote(t, locale, targets, units)}</p>
          </>
        ) : (
          <p>
            {t('setup:result.addHeightText')}{' '}
            <button type="button" className="flow-link-button" onClick={props.onAddHeight}>
              {t('setup:result.addHeight')}
            </button>
          </p>
        )}
      </section>

      <section aria-labelledby={`${uid}-next`} className="sw-section">
        <h2 id={`${uid}-next`} className="sw-section-title">
          {t('setup:result.checkingAgain')}
        </h2>
        <p>
          {props.recheckAt
            ? props.recheckDays
              ? t('setup:result.recheckAroundEvery', { date: formatDay(props.recheckAt), days: props.recheckDays })
              : t('setup:result.recheckAround', { date: formatDay(props.recheckAt) })
            : t('setup:result.recheckSometimes')}{' '}
          {t('setup:result.movedText')}
        </p>
        <div className="flow-actions">
          <Button
            type="button"
            variant="secondary"
            size="roomy"
            disabled={props.movePending}
            onClick={props.onMovedDesk}
          >
            {t('setup:start.moved')}
          </Button>
        </div>
        {props.movedDeskAt && Date.parse(props.movedDeskAt) > Date.parse(props.savedAt ?? '1970-01-01T00:00:00Z') && (
          <p className="sw-note" role="status">
            {t('setup:result.movedNoted', { date: formatDay(props.movedDeskAt) })}
          </p>
        )}
        {props.moveError && (
          <p className="flow-error" role="alert">
            {props.moveError}
          </p>
        )}
      </section>

      <div className="flow-actions sw-result-actions">
        <Button type="button" variant="secondary" size="roomy" onClick={props.onPrint ?? (() => window.print())}>
          {t('setup:result.print')}
        </Button>
        <Button type="button" variant="quiet" size="roomy" onClick={props.onBack}>
          {t('setup:result.change')}
        </Button>
        <Button type="button" variant="quiet" size="roomy" onClick={props.onNewCheck}>
          {t('setup:result.newCheck')}
        </Button>
        {props.onClose && (
          <Button type="button" variant="primary" size="roomy" className="sw-done" onClick={props.onClose}>
            {t('setup:result.done')}
          </Button>
        )}
      </div>

      <History history={props.history} />

      {createPortal(
        <PrintSheet score={score} targets={targets} units={units} at={props.savedAt ?? new Date().toISOString()} />,
        document.body,
      )}
    </section>
  );
}

/** Past checks, newest first. */
export function History({ history }: { history: readonly Checklist[] }) {
  const { t, locale } = useT();
  const uid = useId();
  const rows = [...history]
    .filter((c) => Number.isFinite(Date.parse(c.at)))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((c) => ({ at: c.at, score: scoreChecklist(c.answers) }));
  return (
    <section aria-labelledby={`${uid}-history`} className="sw-section sw-history">
      <h2 id={`${uid}-history`} className="sw-section-title">
        {t('setup:result.past')}
      </h2>
      {rows.length === 0 ? (
        <p className="flow-help">{t('setup:result.noPast')}</p>
      ) : (
        <div className="sw-table-wrap">
          <table className="sw-table sw-history-table">
            <thead>
              <tr>
                <th scope="col">{t('setup:result.date')}</th>
                <th scope="col">{t('setup:result.overallCol')}</th>
                <th scope="col">{t('setup:result.toFix')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.at}>
                  <td>{formatDateTime(locale, r.at)}</td>
                  <td>{percentText(locale, r.score.overall)}</td>
                  <td>{r.score.fixFirst.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The printed page: one sheet, rendered into <body> so the print CSS can show it alone. Hidden on
 * screen; aria-hidden because it repeats the result above.
 */
export function PrintSheet({
  score,
  targets,
  units,
  at,
}: {
  score: ChecklistScore;
  targets: WorkstationTargets | null;
  units: Units;
  at: string;
}) {
  const { t, locale } = useT();
  const fixes = score.fixFirst.slice(0, PRINT_FIXES);
  const more = score.fixFirst.length - fixes.length;
  return (
    <div className="sw-print-sheet" aria-hidden="true">
      <header className="sw-print-header">
        <p className="sw-print-brand">Movesnack</p>
        <h1 className="sw-print-title">{t('setup:print.title')}</h1>
        <p className="sw-print-date">{formatDateTime(locale, at)}</p>
      </header>
      <div className="sw-print-columns">
        <div>
          <h2 className="sw-print-h2">{t('setup:print.overall', { score: percentText(locale, score.overall) })}</h2>
          <table className="sw-table sw-print-table">
            <tbody>
              {shownAreas(score).map((a) => (
                <tr key={a.areaId}>
                  <th scope="row">{checklistAreaText(t, a.areaId).title}</th>
                  <td>{percentText(locale, a.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h2 className="sw-print-h2">{t('setup:result.heights')}</h2>
          {targets ? (
            <>
              <TargetsTables targets={targets} units={units} idPrefix="sw-print" />
              <p className="sw-print-small">{targetsNote(t, locale, targets, units)}</p>
            </>
          ) : (
            <p className="sw-print-small">{t('setup:print.noHeight')}</p>
          )}
        </div>
      </div>
      <h2 className="sw-print-h2">{t('setup:result.fixFirst')}</h2>
      {fixes.length === 0 ? (
        <p>{t('setup:print.nothing')}</p>
      ) : (
        <ol className="sw-print-fixes">
          {fixes.map((f) => (
            <li key={f.itemId}>
              <strong>
                {t('setup:print.fixLine', {
                  area: checklistAreaText(t, f.areaId).title,
                  answer: t(`setup:print.answers.${f.answer}`),
                })}
              </strong>{' '}
              {checklistItemText(t, f.itemId).fix}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p className="sw-print-small">{t('setup:print.more', { count: more })}</p>}
      <p className="sw-print-footer">
        {t('setup:print.footer')}
      </p>
    </div>
  );
}
