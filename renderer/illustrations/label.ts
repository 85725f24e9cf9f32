import type { TFunction } from 'i18next';
import type { FigureSpec } from './poses';

/**
 * A figure's description (its accessible name) in the language of `t`: the `illustrations`
 * catalogue keyed by the figure's key; English there is poses.ts's `label`, which is also the
 * fallback when a key is missing.
 */
export function figureLabel(t: TFunction, spec: Pick<FigureSpec, 'key' | 'label'>): string {
  return t(`illustrations:figure.${spec.key}`, { defaultValue: spec.label });
}
