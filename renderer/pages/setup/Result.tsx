import { useId, useState, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { scoreChecklist, type AreaScore, type ChecklistScore, type FixItem } from '../../../shared/checklist';
import type { WorkstationTargets } from '../../../shared/ergonomics';
import type { Checklist } from '../../../shared/history';
import { StepHeading } from '../../ui/StepHeading';
import { formatDay } from '../../lib/time';
import type { Units } from './HeightField';
import { targetSentence, TargetsTables, targetsNote } from './targets';

const FIX_SHOWN = 5;
const PRINT_FIXES = 6;

const tone = (percent: number | null) =>
  percent === null ? 'none' : percent >= 80 ? 'good' : percent >= 50 ? 'fair' : 'low';

const answerWord = (a: FixItem['answer']) => (a === 'no' ? 'No' : 'Not sure');

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

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
  const uid = useId();
  const [showAll, setShowAll] = useState(false);
  const fixes = showAll ? score.fixFirst : score.fixFirst.slice(0, FIX_SHOWN);
  const areas = shownAreas(score);

  return (
    <section className="flow-step sw-result" aria-labelledby={`${uid}-title`}>
      <StepHeading level={1} headingRef={props.headingRef} id={`${uid}-title`}>
        Your workstation results
      </StepHeading>

      {props.saveError ? (
        <div className="flow-error" role="alert">
          <p>Your answers were not saved: {props.saveError}</p>
          <button type="button" className="flow-link-button" onClick={props.onRetrySave}>
            Try saving again
          </button>
        </div>
      ) : (
        <p className="flow-help" role="status">
          {props.saving ? 'Saving your answers…' : props.savedAt ? `Saved ${formatDateTime(props.savedAt)}.` : ''}
        </p>
      )}

      <div className="sw-overall">
        <p className={`sw-overall-number sw-tone-${tone(score.overall)}`}>
          {score.overall === null ? '–' : `${score.overall}%`}
        </p>
        <p className="sw-overall-text">
          {score.overall === null
            ? 'You did not answer any questions, so there is nothing to score yet.'
            : `Overall, across the ${score.answered === 1 ? 'one question' : `${score.answered} questions`} you answered. “Yes” counts fully, “not sure” half.`}
        </p>
      </div>

      <section aria-labelledby={`${uid}-areas`} className="sw-section">
        <h2 id={`${uid}-areas`} className="sw-section-title">
          By area
        </h2>
        <ul className="sw-areas">
          {areas.map((a) => (
            <li key={a.areaId} className="sw-area-row">
              <span className="sw-area-name">{a.title}</span>
              <ScoreBar percent={a.percent} />
              <span className="sw-area-score">
                {a.percent === null ? 'Not answered' : `${a.percent}%`}
                <span className="visually-hidden">
                  {a.percent === null ? '' : `, ${a.answered} of ${a.total} questions answered`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${uid}-fix`} className="sw-section">
        <h2 id={`${uid}-fix`} className="sw-section-title">
          Fix these first
        </h2>
        {score.fixFirst.length === 0 ? (
          <p>
            {score.overall === null
              ? 'Answer a few questions to see what to fix.'
              : 'Nothing to fix: everything you answered is in good shape.'}
          </p>
        ) : (
          <>
            <ol className="sw-fixes">
              {fixes.map((f) => (
                <li key={f.itemId} className="sw-fix-item">
                  <p className="sw-fix-meta">
                    <span className="sw-tag">{f.areaTitle}</span>
                    <span className={`sw-tag sw-tag-${f.answer}`}>You answered: {answerWord(f.answer)}</span>
                  </p>
                  <p className="sw-fix-question">{f.question}</p>
                  <p>{f.fix}</p>
                  {targetSentence(f.target, targets, units) && (
                    <p className="sw-fix-target">{targetSentence(f.target, targets, units)}</p>
                  )}
                  {f.link === 'break-interval' && props.onOpenBreakSettings && (
                    <button type="button" className="flow-link-button" onClick={props.onOpenBreakSettings}>
                      Change the break interval
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {score.fixFirst.length > FIX_SHOWN && (
              <button
                type="button"
                className="flow-button flow-button-quiet"
                aria-expanded={showAll}
                onClick={() => setShowAll((v) => !v)}
              >
                {showAll ? 'Show fewer' : `Show all ${score.fixFirst.length}`}
              </button>
            )}
          </>
        )}
      </section>

      <section aria-labelledby={`${uid}-targets`} className="sw-section">
        <h2 id={`${uid}-targets`} className="sw-section-title">
          Heights for you
        </h2>
        {targets ? (
          <>
            <TargetsTables targets={targets} units={units} idPrefix={uid} />
            <p className="flow-help">{targetsNote(targets, units)}</p>
          </>
        ) : (
          <p>
            Add your height to get seat, desk and screen heights.{' '}
            <button type="button" className="flow-link-button" onClick={props.onAddHeight}>
              Add my height
            </button>
          </p>
        )}
      </section>

      <section aria-labelledby={`${uid}-next`} className="sw-section">
        <h2 id={`${uid}-next`} className="sw-section-title">
          Checking again
        </h2>
        <p>
          {props.recheckAt
            ? `Movesnack will suggest a fresh check around ${formatDay(props.recheckAt)}${props.recheckDays ? ` (every ${props.recheckDays} days; you can change this in Settings)` : ''}.`
            : 'Movesnack will suggest a fresh check from time to time.'}{' '}
          Moved to a different desk? Tell Movesnack, and it will remind you to check the new one.
        </p>
        <div className="flow-actions">
          <button
            type="button"
            className="flow-button flow-button-secondary"
            disabled={props.movePending}
            onClick={props.onMovedDesk}
          >
            I moved desks
          </button>
        </div>
        {props.movedDeskAt && Date.parse(props.movedDeskAt) > Date.parse(props.savedAt ?? '1970-01-01T00:00:00Z') && (
          <p className="sw-note" role="status">
            Noted: you moved desks on {formatDay(props.movedDeskAt)}. Run the check again once you are set up there.
          </p>
        )}
        {props.moveError && (
          <p className="flow-error" role="alert">
            {props.moveError}
          </p>
        )}
      </section>

      <div className="flow-actions sw-result-actions">
        <button
          type="button"
          className="flow-button flow-button-secondary"
          onClick={props.onPrint ?? (() => window.print())}
        >
          Print or save as PDF
        </button>
        <button type="button" className="flow-button flow-button-quiet" onClick={props.onBack}>
          Change my answers
        </button>
        <button type="button" className="flow-button flow-button-quiet" onClick={props.onNewCheck}>
          Start a new check
        </button>
        {props.onClose && (
          <button type="button" className="flow-button flow-button-primary sw-done" onClick={props.onClose}>
            Done
          </button>
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
  const uid = useId();
  const rows = [...history]
    .filter((c) => Number.isFinite(Date.parse(c.at)))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((c) => ({ at: c.at, score: scoreChecklist(c.answers) }));
  return (
    <section aria-labelledby={`${uid}-history`} className="sw-section sw-history">
      <h2 id={`${uid}-history`} className="sw-section-title">
        Past checks
      </h2>
      {rows.length === 0 ? (
        <p className="flow-help">No checks saved yet.</p>
      ) : (
        <div className="sw-table-wrap">
          <table className="sw-table sw-history-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Overall</th>
                <th scope="col">To fix</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.at}>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{r.score.overall === null ? '–' : `${r.score.overall}%`}</td>
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
  const fixes = score.fixFirst.slice(0, PRINT_FIXES);
  const more = score.fixFirst.length - fixes.length;
  return (
    <div className="sw-print-sheet" aria-hidden="true">
      <header className="sw-print-header">
        <p className="sw-print-brand">Movesnack</p>
        <h1 className="sw-print-title">Workstation check</h1>
        <p className="sw-print-date">{formatDateTime(at)}</p>
      </header>
      <div className="sw-print-columns">
        <div>
          <h2 className="sw-print-h2">Overall: {score.overall === null ? '–' : `${score.overall}%`}</h2>
          <table className="sw-table sw-print-table">
            <tbody>
              {shownAreas(score).map((a) => (
                <tr key={a.areaId}>
                  <th scope="row">{a.title}</th>
                  <td>{a.percent === null ? '–' : `${a.percent}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h2 className="sw-print-h2">Heights for you</h2>
          {targets ? (
            <>
              <TargetsTables targets={targets} units={units} idPrefix="sw-print" />
              <p className="sw-print-small">{targetsNote(targets, units)}</p>
            </>
          ) : (
            <p className="sw-print-small">No height entered.</p>
          )}
        </div>
      </div>
      <h2 className="sw-print-h2">Fix these first</h2>
      {fixes.length === 0 ? (
        <p>Nothing to fix.</p>
      ) : (
        <ol className="sw-print-fixes">
          {fixes.map((f) => (
            <li key={f.itemId}>
              <strong>
                {f.areaTitle} ({answerWord(f.answer).toLowerCase()}):
              </strong>{' '}
              {f.fix}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p className="sw-print-small">And {more} more in the app.</p>}
      <p className="sw-print-footer">
        General ergonomic guidance, not medical advice. If something hurts, ask a doctor or physiotherapist.
      </p>
    </div>
  );
}
