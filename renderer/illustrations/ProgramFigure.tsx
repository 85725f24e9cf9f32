import { memo, useMemo } from 'react';
import { Figure } from './Figure';
import { figureByKey } from './poses';
import { figureLabel } from './label';
import { useT } from '../i18n';
import { programFigureKey } from './program-poses';
import './program-figure.css';

/**
 * The figure for a home-program move (`pose` in shared/program/exercises.ts). Two-sided moves are
 * drawn working the figure's left side; `side="right"` mirrors it, so the picture matches the
 * side the user is on.
 */
export const ProgramFigure = memo(function ProgramFigure({
  pose,
  side = null,
  label,
  paused,
  className,
  floor = false,
}: {
  pose: string;
  side?: 'left' | 'right' | null;
  label?: string;
  paused?: boolean;
  className?: string;
  /** A floor move: the picture is cropped to the lower part of the canvas, where the figure lies. */
  floor?: boolean;
}) {
  const { t } = useT();
  const spec = useMemo(() => {
    const known = figureByKey(programFigureKey(pose));
    if (known) return { ...known, label: label ?? figureLabel(t, known) };
    const rest = figureByKey('rest')!;
    return { ...rest, label: label ? t('illustrations:noPicture', { name: label }) : figureLabel(t, rest) };
  }, [pose, label, t]);
  return (
    <div
      className={[
        'ms-program-figure',
        side === 'right' ? 'ms-program-figure-right' : '',
        floor ? 'ms-program-figure-floor' : '',
        className ?? '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-side={side ?? undefined}
    >
      <Figure spec={spec} paused={paused} />
    </div>
  );
});
