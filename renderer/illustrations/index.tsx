import { memo, useMemo, type ComponentType } from 'react';
import { Figure } from './Figure';
import { useT } from '../i18n';
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
    const Component = (props: IllustrationProps) => <Figure spec={spec} {...props} />;
    Component.displayName = `Illustration(${spec.key})`;
    return [spec.key, Component];
  }),
);

/**
 * The figure for an exercise's `illustration` key. An unknown key (an older catalogue, a typo)
 * falls back to the resting figure with the given label rather than showing nothing.
 * Its accessible name: the pose's own description in English; in any other language (which has
 * no translated descriptions yet) "A figure showing the move: <the move's name>", translated.
 */
export const ExerciseIllustration = memo(function ExerciseIllustration({
  name,
  label,
  ...props
}: IllustrationProps & { name: string; label?: string }) {
  const { t, lang } = useT();
  const spec = useMemo(() => {
    const known = figureByKey(name);
    if (known) return lang === 'en' || !label ? known : { ...known, label: t('routine:figureLabel', { name: label }) };
    const rest = figureByKey('rest')!;
    return { ...rest, label: label ? `${label}: no picture for this move yet.` : rest.label };
  }, [name, label, lang, t]);
  return <Figure spec={spec} {...props} />;
});

export { ILLUSTRATION_KEYS };
export { ProgramFigure } from './ProgramFigure';
export { programFigureKey } from './program-poses';
