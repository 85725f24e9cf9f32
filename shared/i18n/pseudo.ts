/**
 * The pseudo-locale "en-XA", made from English at run time: every letter accented, each string
 * wrapped in ⟦ ⟧ and padded about 35% longer. Never a user setting: MOVESNACK_PSEUDO_LOCALE=1
 * (Node) or `?pseudo=1` in a page's address turn it on.
 *
 * How the e2e pseudo run catches a string that bypassed the layer: with the pseudo-locale on,
 * every visible text node (and aria-label, title, placeholder, alt) must contain ⟦…⟧ or be
 * made only of digits, punctuation and symbols; anything else was written in code, not looked
 * up. `isPseudoText` below is that check.
 */
const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ü', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** Accents letters outside {{placeholders}} and $t(nesting), and pads ~35% longer. */
export function pseudoString(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]+>)/);
  const accented = parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c))).join('');
  const letters = text.replace(/\{\{[^}]*\}\}/g, '').length;
  const pad = '~'.repeat(Math.ceil(letters * 0.35));
  return `${PSEUDO_OPEN}${accented}${pad ? ` ${pad}` : ''}${PSEUDO_CLOSE}`;
}

/** The same tree with every string made pseudo. */
export function pseudoTree<T>(tree: T): T {
  if (typeof tree === 'string') return pseudoString(tree) as T;
  if (Array.isArray(tree)) return tree.map(pseudoTree) as T;
  if (tree && typeof tree === 'object') {
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, pseudoTree(v)])) as T;
  }
  return tree;
}

/** True when visible text went through the layer (or has no words to translate). */
export function isPseudoText(text: string): boolean {
  const trimmed = text.trim();
  if (!/\p{L}/u.test(trimmed)) return true;
  return trimmed.includes(PSEUDO_OPEN) || trimmed.includes(PSEUDO_CLOSE);
}
