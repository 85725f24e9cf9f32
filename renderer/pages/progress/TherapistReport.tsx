import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { addDays } from 'date-fns';
import type { MovesnackApi } from '../../../shared/ipc-contract';
import type { TFunction } from 'i18next';
import { MIN_STRETCHES } from '../../../shared/meaningful-change';
import type { Tolerance } from '../../../shared/summary';
import { formatDate, formatPercent } from '../../../shared/i18n/format';
import { useT } from '../../i18n';
import type { WeeklySummary } from '../../../shared/summary';
import { errorMessage } from '../../data/api';
import { printOrSavePdf } from '../../lib/print';
import { scoreIn, weekLabel } from './series';
import { Button } from '../../ui/Button';
import type { ReportRow } from '../../../shared/program/summaries';
import { programRowText } from './program-report';

/**
 * A one-page report for a physical therapist: the last 4, 8 or 12 weeks of comfortable
 * sitting time, pain, check-ins and break adherence. It opens as a modal dialog placed
 * directly in <body>; report.css hides everything else when printing, so window.print() (and
 * Electron's printToPDF) give just this page.
 */

export const REPORT_WEEKS = [4, 8, 12] as const;

const dash = '—';
const longDate = (locale: string, iso: string | number) =>
  formatDate(locale, iso, { day: 'numeric', month: 'long', year: 'numeric' });

/** "about 38 minutes" / "at least 45 minutes", in the language. */
function toleranceWords(t: TFunction, tol: Tolerance): string {
  return tol.medianMin !== null
    ? t('progress:report.aboutMinutes', { count: Math.round(tol.medianMin) })
    : t('progress:report.atLeastMinutes', { count: Math.round(tol.atLeastMin ?? 0) });
}

function sitting(t: TFunction, w: WeeklySummary): string {
  if (w.stretchCount === 0) return dash;
  if (w.stretchCount < MIN_STRETCHES) return t('progress:report.tooFew');
  const tol = w.tolerance;
  if (tol.medianMin === null && tol.atLeastMin === null) return dash;
  return tol.medianMin !== null
    ? t('progress:report.aboutMin', { n: Math.round(tol.medianMin) })
    : t('progress:report.atLeastMin', { n: Math.round(tol.atLeastMin ?? 0) });
}

function firstLast<T>(items: readonly T[], pick: (t: T) => boolean): [T, T] | null {
  const kept = items.filter(pick);
  return kept.length >= 2 ? [kept[0]!, kept.at(-1)!] : null;
}

export function ReportContent({
  weeks,
  task,
  generatedAt,
  programRows = null,
}: {
  weeks: readonly WeeklySummary[];
  task: string;
  generatedAt: Date;
  /** The home program's rows over the same weeks (getProgramReport); null or empty: no section. */
  programRows?: readonly ReportRow[] | null;
}) {
  const { t, locale } = useT();
  const first = weeks[0];
  const last = weeks.at(-1);
  const tolerance = firstLast(weeks, (w) => w.stretchCount >= MIN_STRETCHES);
  const pain = firstLast(weeks, (w) => w.checkins.count > 0);
  const taken = weeks.reduce((s, w) => s + w.breaks.taken, 0);
  const skipped = weeks.reduce((s, w) => s + w.breaks.skipped, 0);
  const checkins = weeks.reduce((s, w) => s + w.checkins.count, 0);
  const wins = weeks.flatMap((w) => w.wins.map((text) => ({ text, week: w.weekStart }))).slice(-8);
  const range = (w: WeeklySummary) =>
    t('progress:report.range', { low: scoreIn(locale, w.checkins.painLow!), high: scoreIn(locale, w.checkins.painHigh!) });
  return (
    <article className="ms-report-page" aria-labelledby="ms-report-title">
      <header className="ms-report-header">
        <h2 id="ms-report-title">{t('progress:report.title', { count: weeks.length })}</h2>
        {first && last && (
          <p>
            {t('progress:report.weeks', { first: longDate(locale, first.weekStart), last: longDate(locale, last.weekStart) })}
            {t('progress:report.prepared', { date: longDate(locale, generatedAt.getTime()) })}
          </p>
        )}
      </header>

      <section aria-labelledby="ms-report-key">
        <h3 id="ms-report-key">{t('report:atAGlance')}</h3>
        <ul className="ms-report-glance">
          <li>
            <strong>{t('report:comfortableSitting')} </strong>
            {tolerance
              ? t('progress:report.sittingLine', {
                  first: toleranceWords(t, tolerance[0].tolerance),
                  firstWeek: weekLabel(locale, tolerance[0].weekStart),
                  last: toleranceWords(t, tolerance[1].tolerance),
                  lastWeek: weekLabel(locale, tolerance[1].weekStart),
                })
              : t('progress:report.noSitting')}
          </li>
          <li>
            <strong>{t('report:painAverage')} </strong>
            {pain
              ? t('progress:report.painLine', {
                  first: range(pain[0]),
                  firstWeek: weekLabel(locale, pain[0].weekStart),
                  last: range(pain[1]),
                  lastWeek: weekLabel(locale, pain[1].weekStart),
                })
              : t('progress:report.noPain')}
          </li>
          <li>
            <strong>{t('report:breaks')} </strong>
            {taken + skipped > 0
              ? t('progress:report.breaksLine', {
                  taken,
                  asked: taken + skipped,
                  percent: formatPercent(locale, taken / (taken + skipped)),
                })
              : t('progress:report.noBreaks')}
          </li>
          <li>
            <strong>{t('report:checkins')} </strong>
            {checkins}
            {task ? t('progress:report.task', { task }) : '.'}
          </li>
        </ul>
      </section>

      <section aria-labelledby="ms-report-weeks">
        <h3 id="ms-report-weeks">{t('report:weekByWeek')}</h3>
        {/* Scrolls sideways in a narrow window; focusable so the keyboard can scroll it too. */}
        <div className="ms-report-scroll" role="region" aria-label={t('progress:report.tableLabel')} tabIndex={0}>
          <table className="ms-report-table">
            <thead>
              <tr>
                {(
                  [
                    'weekOf',
                    'comfortableSitting',
                    'stretches',
                    'painRange',
                    'stiffness',
                    'walking',
                    'confidence',
                    'breaksTaken',
                    'routines',
                    'feltWorse',
                  ] as const
                ).map((c) => (
                  <th key={c} scope="col">
                    {t(`report:columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => {
                const c = w.checkins;
                const b = w.breaks;
                return (
                  <tr key={w.weekStart}>
                    <th scope="row">{weekLabel(locale, w.weekStart)}</th>
                    <td>{sitting(t, w)}</td>
                    <td>{w.stretchCount}</td>
                    <td>{c.count ? range(w) : dash}</td>
                    <td>{c.count ? Math.round(c.stiffnessMin!) : dash}</td>
                    <td>{c.count ? Math.round(c.walkingMin!) : dash}</td>
                    <td>{c.count ? t('progress:report.scoreOf10', { score: scoreIn(locale, c.confidence!) }) : dash}</td>
                    <td>
                      {b.adherence === null
                        ? dash
                        : t('progress:report.adherence', {
                            taken: b.taken,
                            asked: b.taken + b.skipped,
                            percent: formatPercent(locale, b.adherence),
                          })}
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

      {programRows && programRows.length > 0 && (
        <section aria-labelledby="ms-report-program">
          <h3 id="ms-report-program">{t('homeProgram:report.title')}</h3>
          <dl className="ms-report-program">
            {programRows.map((row) => {
              const text = programRowText(t, locale, row);
              return (
                <div key={text.key}>
                  <dt>{text.label}</dt>
                  <dd translate={text.translated ? undefined : 'no'}>{text.value}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}

      {wins.length > 0 && (
        <section aria-labelledby="ms-report-wins">
          <h3 id="ms-report-wins">{t('report:inTheirOwnWords')}</h3>
          <ul className="ms-report-wins">
            {wins.map((w, i) => (
              <li key={i}>
                <span className="ms-report-win-week">{t('progress:report.winWeek', { week: weekLabel(locale, w.week) })}</span>{' '}
                <span translate="no">{w.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="ms-report-notes">
        <p>
          <strong>{t('report:howMeasured')}</strong> {t('progress:report.measured', { min: MIN_STRETCHES })}
        </p>
        <p>{t('report:notClinical')}</p>
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
  const { t } = useT();
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
      const to = await printOrSavePdf(api, t('progress:report.pdfName', { date: stamp }));
      if (to) setSaved(t('progress:report.savedAs', { path: to }));
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
  // The home program's rows over the shown weeks: from the first Monday to the end of the last week.
  const from = shown[0]?.weekStart;
  const lastStart = shown.at(-1)?.weekStart;
  const [programRows, setProgramRows] = useState<ReportRow[] | null>(null);
  useEffect(() => {
    if (!from || !lastStart) return;
    let alive = true;
    const to = addDays(new Date(lastStart), 7).toISOString();
    api.getProgramReport(from, to).then(
      (rows) => alive && setProgramRows(rows),
      // No program in this engine (or it could not be read): the report goes without it.
      () => alive && setProgramRows(null),
    );
    return () => {
      alive = false;
    };
  }, [api, from, lastStart]);
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
          <label htmlFor={selectId}>{t('report:period')}</label>
          <select id={selectId} value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {REPORT_WEEKS.map((n) => (
              <option key={n} value={n}>
                {t('progress:report.lastWeeks', { count: n })}
              </option>
            ))}
          </select>
        </div>
        <div className="ms-actions">
          <Button type="button" variant="primary" disabled={saving} onClick={print}>
            {t('progress:report.print')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('progress:report.close')}
          </Button>
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
      <ReportContent weeks={shown} task={task} generatedAt={new Date()} programRows={programRows} />
    </dialog>,
    document.body,
  );
}
