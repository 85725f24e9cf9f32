/**
 * The home program's figures (renderer/illustrations/program-poses.ts): one for every move's
 * `pose`, accessible and still without motion, animated by the generated keyframes, floor moves
 * lying on the floor and standing moves standing, and the right side drawn as the mirror.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgramFigure, programFigureKey } from '../../renderer/illustrations';
import { PROGRAM_FIGURES } from '../../renderer/illustrations/program-poses';
import { GROUND_Y, ROTATING_JOINTS, figureByKey, figureCss, solvePose } from '../../renderer/illustrations/poses';
import { PROGRAM_EXERCISES } from '../../shared/program/exercises';

describe('program figures', () => {
  it('every program move has its own figure (no fallback), moving with generated keyframes', () => {
    const css = figureCss();
    for (const e of PROGRAM_EXERCISES) {
      const spec = figureByKey(programFigureKey(e.pose));
      expect(spec, `${e.id} (${e.pose})`).toBeDefined();
      expect(css, e.pose).toContain(`.ms-fig--${spec!.key} .ms-j-`);
    }
  });

  it.each(PROGRAM_FIGURES.map((f) => [f.key, f] as const))(
    '%s: a described image, a still pose, a closed loop',
    (key, spec) => {
      expect(spec.label.length).toBeGreaterThan(30);
      const ats = spec.frames.map(([at]) => at);
      expect(ats[0]).toBe(0);
      expect(ats.at(-1)).toBe(1);
      expect(solvePose(spec.frames.at(-1)![1], spec.view)).toEqual(solvePose(spec.frames[0]![1], spec.view));
      for (const [, input] of spec.frames) {
        const p = solvePose(input, spec.view);
        for (const joint of ROTATING_JOINTS) expect(Number.isFinite(p[joint]), `${key}.${joint}`).toBe(true);
        expect(p.x, key).toBeGreaterThan(20);
        expect(p.x, key).toBeLessThan(180);
        // Hips on or above the floor.
        expect(p.y, key).toBeLessThan(GROUND_Y);
      }
    },
  );

  it('floor moves lie down (hips near the floor, trunk turned), standing moves stand', () => {
    for (const e of PROGRAM_EXERCISES) {
      const spec = figureByKey(programFigureKey(e.pose))!;
      const still = solvePose(spec.frames[0]![1], spec.view);
      if (e.floor) {
        expect(Math.abs(still.torso), `${e.pose} trunk`).toBeGreaterThan(60);
        expect(still.y, `${e.pose} hips`).toBeGreaterThan(130);
      } else if (spec.key.startsWith('program-')) {
        expect(Math.abs(still.torso), `${e.pose} trunk`).toBeLessThan(30);
        expect(still.y, `${e.pose} hips`).toBeLessThan(130);
      }
    }
  });

  it('draws the right side as the mirror of the left, named as the page names it', () => {
    const { rerender } = render(<ProgramFigure pose="bird-dog" side="left" label="Bird-dog, left side" />);
    const left = screen.getByRole('img', { name: 'Bird-dog, left side' });
    expect(left.closest('.ms-program-figure')).not.toHaveClass('ms-program-figure-right');
    rerender(<ProgramFigure pose="bird-dog" side="right" label="Bird-dog, right side" />);
    const right = screen.getByRole('img', { name: 'Bird-dog, right side' });
    expect(right.closest('.ms-program-figure')).toHaveClass('ms-program-figure-right');
    expect(right).toHaveAttribute('data-illustration', 'program-bird-dog');
    expect(right.closest('div')!.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('shows the props that make a move clear: mat, stick, band, weight', () => {
    const { container, rerender } = render(<ProgramFigure pose="hip-hinge-dowel" />);
    expect(container.querySelector('.ms-deco-dowel')).not.toBeNull();
    rerender(<ProgramFigure pose="bridge-band" />);
    expect(container.querySelector('.ms-deco-band')).not.toBeNull();
    expect(container.querySelector('.ms-prop-mat')).not.toBeNull();
    rerender(<ProgramFigure pose="suitcase-carry" />);
    expect(container.querySelector('.ms-deco-weight')).not.toBeNull();
  });
});
