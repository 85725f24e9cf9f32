/**
 * The week comparison (shared/meaningful-change.ts) in the user's language: each line and the
 * headline carry a stable code and parameters beside their English text; these functions render
 * them through the `progress` catalogue (keys progress:change.*). Numbers go through Intl.
 */
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent } from './i18n/format';
import type { ChangeLine, ChangeParams, WeekComparison } from './meaningful-change';

type T = TFunction;

/** The locale for numbers: the language i18next is in (the pseudo-locale formats like English). */
const localeOf = (t: T, given?: string): string => {
  if (given) return given === 'en-XA' ? 'en' : given;
  const lng = (t as unknown as { lng?: string }).lng ?? t('progress:change.locale', { defaultValue: 'en' });
  try {
    return lng === 'en-XA' ? 'en' : (Intl.getCanonicalLocales(lng)[0] ?? 'en');
  } catch {
    return 'en'; // the pseudo-locale's bracketed tag
  }
};

const score = (locale: string, value: unknown) =>
  formatNumber(locale, Math.round(Number(value) * 10) / 10, { maximumFractionDigits: 1 });

function words(t: T, params: ChangeParams) {
  const period = params.period === 'past' ? 'past' : 'current';
  return {
    thisWeek: t(`progress:change.words.${period}.thisWeek`),
    lastWeek: t(`progress:change.words.${period}.lastWeek`),
    ThisWeek: t(`progress:change.words.${period}.ThisWeek`),
    LastWeek: t(`progress:change.words.${period}.LastWeek`),
  };
}

/** "about 38 minutes" / "at least 45 minutes". */
const tolerance = (t: T, kind: unknown, minutes: unknown) =>
  t(kind === 'atLeast' ? 'progress:change.atLeast' : 'progress:change.about', { count: Number(minutes) });

/** One line of the week card, in the language of `t`; unknown codes fall back to the English text. */
export function changeLineText(t: T, line: Pick<ChangeLine, 'code' | 'params' | 'text'>, locale?: string): string {
  const { code } = line;
  const p = line.params ?? {};
  if (!code) return line.text;
  const loc = localeOf(t, locale);
  const w = words(t, p);
  const params: Record<string, string | number> = { ...w };
  if (code.startsWith('sitting.')) {
    params.lead = t('progress:change.sitting.lead', { time: tolerance(t, p.nowKind, p.now) });
    params.note = p.note ? ` ${t('progress:change.sitting.atLeastNote')}` : '';
    if (p.before !== undefined) params.before = formatNumber(loc, Number(p.before));
    if (p.beforeKind !== undefined) params.beforeText = tolerance(t, p.beforeKind, p.before);
    if (p.count !== undefined) params.count = Number(p.count);
    if (p.min !== undefined) params.min = Number(p.min);
  } else if (code.startsWith('pain.')) {
    if (p.low !== undefined)
      params.lead = t(p.one ? 'progress:change.pain.leadOne' : 'progress:change.pain.lead', {
        low: score(loc, p.low),
        high: score(loc, p.high),
      });
    if (p.wasLow !== undefined) params.was = t('progress:change.pain.range', { low: score(loc, p.wasLow), high: score(loc, p.wasHigh) });
    if (code === 'pain.noVerdict') {
      params.which = t(`progress:change.pain.which.${String(p.which)}`, w);
      params.min = Number(p.min);
    }
    if (code === 'pain.mixed') {
      params.down = t(`progress:change.pain.down.${String(p.down)}`);
      params.up = t(`progress:change.pain.up.${String(p.up)}`);
    }
    if (code === 'pain.worse') params.which = t(`progress:change.pain.whose.${String(p.which)}`);
    if (code === 'pain.smallDown') {
      params.points = formatNumber(loc, Number(p.points));
      params.share = formatPercent(loc, Number(p.share));
      params.above = score(loc, p.above);
    }
  } else if (code.startsWith('other.')) {
    const topic = code.slice('other.'.length);
    params.value =
      topic === 'confidence'
        ? t('progress:change.other.outOf10', { score: score(loc, p.value) })
        : tolerance(t, 'about', Math.round(Number(p.value)));
    params.compare =
      p.compare === 'same'
        ? t('progress:change.other.same', w)
        : p.compare === 'up' || p.compare === 'down'
          ? t(`progress:change.other.${String(p.compare)}`, { ...w, before: score(loc, p.before) })
          : '';
  } else if (code === 'breaks.took') {
    let text = t('progress:change.breaks.took', {
      count: Number(p.asked),
      taken: Number(p.taken),
      percent: formatPercent(loc, Number(p.share)),
    });
    if (Number(p.natural) > 0) text += ` ${t('progress:change.breaks.natural', { count: Number(p.natural) })}`;
    if (p.compare === 'same') text += ` ${t('progress:change.breaks.same', { ...w, before: formatPercent(loc, Number(p.before)) })}`;
    if (p.compare === 'diff') text += ` ${t('progress:change.breaks.diff', { ...w, before: formatPercent(loc, Number(p.before)) })}`;
    return text;
  } else if (code === 'breaks.allNatural') {
    params.natural = Number(p.natural);
  } else if (code === 'routines') {
    const minutes = Number(p.minutes);
    const amount =
      minutes < 1 ? t('progress:change.routine.lessThanMinute') : t('progress:change.minutes', { count: Math.max(0, Math.round(minutes)) });
    const parts = (['better', 'same', 'worse'] as const)
      .filter((k) => Number(p[k]) > 0)
      .map((k) => t(`progress:change.routine.${k}`, { count: Number(p[k]) }));
    params.amount = amount;
    params.feel = parts.length ? ` ${t('progress:change.routine.felt', { parts: parts.join(', ') })}` : '';
  }
  const key = `progress:change.${code}`;
  return t(key, { ...params, defaultValue: '' }) || line.text;
}

const joinAnd = (t: T, items: string[]) =>
  items.length === 2 ? t('progress:change.headline.and', { a: items[0], b: items[1] }) : (items[0] ?? '');

/** The week card's headline, in the language of `t`. */
export function headlineText(t: T, comparison: Pick<WeekComparison, 'headline' | 'headlineCode'>): string {
  const head = comparison.headlineCode;
  if (!head) return comparison.headline;
  const p = head.params ?? {};
  const w = words(t, p);
  const list = (ids: unknown, kind: 'up' | 'down') =>
    joinAnd(
      t,
      String(ids ?? '')
        .split(',')
        .filter(Boolean)
        .map((id) => t(`progress:change.headline.${kind}.${id}`)),
    );
  const params: Record<string, string> = { ...w };
  if (head.code === 'headline.mixedPain') {
    params.extra = p.sitting === 'longer' || p.sitting === 'shorter' ? t(`progress:change.headline.extra.${String(p.sitting)}`) : '';
  }
  if (p.up !== undefined) params.up = list(p.up, 'up');
  if (p.down !== undefined) params.down = list(p.down, 'down');
  return t(`progress:${head.code.replace(/^headline\./, 'change.headline.')}`, { ...params, defaultValue: '' }) || comparison.headline;
}
