/**
 * Dates, times, numbers and units in the chosen language, all through `Intl` (no hand-made
 * formats). Lengths are stored in centimetres; the profile's `units` decides whether they are
 * shown as centimetres or inches.
 */
import { PSEUDO_LANGUAGE } from './resolve';

/** A language code or a regional tag ("en-GB", "de-AT": see `formattingLocale`). */
type UiLanguage = string;

export type Units = 'metric' | 'imperial';

/** The BCP 47 tag Intl gets: the pseudo-locale formats like English. */
export const intlLocale = (lang: UiLanguage): string => (lang === PSEUDO_LANGUAGE ? 'en' : lang);

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/**
 * Building an Intl formatter costs far more than using one, and screens format on every render
 * (a week of day chips, a chart's axis), so each locale-and-options pair is built once.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  kind: string,
  locale: string,
  options: object,
  make: () => F,
): F {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}
/**
 * A date formatter keeps the time zone it was built in, and the user may travel while the app
 * runs: the zone's offsets (now, January, July) are part of the key, and they are cheap to read.
 */
function zoneKey(): string {
  const year = new Date().getFullYear();
  return `${new Date().getTimezoneOffset()},${new Date(year, 0, 1).getTimezoneOffset()},${new Date(year, 6, 1).getTimezoneOffset()}`;
}
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`date@${zoneKey()}`, locale, options, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached('number', locale, options, () => new Intl.NumberFormat(locale, options));

/** "Mon 9 Nov 2026" / "lun. 9 nov. 2026" / "Mo., 9. Nov. 2026". */
export function formatDate(
  lang: UiLanguage,
  value: Date | string | number,
  options: Intl.DateTimeFormatOptions = {},
): string {
  const defaults: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
  return dateFormat(intlLocale(lang), Object.keys(options).length ? options : defaults).format(toDate(value));
}

/** "14:30" (de, es, fr) / "2:30 PM" (en): the language's own clock. */
export function formatTime(
  lang: UiLanguage,
  value: Date | string | number,
  options: { hour12?: boolean } = {},
): string {
  return dateFormat(intlLocale(lang), {
    hour: 'numeric',
    minute: '2-digit',
    ...(options.hour12 === undefined ? {} : { hour12: options.hour12 }),
  }).format(toDate(value));
}

export function formatNumber(lang: UiLanguage, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(intlLocale(lang), options).format(value);
}

/** 0.73 -> "73 %" (de, fr) / "73%" (en) / "73 %" (es). */
export function formatPercent(lang: UiLanguage, fraction: number): string {
  return numberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/**
 * A duration in minutes: "45 min", "1 h 5 min" with the language's unit words (Intl unit
 * style, short). Rounded to whole minutes.
 */
export function formatMinutes(lang: UiLanguage, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const locale = intlLocale(lang);
  const unit = (value: number, u: 'hour' | 'minute') =>
    numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (total < 60) return unit(total, 'minute');
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? unit(h, 'hour') : `${unit(h, 'hour')} ${unit(m, 'minute')}`;
}

/** A walk's distance: "850 m" under a kilometre, else "2.4 km" / "2,4 km" (one decimal at most). */
export function formatDistance(lang: UiLanguage, metres: number): string {
  const locale = intlLocale(lang);
  return metres < 1000
    ? numberFormat(locale, { style: 'unit', unit: 'meter', unitDisplay: 'short' }).format(Math.round(metres))
    : numberFormat(locale, { style: 'unit', unit: 'kilometer', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
        metres / 1000,
      );
}

export const CM_PER_INCH = 2.54;

/**
 * A length stored in centimetres, in the profile's units: metric -> "48 cm", imperial ->
 * "18.9 in" (en) / "18,9 Zoll" (de). Whole centimetres; inches to one decimal (half-inch
 * steps would hide real differences at desk heights).
 */
export function formatLength(lang: UiLanguage, cm: number, units: Units): string {
  const locale = intlLocale(lang);
  if (units === 'imperial') {
    return numberFormat(locale, { style: 'unit', unit: 'inch', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
      cm / CM_PER_INCH,
    );
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: 'centimeter',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(cm);
}

/** A list joined the language's way: "a, b and c" / "a, b y c" / "a, b und c" / "a, b et c". */
export function formatList(lang: UiLanguage, items: readonly string[]): string {
  const locale = intlLocale(lang);
  const options = { style: 'long', type: 'conjunction' } as const;
  return cached('list', locale, options, () => new Intl.ListFormat(locale, options)).format(items);
}
