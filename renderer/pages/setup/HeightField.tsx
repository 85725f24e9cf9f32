import { useId } from 'react';
import type { TFunction } from 'i18next';
import {
  CM_PER_INCH,
  cmToFeetInches,
  feetInchesToCm,
  STATURE_MAX_CM,
  STATURE_MIN_CM,
} from '../../../shared/ergonomics';
import { useT } from '../../i18n';
import { Field } from '../../ui/Field';

export type Units = 'metric' | 'imperial';

/** What the user typed, kept as text so a half-typed value is never rewritten under them. */
export interface HeightDraft {
  units: Units;
  cm: string;
  feet: string;
  inches: string;
}

export function heightDraftFrom(heightCm: number | null, units: Units): HeightDraft {
  if (heightCm === null) return { units, cm: '', feet: '', inches: '' };
  const { feet, inches } = cmToFeetInches(heightCm);
  return { units, cm: String(Math.round(heightCm)), feet: String(feet), inches: String(inches) };
}

/** The shortest and tallest whole-inch heights inside the allowed range: 4 ft 0 in and 7 ft 6 in. */
const MIN_INCHES = Math.ceil(STATURE_MIN_CM / CM_PER_INCH);
const MAX_INCHES = Math.floor(STATURE_MAX_CM / CM_PER_INCH);
const feetAndInches = (t: TFunction, total: number) =>
  t('setup:len.feetInches', { feet: Math.floor(total / 12), inches: total % 12 });
const rangeText = (t: TFunction, units: Units) =>
  units === 'metric'
    ? t('setup:height.rangeMetric', { min: STATURE_MIN_CM, max: STATURE_MAX_CM })
    : t('setup:height.rangeImperial', { min: feetAndInches(t, MIN_INCHES), max: feetAndInches(t, MAX_INCHES) });

/** The height in cm (one decimal), null when left empty, or an error to show. */
export function parseHeight(d: HeightDraft, t?: TFunction): { cm: number | null; error: string | null } {
  const message = (key: string, params = {}) => (t ? t(key, params) : key);
  const outOfRange = {
    cm: null,
    error: message('setup:height.outOfRange', { range: t ? rangeText(t, d.units) : '' }),
  };
  if (d.units === 'metric') {
    if (d.cm.trim() === '') return { cm: null, error: null };
    const cm = Number(d.cm);
    if (!Number.isFinite(cm) || cm < STATURE_MIN_CM || cm > STATURE_MAX_CM) return outOfRange;
    return { cm: Math.round(cm * 10) / 10, error: null };
  }
  if (d.feet.trim() === '' && d.inches.trim() === '') return { cm: null, error: null };
  const feet = d.feet.trim() === '' ? 0 : Number(d.feet);
  const inches = d.inches.trim() === '' ? 0 : Number(d.inches);
  if (!Number.isInteger(feet) || feet < 0 || !Number.isFinite(inches) || inches < 0 || inches >= 12) {
    return { cm: null, error: message('setup:height.wholeFeet') };
  }
  const cm = feetInchesToCm(feet, inches);
  const rounded = Math.round(cm * 10) / 10;
  if (rounded < STATURE_MIN_CM || rounded > STATURE_MAX_CM) return outOfRange;
  return { cm: rounded, error: null };
}

/** Switching units converts what was typed, when it can be read. */
export function switchUnits(d: HeightDraft, units: Units): HeightDraft {
  if (units === d.units) return d;
  const { cm } = parseHeight(d);
  if (cm === null) return { ...d, units };
  return heightDraftFrom(cm, units);
}

export function HeightField({
  draft,
  error,
  onChange,
}: {
  draft: HeightDraft;
  error: string | null;
  onChange: (draft: HeightDraft) => void;
}) {
  const { t } = useT();
  const uid = useId();
  return (
    <Field layout="group" id={uid} label={t('setup:height.legend')} hint={t('setup:height.help')} error={error}>
      {({ 'aria-describedby': describedBy }) => (
        <>
          <div className="flow-segments" role="radiogroup" aria-label={t('setup:height.units')}>
            {(['metric', 'imperial'] as const).map((units) => (
              <label key={units} className="flow-segment">
                <input
                  type="radio"
                  name={`${uid}-units`}
                  value={units}
                  checked={draft.units === units}
                  onChange={() => onChange(switchUnits(draft, units))}
                />
                <span className="flow-segment-face">{t(`setup:height.${units}`)}</span>
              </label>
            ))}
          </div>
          {draft.units === 'metric' ? (
            <div className="sw-height-inputs">
              <label className="flow-number">
                <input
                  type="number"
                  inputMode="decimal"
                  min={STATURE_MIN_CM}
                  max={STATURE_MAX_CM}
                  step={1}
                  value={draft.cm}
                  aria-label={t('setup:height.cmLabel')}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => onChange({ ...draft, cm: e.target.value })}
                />
                <span aria-hidden="true">{t('setup:height.cm')}</span>
              </label>
            </div>
          ) : (
            <div className="sw-height-inputs">
              <label className="flow-number">
                <input
                  type="number"
                  inputMode="numeric"
                  min={3}
                  max={7}
                  step={1}
                  value={draft.feet}
                  aria-label={t('setup:height.feetLabel')}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => onChange({ ...draft, feet: e.target.value })}
                />
                <span aria-hidden="true">{t('setup:height.ft')}</span>
              </label>
              <label className="flow-number">
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={11}
                  step={1}
                  value={draft.inches}
                  aria-label={t('setup:height.inchesLabel')}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => onChange({ ...draft, inches: e.target.value })}
                />
                <span aria-hidden="true">{t('setup:height.in')}</span>
              </label>
            </div>
          )}
        </>
      )}
    </Field>
  );
}
