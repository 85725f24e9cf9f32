import { useCallback, useId, useMemo, type ReactNode } from 'react';
import type uPlot from 'uplot';
import { useT } from '../../i18n';
import type { WeeklySummary } from '../../../shared/summary';
import { MIN_WEEKS_FOR_CHART, breakSeries, painSeries, routineSeries, scoreIn, toleranceSeries, weekLabel } from './series';
import { UPlotChart, baseOptions, barsPath, useChartColors, withAlpha } from './UPlotChart';

/**
 * The four charts of the last weeks. Each is a figure: a title, a sentence that says what it
 * shows (the text alternative), a key, the drawing, and the numbers in a table the user can
 * open. When there is too little data, only the sentence is shown: no chart of noise.
 */

function ChartFigure({
  title,
  sentence,
  enough,
  keyItems,
  chart,
  table,
}: {
  title: string;
  sentence: string;
  enough: boolean;
  keyItems?: { className: string; label: string }[];
  chart: ReactNode;
  table: { head: string[]; rows: (string | number)[][] };
}) {
  const { t } = useT();
  const id = useId();
  return (
    <figure className="ms-chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-sentence`}>
      <figcaption className="ms-chart-caption">
        <h3 className="ms-chart-title" id={`${id}-title`}>
          {title}
        </h3>
        <p className={enough ? 'ms-chart-sentence' : 'ms-chart-sentence ms-thin'} id={`${id}-sentence`}>
          {sentence}
        </p>
      </figcaption>
      {enough && (
        <>
          {keyItems && (
            <ul className="ms-key" aria-label={t('progress:charts.key')}>
              {keyItems.map((k) => (
                <li key={k.label}>
                  <span className={`ms-swatch ${k.className}`} aria-hidden="true" />
                  {k.label}
                </li>
              ))}
            </ul>
          )}
          {chart}
          <details className="ms-chart-numbers">
            <summary>{t('progress:charts.showNumbers')}</summary>
            <div className="ms-table-scroll" role="region" aria-label={t('progress:charts.numbers', { title })} tabIndex={0}>
              <table className="ms-table">
                <caption className="visually-hidden">{t('progress:charts.weekByWeek', { title })}</caption>
                <thead>
                  <tr>
                    {table.head.map((h) => (
                      <th key={h} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((cell, j) =>
                        j === 0 ? (
                          <th key={j} scope="row">
                            {cell}
                          </th>
                        ) : (
                          <td key={j}>{cell}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}

const dash = '—';

function ToleranceChart({ weeks }: { weeks: readonly WeeklySummary[] }) {
  const colors = useChartColors();
  const { t, locale } = useT();
  const s = useMemo(() => toleranceSeries({ t, locale }, weeks), [t, locale, weeks]);
  const data = useMemo<uPlot.AlignedData>(() => [weeks.map((_, i) => i), s.about, s.atLeast], [weeks, s]);
  const top = Math.max(30, ...s.about.map((v) => v ?? 0), ...s.atLeast.map((v) => v ?? 0));
  const makeOptions = useCallback(
    (width: number, _lib: typeof uPlot) => {
      const o = baseOptions(width, s.labels, colors, { range: [0, Math.ceil((top * 1.15) / 10) * 10], unit: '' });
      o.series = [
        {},
        {
          label: t('progress:charts.aboutMedian'),
          stroke: colors.accent,
          width: 2,
          spanGaps: false,
          points: { show: true, size: 7, fill: colors.accent, stroke: colors.accent },
        },
        {
          label: t('progress:charts.atLeast'),
          stroke: colors.accent,
          width: 2,
          paths: () => null,
          points: { show: true, size: 9, width: 2, fill: colors.surface, stroke: colors.accent },
        },
      ];
      return o;
    },
    [s, colors, top, t],
  );
  return (
    <ChartFigure
      title={t('progress:charts.sittingTitle')}
      sentence={s.sentence}
      enough={s.weeksWithData >= MIN_WEEKS_FOR_CHART}
      keyItems={[
        { className: 'ms-swatch-dot', label: t('progress:charts.aboutKey') },
        { className: 'ms-swatch-ring', label: t('progress:charts.atLeastKey') },
      ]}
      chart={<UPlotChart makeOptions={makeOptions} data={data} />}
      table={{
        head: [t('report:columns.weekOf'), t('report:columns.comfortableSitting'), t('report:columns.stretches')],
        rows: weeks.map((w, i) => [
          s.labels[i]!,
          s.about[i] !== null
            ? t('progress:charts.aboutMin', { n: Math.round(s.about[i]!) })
            : s.atLeast[i] !== null
              ? t('progress:charts.atLeastMin', { n: Math.round(s.atLeast[i]!) })
              : w.stretchCount
                ? t('progress:charts.tooFew')
                : dash,
          w.stretchCount,
        ]),
      }}
    />
  );
}

function PainChart({ weeks }: { weeks: readonly WeeklySummary[] }) {
  const colors = useChartColors();
  const { t, locale } = useT();
  const s = useMemo(() => painSeries({ t, locale }, weeks), [t, locale, weeks]);
  const data = useMemo<uPlot.AlignedData>(() => [weeks.map((_, i) => i), s.low, s.high], [weeks, s]);
  const makeOptions = useCallback(
    (width: number, _lib: typeof uPlot) => {
      const o = baseOptions(width, s.labels, colors, { range: [0, 10], unit: '' });
      o.series = [
        {},
        { label: t('progress:charts.lowest'), stroke: colors.warm, width: 1.5, points: { show: true, size: 6, fill: colors.warm } },
        { label: t('progress:charts.highest'), stroke: colors.warm, width: 2, points: { show: true, size: 6, fill: colors.warm } },
      ];
      o.bands = [{ series: [2, 1], fill: withAlpha(colors.warm, 0.18) }];
      return o;
    },
    [s, colors, t],
  );
  return (
    <ChartFigure
      title={t('progress:charts.painTitle')}
      sentence={s.sentence}
      enough={s.weeksWithData >= MIN_WEEKS_FOR_CHART}
      keyItems={[{ className: 'ms-swatch-band', label: t('progress:charts.painKey') }]}
      chart={<UPlotChart makeOptions={makeOptions} data={data} />}
      table={{
        head: [t('report:columns.weekOf'), t('progress:charts.lowest'), t('progress:charts.highest'), t('progress:charts.checkins')],
        rows: weeks.map((w, i) => [
          s.labels[i]!,
          s.low[i] === null ? dash : scoreIn(locale, s.low[i]!),
          s.high[i] === null ? dash : scoreIn(locale, s.high[i]!),
          w.checkins.count,
        ]),
      }}
    />
  );
}

function BreaksChart({ weeks }: { weeks: readonly WeeklySummary[] }) {
  const colors = useChartColors();
  const { t, locale } = useT();
  const s = useMemo(() => breakSeries({ t, locale }, weeks), [t, locale, weeks]);
  // Stacked bars: each series is drawn over the previous one, so the totals go first.
  const data = useMemo<uPlot.AlignedData>(
    () => [
      weeks.map((_, i) => i),
      weeks.map((_, i) => s.taken[i]! + s.skipped[i]! + s.natural[i]!),
      weeks.map((_, i) => s.taken[i]! + s.skipped[i]!),
      s.taken,
    ],
    [weeks, s],
  );
  const top = Math.max(5, ...weeks.map((_, i) => s.taken[i]! + s.skipped[i]! + s.natural[i]!));
  const makeOptions = useCallback(
    (width: number, lib: typeof uPlot) => {
      const o = baseOptions(width, s.labels, colors, { range: [0, Math.ceil(top * 1.1)], unit: '' });
      const bar = (stroke: string, fill: string, label: string): uPlot.Series => ({
        label,
        stroke,
        fill,
        width: 0,
        paths: barsPath(lib),
        points: { show: false },
      });
      o.series = [
        {},
        bar(colors.quiet, withAlpha(colors.quiet, 0.45), t('progress:charts.natural')),
        bar(colors.due, colors.due, t('progress:charts.skipped')),
        bar(colors.accent, colors.accent, t('progress:charts.taken')),
      ];
      return o;
    },
    [s, colors, top, t],
  );
  return (
    <ChartFigure
      title={t('progress:charts.breaksTitle')}
      sentence={s.sentence}
      enough={s.weeksWithData >= MIN_WEEKS_FOR_CHART}
      keyItems={[
        { className: 'ms-swatch-taken', label: t('progress:charts.taken') },
        { className: 'ms-swatch-skipped', label: t('progress:charts.skipped') },
        { className: 'ms-swatch-natural', label: t('progress:charts.naturalKey') },
      ]}
      chart={<UPlotChart makeOptions={makeOptions} data={data} />}
      table={{
        head: [
          t('report:columns.weekOf'),
          t('progress:charts.taken'),
          t('progress:charts.skipped'),
          t('progress:charts.alreadyUp'),
          t('progress:charts.heldBusy'),
        ],
        rows: weeks.map((_, i) => [s.labels[i]!, s.taken[i]!, s.skipped[i]!, s.natural[i]!, s.held[i]!]),
      }}
    />
  );
}

function RoutineChart({ weeks }: { weeks: readonly WeeklySummary[] }) {
  const colors = useChartColors();
  const { t, locale } = useT();
  const s = useMemo(() => routineSeries({ t, locale }, weeks), [t, locale, weeks]);
  const data = useMemo<uPlot.AlignedData>(() => [weeks.map((_, i) => i), s.minutes], [weeks, s]);
  const top = Math.max(5, ...s.minutes);
  const makeOptions = useCallback(
    (width: number, lib: typeof uPlot) => {
      const o = baseOptions(width, s.labels, colors, { range: [0, Math.ceil(top * 1.15)], unit: '' });
      o.series = [
        {},
        {
          label: t('progress:charts.minutes'),
          stroke: colors.accent,
          fill: withAlpha(colors.accent, 0.35),
          width: 1,
          paths: barsPath(lib, 0.55),
          points: { show: false },
        },
      ];
      return o;
    },
    [s, colors, top, t],
  );
  return (
    <ChartFigure
      title={t('progress:charts.routinesTitle')}
      sentence={s.sentence}
      enough={s.weeksWithData >= MIN_WEEKS_FOR_CHART}
      chart={<UPlotChart makeOptions={makeOptions} data={data} />}
      table={{
        head: [t('report:columns.weekOf'), t('progress:charts.minutes')],
        rows: weeks.map((_, i) => [s.labels[i]!, Math.round(s.minutes[i]!)]),
      }}
    />
  );
}

export function ProgressCharts({ weeks }: { weeks: readonly WeeklySummary[] }) {
  const { t, locale } = useT();
  const first = weeks[0];
  const last = weeks.at(-1);
  return (
    <section className="ms-card ms-charts" aria-labelledby="ms-charts-title">
      <h2 className="ms-card-title" id="ms-charts-title">
        {t('progress:charts.lastWeeks', { count: weeks.length })}
      </h2>
      {first && last && (
        <p className="ms-card-subtitle">
          {t('progress:charts.range', { first: weekLabel(locale, first.weekStart), last: weekLabel(locale, last.weekStart) })}
        </p>
      )}
      <div className="ms-chart-grid">
        <ToleranceChart weeks={weeks} />
        <PainChart weeks={weeks} />
        <BreaksChart weeks={weeks} />
        <RoutineChart weeks={weeks} />
      </div>
    </section>
  );
}
