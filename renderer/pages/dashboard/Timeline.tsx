import type { DayView } from '../../../shared/ipc-contract';
import type { WorkingHours } from '../../../shared/settings';
import { formatClock, formatDuration, formatHour, HOUR } from '../../lib/time';
import { useT } from '../../i18n';
import './Timeline.css';

interface TimelineProps {
  day: DayView;
  now: number;
  workingHours: WorkingHours | null;
  /** A break is being held while the user is busy (phase deferred): since when. */
  heldSince?: string | null;
}

interface Span {
  from: number;
  to: number;
}

const hhmmOn = (base: number, hhmm: string) => {
  const d = new Date(base);
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), h ?? 0, m ?? 0).getTime();
};

/** The hours the timeline shows: everything that happened, now, and today's working hours. */
export function timelineSpan(day: DayView, now: number, wh: WorkingHours | null): Span {
  const times = [now];
  for (const s of day.stretches) {
    times.push(Date.parse(s.start), s.end ? Date.parse(s.end) : now);
  }
  for (const b of day.breaks) times.push(Date.parse(b.at));
  for (const d of day.discomforts) times.push(Date.parse(d.at));
  if (wh && wh.days.includes(new Date(now).getDay())) {
    const start = hhmmOn(now, wh.start);
    const end = hhmmOn(now, wh.end);
    if (end > start) times.push(start, end);
  }
  const dayStart = new Date(now);
  dayStart.setHours(0, 0, 0, 0);
  const dayEnd = dayStart.getTime() + 24 * HOUR;
  let from = Math.max(dayStart.getTime(), Math.min(...times));
  let to = Math.min(dayEnd, Math.max(...times));
  from = Math.floor(from / HOUR) * HOUR;
  to = Math.ceil(to / HOUR) * HOUR;
  // Keep at least four hours so a short morning is not stretched across the whole card.
  if (to - from < 4 * HOUR) {
    to = Math.min(dayEnd, from + 4 * HOUR);
    from = Math.min(from, to - 4 * HOUR);
  }
  return { from, to };
}

function ticks(span: Span): number[] {
  const hours = (span.to - span.from) / HOUR;
  const step = hours <= 6 ? 1 : hours <= 12 ? 2 : 3;
  const out: number[] = [];
  for (let t = span.from; t <= span.to; t += step * HOUR) out.push(t);
  return out;
}

/**
 * Today's sitting stretches on one line: bars for stretches (the open one reaches "now"),
 * warm dots for "my back is complaining", small dots below for breaks. The list under it
 * says the same in words for screen readers and for anyone who prefers reading.
 */
export function Timeline({ day, now, workingHours, heldSince = null }: TimelineProps) {
  const fmt = useT();
  const tr = fmt.t;
  const clock = (value: number | string) => formatClock(value, fmt);
  const span = timelineSpan(day, now, workingHours);
  const pct = (t: number) =>
    `${(((Math.min(span.to, Math.max(span.from, t)) - span.from) / (span.to - span.from)) * 100).toFixed(3)}%`;
  const width = (a: number, b: number) =>
    `${((Math.max(0, Math.min(span.to, b) - Math.max(span.from, a)) / (span.to - span.from)) * 100).toFixed(3)}%`;
  const stretches = [...day.stretches].sort((a, b) => a.start.localeCompare(b.start));
  const tickTimes = ticks(span);
  const heldFrom = heldSince ? Math.min(now, Date.parse(heldSince)) : null;

  return (
    <div className="timeline">
      <div className="timeline-frame">
        <svg className="timeline-svg" width="100%" height="76" aria-hidden="true" focusable="false">
          {tickTimes.map((t, i) => (
            <g key={t} className={i % 2 === 1 ? 'tl-tick tl-tick-minor' : 'tl-tick'}>
              <line className="tl-grid" x1={pct(t)} x2={pct(t)} y1="22" y2="56" />
              <text className="tl-label" x={pct(t)} y="12" textAnchor="middle">
                {formatHour(t, fmt)}
              </text>
            </g>
          ))}
          <rect className="tl-track" x="0" y="26" width="100%" height="24" rx="7" />
          {stretches.map((s) => {
            const start = Date.parse(s.start);
            const end = s.end ? Date.parse(s.end) : now;
            return (
              <rect
                key={s.start}
                className={s.end ? 'tl-stretch' : 'tl-stretch tl-open'}
                x={pct(start)}
                y="26"
                width={width(start, end)}
                height="24"
                rx="6"
              />
            );
          })}
          {heldFrom !== null && (
            <rect className="tl-held" x={pct(heldFrom)} y="44" width={width(heldFrom, now)} height="6" rx="3" />
          )}
          {day.discomforts.map((d) => (
            <circle key={d.at} className="tl-discomfort" cx={pct(Date.parse(d.at))} cy="38" r="6" />
          ))}
          {day.breaks.map((b) => (
            <circle
              key={`${b.dueAt}-${b.at}`}
              className={`tl-break tl-break-${b.outcome}`}
              cx={pct(Date.parse(b.at))}
              cy="64"
              r="4"
            />
          ))}
          {now >= span.from && now <= span.to && (
            <g className="tl-now">
              <line x1={pct(now)} x2={pct(now)} y1="20" y2="56" />
            </g>
          )}
        </svg>
      </div>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch swatch-stretch" /> {tr('dashboard:timeline.sitting')}
        </li>
        <li>
          <span className="swatch swatch-discomfort" /> {tr('dashboard:timeline.backComplained')}
        </li>
        <li>
          <span className="swatch swatch-break" /> {tr('dashboard:timeline.breakTaken')}
        </li>
        <li>
          <span className="swatch swatch-natural" /> {tr('dashboard:timeline.gotUp')}
        </li>
        <li>
          <span className="swatch swatch-skipped" /> {tr('dashboard:timeline.skipped')}
        </li>
        {heldFrom !== null && (
          <li>
            <span className="swatch swatch-held" /> {tr('dashboard:timeline.breakHeld')}
          </li>
        )}
      </ul>
      {stretches.length === 0 ? (
        <p className="empty">{tr('dashboard:timeline.empty')}</p>
      ) : (
        <ol className="stretch-list" aria-label={tr('dashboard:timeline.listLabel')}>
          {stretches.map((s) => {
            const start = Date.parse(s.start);
            const end = s.end ? Date.parse(s.end) : now;
            return (
              <li key={s.start} className={s.end ? 'stretch' : 'stretch stretch-open'}>
                <span className="stretch-time">
                  {!s.end
                    ? tr('dashboard:timeline.sinceNow', { start: clock(start) })
                    : clock(start) === clock(end)
                      ? clock(start)
                      : `${clock(start)} – ${clock(end)}`}
                </span>
                <span className="stretch-length">{formatDuration(end - start, fmt)}</span>
                {s.discomfortAt && (
                  <span className="badge badge-warm">
                    {tr('dashboard:timeline.complainedAt', { time: clock(s.discomfortAt) })}
                  </span>
                )}
                {!s.end && <span className="badge badge-live">{tr('dashboard:timeline.stillSitting')}</span>}
                {!s.end && heldFrom !== null && (
                  <span className="badge badge-held">
                    {tr('dashboard:timeline.heldSince', { time: clock(heldFrom) })}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
