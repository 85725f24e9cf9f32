import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { MovesnackApi } from '../../../shared/ipc-contract';
import { MIN_STRETCHES, scoreText, toleranceText } from '../../../shared/meaningful-change';
import type { WeeklySummary } from '../../../shared/summary';
import { errorMessage } from '../../data/api';
import { printOrSavePdf } from '../../lib/print';
import { weekLabel } from './series';

/**
 * A one-page report for a physical therapist: the last 4, 8 or 12 weeks of comfortable
 * sitting time, pain, check-ins and break adherence. It opens as a modal dialog placed
 * directly in <body>; report.css hides everything else when printing, so window.print() (and
 * Electron's printToPDF) give just this page.
 */

export const REPORT_WEEKS = [4, 8, 12] as const;

const dash = '—';
const longDate = (iso: string | number) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

function sitting(w: WeeklySummary): string {
  if (w.stretchCount === 0) return dash;
  if (w.stretchCount < MIN_STRETCHES) return 'too few';
  return toleranceText(w.tolerance)!.replace(' minutes', ' min').replace(' minute', ' min');
}

function firstLast<T>(items: readonly T[], pick: (t: T) => boolean): [T, T] | null {
  const kept = items.filter(pick);
  return kept.length >= 2 ? [kept[0]!, kept.at(-1)!] : null;
}

export function ReportContent({
  weeks,
  task,
  generatedAt,
}: {
  weeks: readonly WeeklySummary[];
  task: string;
  generatedAt: Date;
}) {
  const first = weeks[0];
  const last = weeks.at(-1);
  const tolerance = firstLast(weeks, (w) => w.stretchCount >= MIN_STRETCHES);
  const pain = firstLast(weeks, (w) => w.checkins.count > 0);
  const taken = weeks.reduce((s, w) => s + w.breaks.taken, 0);
  const skipped = weeks.reduce((s, w) => s + w.breaks.skipped, 0);
  const checkins = weeks.reduce((s, w) => s + w.checkins.count, 0);
  const wins = weeks.flatMap((w) => w.wins.map((text) => ({ text, week: w.weekStart }))).slice(-8);
  return (
    <article className="ms-report-page" aria-labelledby="ms-report-title">
      <header className="ms-report-header">
        <h2 id="ms-report-title">Sitting tolerance and back pain: {weeks.length}-week report</h2>
        {first && last && (
          <p>
            Weeks of {longDate(first.weekStart)} to {longDate(last.weekStart)}
            {' · '}prepared {longDate(generatedAt.getTime())} with Movesnack
          </p>
        )}
      </header>

      <section aria-labelledby="ms-report-key">
        <h3 id="ms-report-key">At a glance</h3>
        <ul className="ms-report-glance">
          <li>
            <strong>Comfortable sitting: </strong>
            {tolerance
              ? `${toleranceText(tolerance[0].tolerance)} at a stretch in the week of ${weekLabel(tolerance[0].weekStart)}, ${toleranceText(tolerance[1].tolerance)} in the week of ${weekLabel(tolerance[1].weekStart)}.`
              : 'not enough sitting recorded to compare weeks.'}
          </li>
          <li>
            <strong>Pain (average of check-ins, 0–10): </strong>
            {pain
              ? `${scoreText(pain[0].checkins.painLow!)}–${scoreText(pain[0].checkins.painHigh!)} in the week of ${weekLabel(pain[0].weekStart)}, ${scoreText(pain[1].checkins.painLow!)}–${scoreText(pain[1].checkins.painHigh!)} in the week of ${weekLabel(pain[1].weekStart)}.`
              : 'not enough check-ins to compare weeks.'}
          </li>
          <li>
            <strong>Breaks: </strong>
            {taken + skipped > 0
              ? `${taken} of ${taken + skipped} prompted breaks taken (${Math.round((taken / (taken + skipped)) * 100)}%).`
              : 'no prompted breaks in this period.'}
          </li>
          <li>
            <strong>Check-ins: </strong>
            {checkins}
            {task ? `. Task the person is working towards: “${task}”.` : '.'}
          </li>
        </ul>
      </section>

      <section aria-labelledby="ms-report-weeks">
        <h3 id="ms-report-weeks">Week by week</h3>
        {/* Scrolls sideways in a narrow window; focusable so the keyboard can scroll it too. */}
        <div className="ms-report-scroll" role="region" aria-label="Week by week, table" tabIndex={0}>
          <table className="ms-report-table">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Comfortable sitting</th>
                <th scope="col">Stretches</th>
                <th scope="col">Pain low–high</th>
                <th scope="col">Stiffness (min)</th>
                <th scope="col">Walking (min)</th>
                <th scope="col">Confidence</th>
                <th scope="col">Breaks taken</th>
                <th scope="col">Routines (min)</th>
                <th scope="col">Felt worse</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => {
                const c = w.checkins;
                const b = w.breaks;
                return (
                  <tr key={w.weekStart}>
                    <th scope="row">{weekLabel(w.weekStart)}</th>
                    <td>{sitting(w)}</td>
                    <td>{w.stretchCount}</td>
                    <td>{c.count ? `${scoreText(c.painLow!)}–${scoreText(c.painHigh!)}` : dash}</td>
                    <td>{c.count ? Math.round(c.stiffnessMin!) : dash}</td>
                    <td>{c.count ? Math.round(c.walkingMin!) : dash}</td>
                    <td>{c.count ? `${scoreText(c.confidence!)}/10` : dash}</td>
                    <td>
                      {b.adherence === null
                        ? dash
                        : `${b.taken}/${b.taken + b.skipped} (${Math.round(b.adherence * 100)}%)`}
                    </td>
                    <td>{Math.round(w.routineMinutes)}</td>
                    <td>{w.feelings.worse}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {wins.length > 0 && (
        <section aria-labelledby="ms-report-wins">
          <h3 id="ms-report-wins">In their own words</h3>
          <ul className="ms-report-wins">
            {wins.map((w, i) => (
              <li key={i}>
                <span className="ms-report-win-week">{weekLabel(w.week)}:</span> {w.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="ms-report-notes">
        <p>
          <strong>How this was measured.</strong> A stretch is a period of sitting at the computer, ended by a break, by
          getting up, or by leaving the desk. Comfortable sitting is the Kaplan–Meier median time to the person&rsquo;s
          first &ldquo;my back is complaining&rdquo; report in a stretch; &ldquo;at least&rdquo; means fewer than half
          of that week&rsquo;s stretches brought a report, and the figure is the longest stretch. Weeks with fewer than{' '}
          {MIN_STRETCHES} stretches are marked &ldquo;too few&rdquo;. Pain, stiffness, walking and confidence are
          self-reported check-in averages. Breaks taken counts prompted breaks taken against those skipped.
        </p>
        <p>Recorded by the person in the Movesnack app. It is not a clinical assessment.</p>
      </footer>
    </article>
  );
}

/** The shortest period (4, 8 or 12 weeks) that holds every week with data. */
export function defaultWeeks(weeks: readonly WeeklySummary[]): number {
  const firstWithData = weeks.findIndex((w) => w.stretchCount > 0 || w.checkins.count > 0);
  const span = firstWithData === -1 ? 0 : weeks.length - firstWithData;
  return REPORT_WEEKS.find((n) => n >= span) ?? REPORT_WEEKS.at(-1)!;
}

export function TherapistReport({
  api,
  weeks,
  task,
  onClose,
}: {
  api: MovesnackApi;
  /** Up to 12 summaries, oldest first. */
  weeks: readonly WeeklySummary[];
  task: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [count, setCount] = useState<number>(() => defaultWeeks(weeks));
  const selectId = useId();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  // In the desktop app: a PDF saved where the user chooses; in a browser: the print dialog.
  const print = async () => {
    setSaving(true);
    setSaved(null);
    setSaveError(null);
    try {
      const d = new Date();
      const stamp = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const to = await printOrSavePdf(api, `Movesnack report ${stamp}`);
      if (to) setSaved(`Saved as ${to}`);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    // The dialog is removed rather than closed, so focus is given back by hand.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof d.showModal === 'function' && !d.open) d.showModal();
    else d.setAttribute('open', '');
    return () => {
      if (d.open && typeof d.close === 'function') d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const shown = weeks.slice(-count);
  return createPortal(
    <dialog
      ref={dialog}
      className="ms-report"
      aria-labelledby="ms-report-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="ms-report-controls">
        <div className="ms-report-field">
          <label htmlFor={selectId}>Period</label>
          <select id={selectId} value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {REPORT_WEEKS.map((n) => (
              <option key={n} value={n}>
                Last {n} weeks
              </option>
            ))}
          </select>
        </div>
        <div className="ms-actions">
          <button type="button" className="ms-button ms-button-primary" disabled={saving} onClick={print}>
            Print or save as PDF
          </button>
          <button type="button" className="ms-button ms-button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="ms-report-status" aria-live="polite">
          {saved}
        </div>
        {saveError && (
          <p className="ms-error" role="alert">
            {saveError}
          </p>
        )}
      </div>
      <ReportContent weeks={shown} task={task} generatedAt={new Date()} />
    </dialog>,
    document.body,
  );
}
