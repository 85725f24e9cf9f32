/**
 * German is long: every screen in German on a 360-px-wide window, light and dark, must fit
 * without sideways scrolling, and no button may clip its label or break one of its words over
 * two lines (issue 15). A full-page
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
    return problems;
  });
}

async function germanTour(app: App, theme: (typeof THEMES)[number], tour: Tour): Promise<void> {
  const { page, engine } = app;
  await page.setViewportSize(NARROW);
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await engine.dispatch({ type: 'settings/update', settings: { language: 'de' } });
  fs.mkdirSync(SHOTS, { recursive: true });
  const problems = new Map<string, string[]>();
  const go = async (view: View) => {
    await page.goto(pageUrl(app, view, false));
    await screenReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  };
  const visit = async (screen: string) => {
    const found = await overflow(page);
    if (found.length) problems.set(screen, found);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, `${screen}-${theme}.png`), fullPage: true, animations: 'disabled' });
  };
  await app.open('dashboard'); // signs in (the shell's link sets the session cookie)
  await tour(app, go, visit, fixedT('de'));
  const report = [...problems].map(([screen, lines]) => `${screen}:\n  ${lines.join('\n  ')}`).join('\n');
  expect(problems.size, `German at 360 px (${theme}) does not fit:\n${report}`).toBe(0);
}

for (const theme of THEMES) {
  test(`German at 360 px, ${theme}: every screen fits, no clipped button`, async ({ app }) => {
    test.slow();
    await germanTour(app, theme, tourReturningUser);
  });

  test.describe(() => {
    test.use({ newUser: true });
    test(`German at 360 px, ${theme}: the first run fits`, async ({ app }) => {
      await germanTour(app, theme, tourFirstRun);
    });
  });
}
