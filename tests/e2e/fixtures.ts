import { test as base, expect, type Page } from '@playwright/test';
import axeCore, { type Result as AxeResult } from 'axe-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { View } from '../../shared/ipc-contract';
import { linkPage } from './harness/page-link';
import { ShellHost } from './harness/shell-host';
import { generateHistory } from '../../bench/generate-history';

export const MIN = 60_000;
/** Every scenario starts on a Tuesday at 09:00 local time. */
export const START = new Date(2026, 10, 24, 9, 0, 0);
export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');

export interface App {
  page: Page;
  engine: ShellHost;
  /** Opens a view of the built renderer (#/, #/prompt, #/settings, …) and waits for it to load. */
  open(view: View): Promise<void>;
  /** Moves the engine's clock and the page's clock forward together, events delivered. */
  advance(ms: number): Promise<void>;
  /** Every state event sent so far has reached the page. */
  settled(): Promise<void>;
  /** Hold engine events back from the page (a stale window), then deliver them. */
  holdEvents(): void;
  releaseEvents(): Promise<void>;
  /** axe-core on the current page; returns the violations (the tests expect none). */
  axe(): Promise<AxeResult[]>;
  screenshot(name: string): Promise<string>;
}

/** A user through the first run with the safety check answered and no warning sign. */
export const RETURNING_USER = {
  firstRunDone: true,
  redFlags: { answeredAt: START.toISOString(), present: [], clearedAt: null, ageBand: '20-49', newPain: false },
} as const;

/**
 * `weeks` of plausible use ending at START, imported the way a user restores an export (with
 * the workstation checks when asked). Returns how many records were imported.
 */
export async function importHistory(
  engine: ShellHost,
  weeks: number,
  options: { checklists?: boolean } = {},
): Promise<number> {
  const history = generateHistory(START, weeks);
  const { imported } = await engine.call('importData', {
    format: 'movesnack-export',
    version: 1,
    exportedAt: START.toISOString(),
    settings: {},
    profile: {},
    stretches: history.stretches,
    breaks: history.breaks,
    checkins: history.checkins,
    checklists: options.checklists ? history.checklists : [],
  });
  return imported;
}

/** The axe-core rule sets every screen is checked against. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const hashFor = (view: View) => (view === 'dashboard' ? '#/' : `#/${view}`);

export const test = base.extend<{
  engine: ShellHost;
  app: App;
  seedFiles: Record<string, string>;
  newUser: boolean;
}>({
  /** Files written into the data folder before the engine starts (e.g. a damaged settings.json). */
  seedFiles: [{}, { option: true }],
  /**
   * false (the default): the user has been through the first run (profile.firstRunDone), so the
   * app opens where the test asks. true: a brand-new user, whom the app sends to the first run.
   */
  newUser: [false, { option: true }],
  /**
   * The browser shell on a temporary data folder, started through startWebShell as `npm start`
   * does, on a clock the test moves (see harness/shell-host.ts).
   */
  engine: async ({ seedFiles, newUser }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-e2e-'));
    for (const [name, text] of Object.entries(seedFiles)) fs.writeFileSync(path.join(dataDir, name), text);
    const engine = await ShellHost.start({ startAt: START, dataDir });
    // A returning user: through the first run, the safety check answered with no warning sign
    // (the engine holds guided routines until it is answered).
    if (!newUser) await engine.dispatch({ type: 'profile/save', profile: RETURNING_USER });
    await use(engine);
    await engine.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, engine }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Once the test stopped Movesnack, the page's reconnection attempts fail: that is expected.
      if (m.type() === 'error' && !engine.stopped) errors.push(`console: ${m.text()}`);
    });
    // Break notifications are allowed, as after the user said yes to the page's offer.
    await page.context().grantPermissions(['notifications'], { origin: engine.shell.origin });
    const link = await linkPage(page, engine);
    // The page's Date follows the engine's clock: fixed, moved only by advance(). Its timers
    // keep running in real time (axe-core and the settings' typing pause need them).
    await page.clock.setFixedTime(START);
    // The first visit opens the link the shell printed (it sets the session cookie and
    // redirects to the page, keeping the #/view); later visits go to the page itself.
    let signIn: string | null = engine.shell.url;
    engine.onRestart = async (shell) => {
      await page.context().grantPermissions(['notifications'], { origin: shell.origin });
      const hash = new URL(page.url()).hash;
      await page.goto(shell.url + hash);
      await expect(page.locator('#main')).toBeVisible();
    };
    const app: App = {
      page,
      engine,
      async open(view) {
        const target = signIn ? signIn + hashFor(view) : new URL(hashFor(view), engine.shell.origin + '/').toString();
        signIn = null;
        await page.goto(target);
        await expect(page.locator('#main')).toBeVisible();
        await expect(page.getByText('Getting ready…')).toHaveCount(0);
      },
      async advance(ms) {
        const target = (await engine.now()) + ms;
        await page.clock.setFixedTime(target);
        await engine.advance(ms);
        await link.settled();
      },
      settled: () => link.settled(),
      holdEvents: () => {
        engine.gate = link.hold();
      },
      releaseEvents: async () => {
        await engine.gate;
        engine.gate = Promise.resolve();
        await link.release();
      },
      async axe() {
        // From the top, as the screenshots are: axe would otherwise count the sticky header as
        // covering whatever the page was scrolled under it.
        await page.evaluate(() => window.scrollTo(0, 0));
        // axe-core itself, injected once per page load and run in the page (what @axe-core/playwright
        // does, minus its per-call re-injection of the 1.5 MB script and the blank page it opens
        // to finish each run). Same rules, same tags; only the violations are collected in full.
        if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeCore.source);
        const result = await page.evaluate(
          (values) =>
            (window as unknown as { axe: typeof axeCore }).axe.run(document, {
              runOnly: { type: 'tag', values },
              resultTypes: ['violations'],
            }),
          AXE_TAGS,
        );
        return result.violations;
      },
      async screenshot(name) {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `${name}.png`);
        // From the top: a sticky header would otherwise be drawn where the page was scrolled to.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        return file;
      },
    };
    await use(app);
    const csp = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
    expect(csp, 'Content-Security-Policy violations').toEqual([]);
    expect(errors, 'errors in the page').toEqual([]);
  },
});

export { expect };

/** Readable axe failures: rule, impact, and the first few offending nodes. */
export function describeViolations(violations: Awaited<ReturnType<App['axe']>>): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 3)
          .map((n) => `   ${n.target.join(' ')} — ${n.failureSummary}`)
          .join('\n')}`,
    )
    .join('\n');
}

/** axe-core finds nothing on the current page (run once; the failure lists what it found). */
export async function expectAxeClean(app: App, what = 'this screen'): Promise<void> {
  const violations = await app.axe();
  expect(violations, `axe on ${what}:\n${describeViolations(violations)}`).toEqual([]);
}
