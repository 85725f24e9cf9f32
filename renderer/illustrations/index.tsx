import { memo, useMemo, type ComponentType } from 'react';
import { Figure } from './Figure';
import { useT } from '../i18n';
import { figureLabel } from './label';
import { FIGURES, figureByKey, ILLUSTRATION_KEYS } from './poses';
import './figure.css';
// The keyframes, generated from poses.ts at build time (vite-illustrations.config.ts).
import 'virtual:illustrations.css';

export interface IllustrationProps {
  /** Freeze the movement (the routine is paused). */
  paused?: boolean;
  className?: string;
}

/** One React component per illustration key (the `illustration` field of an exercise). */
export const illustrations: Readonly<Record<string, ComponentType<IllustrationProps>>> = Object.fromEntries(
  FIGURES.map((spec) => {
    const Component = (props: IllustrationProps) => {
      const { t } = useT();
      return <Figure spec={{ ...spec, label: figureLabel(t, spec) }} {...props} />;
    };
    Component.displayName = `Illustration(${spec.key})`;
    return [spec.key, Component];
  }),
);

/**
 * The figure for an exercise's `illustration` key. An unknown key (an older catalogue, a typo)
 * falls back to the resting figure with the given label rather than showing nothing.
 * Its accessible name: the pose's own description (`label` in poses.ts), in the user's language
 * from the `illustrations` catalogue (keyed by the figure's key; English is poses.ts's text).
 */
export const ExerciseIllustration = memo(function ExerciseIllustration({
  name,
  label,
  ...props
}: IllustrationProps & { name: string; label?: string }) {
  const { t } = useT();
  const spec = useMemo(() => {
    const known = figureByKey(name);
    if (known) return { ...known, label: figureLabel(t, known) };
    const rest = figureByKey('rest')!;
    return { ...rest, label: label ? t('illustrations:noPicture', { name: label }) : figureLabel(t, rest) };
  }, [name, label, t]);
  return <Figure spec={spec} {...props} />;
});

export { ILLUSTRATION_KEYS };
export { ProgramFigure } from './ProgramFigure';
export { programFigureKey } from './program-poses';
