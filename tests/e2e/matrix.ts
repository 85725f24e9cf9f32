/**
 * The colour schemes and widths the screen tests (axe + screenshot) run in.
 *
 * The two are independent axes: layout depends on the width, contrast on the scheme. By default
 * a pairwise pair, light at 360 px and dark at 1280 px, covers each value of each axis on every
 * screen, at half the cost of all four. MOVESNACK_E2E_FULL_MATRIX=1 (`npm run test:e2e:full`)
 * runs all four combinations, as before a release or after a change to the styles.
 */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const SIZES = [
  { name: 'narrow', width: 360, height: 720 },
  { name: 'wide', width: 1280, height: 860 },
] as const;
export type Size = (typeof SIZES)[number];

export interface Variant {
  theme: Theme;
  size: Size;
  /** `<theme>-<size name>`, as in the screenshot file names. */
  suffix: string;
}

export const FULL_MATRIX = process.env.MOVESNACK_E2E_FULL_MATRIX === '1';

const variant = (theme: Theme, size: Size): Variant => ({ theme, size, suffix: `${theme}-${size.name}` });

export const VARIANTS: readonly Variant[] = FULL_MATRIX
  ? THEMES.flatMap((theme) => SIZES.map((size) => variant(theme, size)))
  : [variant('light', SIZES[0]), variant('dark', SIZES[1])];
