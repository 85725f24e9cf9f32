import type { TFunction } from 'i18next';
import { cmToFeetInches, formatInches, type Length, type LengthRange } from '../../../shared/ergonomics';
import { formatLength } from '../../../shared/i18n/format';
import type { Units } from './HeightField';

/** Lengths in the profile's units, in the language: "50 cm", "20½ in (52 cm)" (imperial keeps the cm beside). */
export function lengthText(t: TFunction, locale: string, length: Length, units: Units): string {
  const cm = formatLength(locale, length.cm, 'metric');
  return units === 'imperial' ? t('setup:len.inches', { n: formatInches(length.in), cm }) : cm;
}

/** "120–125 cm", "47–49 in (120–125 cm)": the range through Intl where it can. */
export function lengthRangeText(t: TFunction, locale: string, r: LengthRange, units: Units): string {
  const nf = new Intl.NumberFormat(locale === 'en-XA' ? 'en' : locale, {
    style: 'unit',
    unit: 'centimeter',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }) as Intl.NumberFormat & { formatRange?: (a: number, b: number) => string };
  const cm = nf.formatRange
    ? nf.formatRange(r.low.cm, r.high.cm)
    : `${formatLength(locale, r.low.cm, 'metric')}–${formatLength(locale, r.high.cm, 'metric')}`;
  if (units !== 'imperial') return cm;
  return t('setup:len.inchesRange', { low: formatInches(r.low.in), high: formatInches(r.high.in), cm });
}

/** A body height: "170 cm" / "5 ft 9 in". */
export function statureText(t: TFunction, locale: string, cm: number, units: Units): string {
  if (units === 'metric') return formatLength(locale, Math.round(cm), 'metric');
  const { feet, inches } = cmToFeetInches(cm);
  return t('setup:len.feetInches', { feet, inches });
}
