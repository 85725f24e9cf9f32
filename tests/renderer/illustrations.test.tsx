import fs from 'node:fs';
import path from 'node:path';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../shared/routines';
import { ExerciseIllustration, illustrations } from '../../renderer/illustrations';
import {
  FIGURES,
  ILLUSTRATION_KEYS,
  figureCss,
  solvePose,
  stillPose,
  ROTATING_JOINTS,
} from '../../renderer/illustrations/poses';
import { ILLUSTRATIONS_CSS, illustrationsCss } from '../../vite-illustrations.config';

// The test DOM may give import.meta.url an http: scheme; __dirname is the test file's folder.
const dir = path.resolve(__dirname, '../../renderer/illustrations');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

/** Top-level blocks of a stylesheet with the at-rule (or selector) that opens each. */
function blocks(css: string): { prelude: string; body: string }[] {
  const out: { prelude: string; body: string }[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let start = 0;
  let preludeStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) {
        out.push({ prelude: text.slice(preludeStart, start).trim(), body: text.slice(start + 1, i) });
        preludeStart = i + 1;
      }
    }
  }
  return out;
}

describe('illustrations', () => {
  it('has one figure per exercise, and the build serves the keyframes generated from the poses', async () => {
    for (const e of EXERCISES) expect(illustrations[e.illustration], e.id).toBeDefined();
    expect(Object.keys(illustrations)).toEqual([...ILLUSTRATION_KEYS]);
    // The stylesheet is not committed: the Vite plugin generates it from poses.ts for every build.
    expect(fs.existsSync(path.join(dir, 'illustrations.generated.css'))).toBe(false);
    const plugin = illustrationsCss();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => string | undefined;
    const id = resolveId(ILLUSTRATIONS_CSS);
    expect(id).toBeTruthy();
    expect(resolveId('./figure.css')).toBeUndefined();
    const css = load(id!);
    expect(css).toBe(figureCss());
    for (const key of ILLUSTRATION_KEYS) {
      const moves = FIGURES.find((f) => f.key === key)!.frames.length > 1;
      if (moves) expect(css, key).toContain(`.ms-fig--${key} {`);
    }
    // And the figures' module asks for it.
    expect(read('index.tsx')).toContain(`import '${ILLUSTRATIONS_CSS}'`);
  });

  it('moves only when the user has not asked for reduced motion', () => {
    const sheets: [string, string][] = [
      ['figure.css', read('figure.css')],
      [ILLUSTRATIONS_CSS, figureCss()],
      ['routine-player.css', read('../pages/routine/routine-player.css')],
    ];
    for (const [file, css] of sheets) {
      for (const block of blocks(css)) {
        const moves =
          /(^|[;{\s])(animation|animation-name|transition)\s*:/.test(block.body) ||
          block.prelude.startsWith('@keyframes');
        if (moves)
          expect(block.prelude, `${file}: ${block.prelude}`).toBe('@media (prefers-reduced-motion: no-preference)');
      }
    }
  });

  it.each(FIGURES.map((f) => [f.key, f] as const))(
    '%s: an accessible image with a still pose and a loop',
    (key, spec) => {
      const Component = illustrations[key]!;
      const { container } = render(<Component />);
      const img = screen.getByRole('img');
      expect(img.tagName.toLowerCase()).toBe('svg');
      expect(img.getAttribute('aria-label')!.length).toBeGreaterThan(20);
      expect(img).toHaveClass('ms-fig', `ms-fig--${key}`);
      expect(container.querySelectorAll('[style]')).toHaveLength(0);
      expect(container.querySelectorAll('style, image, foreignObject')).toHaveLength(0);
      // The still pose is written as attributes, so it shows without any animation.
      const pose = stillPose(spec);
      expect(container.querySelector('.ms-j-root')).toHaveAttribute('transform', expect.stringContaining('translate('));
      for (const joint of ROTATING_JOINTS)
        expect(container.querySelector(`.ms-j-${joint}`), joint).toHaveAttribute(
          'transform',
          expect.stringMatching(/^rotate\(/),
        );
      expect(Number.isFinite(pose.x) && Number.isFinite(pose.y)).toBe(true);
      // Frames run from 0 to 1 in order, and the loop ends where it began.
      const ats = spec.frames.map(([at]) => at);
      expect(ats[0]).toBe(0);
      expect(ats.at(-1)).toBe(1);
      expect([...ats].sort((a, b) => a - b)).toEqual(ats);
      expect(solvePose(spec.frames.at(-1)![1], spec.view)).toEqual(solvePose(spec.frames[0]![1], spec.view));
      expect(spec.still).toBeGreaterThanOrEqual(0);
      expect(spec.still).toBeLessThan(spec.frames.length);
      // Something actually moves.
      expect(figureCss()).toContain(`.ms-fig--${key} .ms-j-`);
    },
  );

  it('stays inside the picture: no joint flies off the canvas in any key pose', () => {
    for (const spec of FIGURES)
      for (const [, input] of spec.frames) {
        const p = solvePose(input, spec.view);
        for (const joint of ROTATING_JOINTS) expect(Number.isFinite(p[joint]), `${spec.key}.${joint}`).toBe(true);
        expect(p.x, spec.key).toBeGreaterThan(30);
        expect(p.x, spec.key).toBeLessThan(170);
        expect(p.y, spec.key).toBeGreaterThan(80);
        expect(p.y, spec.key).toBeLessThan(160);
      }
  });

  it('falls back to a resting figure, with a description, for an unknown key', () => {
    render(<ExerciseIllustration name="cartwheel" label="Cartwheel" />);
    expect(screen.getByRole('img')).toHaveAttribute('aria-label', 'Cartwheel: no picture for this move yet.');
  });

  it('freezes when paused', () => {
    render(<ExerciseIllustration name="march" paused />);
    expect(screen.getByRole('img')).toHaveClass('ms-fig-paused');
  });
});
