/**
 * German is long: every screen in German on a 360-px-wide window, light and dark, must fit
 * without sideways scrolling, and no button may clip its label or break one of its words over
 * two lines; no text may be drawn over other text or cut off by its box (issue 15). A full-page
 * screenshot of each goes to /work/notes/shots/i18n-de/<screen>-<theme>.png to look at
 * (tests/e2e/screenshots/i18n-de where there is no /work/notes; MOVESNACK_I18N_SHOTS overrides).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { View } from '../../shared/ipc-contract';
import { SCREENSHOTS, expect, test, type App } from './fixtures';
import { fixedT } from '../../shared/i18n';
import { pageUrl, screenReady, tourFirstRun, tourReturningUser, type Tour } from './i18n-tour';

const SHOTS =
  process.env.MOVESNACK_I18N_SHOTS ??
  (fs.existsSync('/work/notes') ? '/work/notes/shots/i18n-de' : path.join(SCREENSHOTS, 'i18n-de'));
const THEMES = ['light', 'dark'] as const;
const NARROW = { width: 360, height: 720 };

/** What sticks out: the page wider than the window, and buttons whose label is wider than the button. */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > window.innerWidth) {
      // Name the elements that first reach past the window (their parent still fits), to say where to look.
      const past = (el: Element | null) => !!el && el.getBoundingClientRect().right > window.innerWidth + 1;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => past(el) && !past(el.parentElement) && el.checkVisibility())
        .slice(0, 4)
        .map((el) => {
          const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/)[0] : '';
          return `<${el.tagName.toLowerCase()}${cls}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
        });
      problems.push(`page scrolls sideways: ${doc.scrollWidth} px wide in a ${window.innerWidth} px window (${wide.join(', ')})`);
    }
    // The button itself, or a label inside it cut short (overflow hidden, an ellipsis).
    for (const button of document.querySelectorAll<HTMLElement>('button, a.button, [role="button"], .button')) {
      if (!button.checkVisibility()) continue;
      for (const el of [button, ...button.querySelectorAll<HTMLElement>('*')]) {
        if (el.clientWidth === 0 || !el.checkVisibility()) continue;
        if (el.scrollWidth > el.clientWidth + 1) {
          problems.push(`button clipped (${el.scrollWidth} > ${el.clientWidth} px): "${(button.textContent ?? '').trim().slice(0, 60)}"`);
          break;
        }
      }
    }
    // A word of a button's label split over two lines ("Überspringe / n"): it did not fit either.
    // (Hyphenation the CSS asks for, hyphens: auto, is a proper break and is allowed.)
    for (const button of document.querySelectorAll<HTMLElement>('button, a.button, [role="button"], .button')) {
      if (!button.checkVisibility()) continue;
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      let broken: string | null = null;
      for (let node = walker.nextNode() as Text | null; node && !broken; node = walker.nextNode() as Text | null) {
        if (node.parentElement && getComputedStyle(node.parentElement).hyphens === 'auto') continue;
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) {
            broken = match[0];
            break;
          }
        }
      }
      if (broken) problems.push(`a word broken over two lines in a button: "${broken}" in "${(button.textContent ?? '').trim().slice(0, 60)}"`);
    }
    // Text drawn over other text (a box too short for its longer German lines).
    // Only text in the same layer counts: a menu, a dialog, a sticky header or a badge is meant
    // to sit over the page; text only for screen readers (clipped away) is not drawn at all.
    const layerOf = new Map<Element, Element | null>();
    const layer = (el: Element): Element | null => {
      if (layerOf.has(el)) return layerOf.get(el)!;
      const style = getComputedStyle(el);
      const own = ['absolute', 'fixed', 'sticky'].includes(style.position) || el.matches('dialog, [role="dialog"], [role="menu"], [popover]');
      const found = own ? el : el.parentElement ? layer(el.parentElement) : null;
      layerOf.set(el, found);
      return found;
    };
    const clipped = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if ((style.clip && style.clip !== 'auto') || (style.clipPath && style.clipPath !== 'none')) return true;
      }
      return false;
    };
    const lines: { rect: DOMRect; text: string; node: Text; layer: Element | null }[] = [];
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!node.data.trim() || !parent?.checkVisibility({ visibilityProperty: true, opacityProperty: true }) || clipped(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 2 && rect.height > 2) lines.push({ rect, text: node.data.trim().slice(0, 40), node, layer: layer(parent) });
      }
    }
    const overlaps = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!;
        const b = lines[j]!;
        if (a.node === b.node || a.layer !== b.layer) continue;
        const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // More than a sliver: line boxes of neighbouring lines may touch by a pixel or two.
        if (w > 4 && h > Math.min(a.rect.height, b.rect.height) / 3) overlaps.add(`"${a.text}" and "${b.text}"`);
      }
    }
    for (const pair of overlaps) problems.push(`text over text: ${pair}`);
    // Text cut off by a box that hides what overflows it (overflow: hidden or clip).
    const cut = new Set<string>();
    for (const line of lines) {
      for (let e = line.node.parentElement; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (![style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip')) continue;
        const box = e.getBoundingClientRect();
        const r = line.rect;
        if (r.bottom > box.bottom + 2 || r.top < box.top - 2 || r.right > box.right + 2 || r.left < box.left - 2) {
          cut.add(`"${line.text}"`);
          break;
        }
      }
    }
    for (const text of cut) problems.push(`text cut off: ${text}`);
    return problems;
  });
}

/**
 * One tour of the screens; each screen is checked and captured in both schemes on the same page
 * (the scheme changes colours only, so one tour serves both; with reduced motion nothing fades
 * between them).
 */
async function germanTour(app: App, tour: Tour): Promise<void> {
  const { page, engine } = app;
  await page.setViewportSize(NARROW);
  await page.emulateMedia({ colorScheme: THEMES[0], reducedMotion: 'reduce' });
  await engine.dispatch({ type: 'settings/update', settings: { language: 'de' } });
  fs.mkdirSync(SHOTS, { recursive: true });
  const problems = new Map<string, string[]>();
  const go = async (view: View) => {
    await page.goto(pageUrl(app, view, false));
    await screenReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  };
  const visit = async (screen: string) => {
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await page.evaluate(() => window.scrollTo(0, 0));
      const found = await overflow(page);
      if (found.length) problems.set(`${screen} (${theme})`, found);
      await page.screenshot({ path: path.join(SHOTS, `${screen}-${theme}.png`), fullPage: true, animations: 'disabled' });
    }
    await page.emulateMedia({ colorScheme: THEMES[0] });
  };
  await app.open('dashboard'); // signs in (the shell's link sets the session cookie)
  await tour(app, go, visit, fixedT('de'));
  const report = [...problems].map(([screen, lines]) => `${screen}:\n  ${lines.join('\n  ')}`).join('\n');
  expect(problems.size, `German at 360 px does not fit:\n${report}`).toBe(0);
}

test(`German at 360 px, light and dark: every screen fits, no clipped button`, async ({ app }) => {
  test.slow();
  await germanTour(app, tourReturningUser);
});

test.describe(() => {
  test.use({ newUser: true });
  test(`German at 360 px, light and dark: the first run fits`, async ({ app }) => {
    await germanTour(app, tourFirstRun);
  });
});
