/**
 * The pseudo-locale run (issue 15): every screen opened with ?pseudo=1, where every word that
 * went through the language layer reads like "⟦Ñéẋţ ƀŕéáķ ~~~⟧". A visible text node, or an
 * aria-label, title, placeholder, alt (or the page's title) that does not pass isPseudoText
 * (shared/i18n/pseudo.ts) was written in code instead of looked up: the test lists each one,
 * screen by screen. Skipped: text marked translate="no" (what the user typed), <code> (names
 * typed into the computer: zoom, .exe) and a single key on a key cap (<kbd>S</kbd>).
 */
import type { Page } from '@playwright/test';
import type { View } from '../../shared/ipc-contract';
import { isPseudoText } from '../../shared/i18n/pseudo';
import { expect, test, type App } from './fixtures';
import { fixedT } from '../../shared/i18n';
import { pageUrl, screenReady, tourFirstRun, tourReturningUser, type Tour } from './i18n-tour';

/**
 * Dates and times come from Intl in the chosen locale, and the pseudo-locale formats like
 * English (shared/i18n/resolve.ts formattingLocale): Intl's own English weekday and month
 * names and AM/PM are therefore allowed, read from Intl here rather than listed. Everything
 * else with letters must be pseudo. (A hand-written "Monday" would slip through this one gap.)
 */
const INTL_WORDS = (() => {
  const words = new Set<string>();
  const add = (options: Intl.DateTimeFormatOptions, dates: Date[]) => {
    for (const date of dates) {
      for (const part of new Intl.DateTimeFormat('en', options).formatToParts(date)) {
        if (part.type !== 'literal' && /\p{L}/u.test(part.value)) words.add(part.value);
      }
    }
  };
  const days = Array.from({ length: 7 }, (_, i) => new Date(2026, 0, 4 + i, 12));
  const months = Array.from({ length: 12 }, (_, i) => new Date(2026, i, 15, 12));
  for (const weekday of ['long', 'short'] as const) add({ weekday }, days);
  for (const month of ['long', 'short'] as const) add({ month }, months);
  add({ hour: 'numeric', hour12: true }, [new Date(2026, 0, 1, 9), new Date(2026, 0, 1, 15)]);
  return new RegExp(`(^|[^\\p{L}])(${[...words].join('|')})(?![\\p{L}])`, 'gu');
})();

/** Went through the language layer (pseudo), or has no words but Intl's date words. */
const throughTheLayer = (text: string) => isPseudoText(text) || isPseudoText(text.replace(INTL_WORDS, '$1'));

interface Found {
  text: string;
  where: string;
}

/** What a person (or a screen reader) meets on the page: visible text and the attributes that speak. */
function pageStrings(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const found: { text: string; where: string }[] = [];
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${id}${cls}>`;
    };
    // translate="no": the user's own words; <code>: names typed into the computer (zoom, .exe).
    const skipped = (el: Element) => !!el.closest('[translate="no"], code, script, style, noscript, template');
    const visible = (el: Element) => {
      const target = el.closest('option')?.closest('select') ?? el;
      return target.checkVisibility({ visibilityProperty: true });
    };
    /** Inside a pseudo string split over several elements (a <strong> in a translated sentence). */
    const insidePseudo = (node: Text) => {
      let el = node.parentElement;
      for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
        const all = el.textContent ?? '';
        const at = all.indexOf(node.data);
        if (at < 0) continue;
        const before = all.slice(0, at);
        if (before.lastIndexOf('⟦') > before.lastIndexOf('⟧') && all.indexOf('⟧', at) >= 0) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data.trim();
      const parent = node.parentElement;
      if (!text || !parent || skipped(parent)) continue;
      const inSvgText = parent.closest('svg title, svg desc');
      if (inSvgText ? !visible(parent.closest('svg')!) : !visible(parent)) continue;
      if (insidePseudo(node)) continue;
      // A single key on a key cap (<kbd>S</kbd>) is the key itself; "Enter" or "Space" are words.
      if (parent.closest('kbd') && [...text].length === 1) continue;
      found.push({ text, where: `${inSvgText ? 'svg title in' : 'text in'} ${name(parent)}` });
    }
    const ATTRS = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-roledescription'];
    for (const el of document.body.querySelectorAll(ATTRS.map((a) => `[${a}]`).join(','))) {
      if (skipped(el) || !visible(el)) continue;
      for (const attr of ATTRS) {
        const value = el.getAttribute(attr)?.trim();
        if (value) found.push({ text: value, where: `${attr} of ${name(el)}` });
      }
    }
    found.push({ text: document.title, where: 'document.title' });
    return found;
  });
}

/** Tours the screens in the pseudo-locale and fails with every string that bypassed the layer. */
async function pseudoTour(app: App, tour: Tour): Promise<void> {
  const { page } = app;
  const offenders = new Map<string, string[]>();
  const go = async (view: View) => {
    await page.goto(pageUrl(app, view, true));
    await screenReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  };
  const visit = async (screen: string) => {
    const bad = (await pageStrings(page)).filter((s) => !throughTheLayer(s.text));
    const lines = [...new Set(bad.map((s) => `${JSON.stringify(s.text.slice(0, 100))} (${s.where})`))];
    if (lines.length) offenders.set(screen, lines);
  };
  // The fixture's sign-in link sets the session cookie; then the page is opened with ?pseudo=1.
  await app.open('dashboard');
  await tour(app, go, visit, fixedT('en-XA'));
  const report = [...offenders].map(([screen, lines]) => `${screen}:\n  ${lines.join('\n  ')}`).join('\n');
  expect(offenders.size, `strings that bypassed the language layer:\n${report}`).toBe(0);
}

test('pseudo-locale: every screen a returning user sees goes through the language layer', async ({ app }) => {
  test.slow();
  await pseudoTour(app, tourReturningUser);
});

test.describe(() => {
  test.use({ newUser: true });
  test('pseudo-locale: the first run and its safety check go through the language layer', async ({ app }) => {
    await pseudoTour(app, tourFirstRun);
  });
});
