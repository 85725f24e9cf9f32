/**
 * The smart-interval reasons (shared/smart-interval.ts) in the user's language: each result
 * carries `reasonParts` (stable codes and parameters) beside its English `reason`; this renders
 * them through the `smartInterval` catalogue. Numbers go through Intl. Rendering in English
 * gives `reason` exactly.
 */
import type { TFunction } from 'i18next';
import { formatNumber } from './i18n/format';
import type { UiLanguage } from './i18n/resolve';
import type { Flare, ReasonPart, SmartIntervalResult } from './smart-interval';

type T = TFunction;

/** One part (a sentence, or a flare clause) in the language of `t`; '' when the code is unknown. */
export function reasonPartText(t: T, part: ReasonPart, locale: UiLanguage, flare?: Flare | null): string {
  const p = part.params;
  const n = (value: string | number | undefined, digits = 0) =>
    formatNumber(locale, Number(value), { maximumFractionDigits: digits });
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(p)) params[key] = typeof value === 'number' ? n(value) : value;
  if (part.code === 'notEnoughData') params.count = Number(p.count);
  if (part.code === 'flare.pain') {
    params.before = n(p.before, 1);
    params.now = n(p.now, 1);
  }
  if (part.code === 'keep.flare') {
    const clauses = (flare?.reasonParts ?? []).map((clause) => reasonPartText(t, clause, locale));
    params.reasons = clauses.length ? clauses.reduce((a, b) => t('smartInterval:flare.join', { a, b })) : '';
  }
  return t(`smartInterval:${part.code}`, { ...params, defaultValue: '' });
}

/** The whole reason in the language of `t`; falls back to the English `reason` when a part has no text. */
export function smartIntervalReasonText(
  t: T,
  result: Pick<SmartIntervalResult, 'reason'> & { reasonParts?: ReasonPart[]; flare?: Flare | null },
  locale: UiLanguage,
): string {
  const parts = result.reasonParts;
  if (!parts?.length) return result.reason;
  const texts = parts.map((part) => reasonPartText(t, part, locale, result.flare));
  return texts.every(Boolean) ? texts.join(' ') : result.reason;
}
