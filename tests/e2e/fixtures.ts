import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { View } from '../../shared/ipc-contract';
import { bridge } from './harness/bridge';
import { EngineHost } from './harness/engine-host';

export const MIN = 60_000;
/** Every scenario starts on a Tuesday at 09:00 local time. */
export const START = new Date(2026, 10, 24, 9, 0, 0);
export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');

export interface App {
  page: Page;
  engine: EngineHost;
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
  axe(): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>['violations']>;
  screenshot(name: string): Promise<string>;
}

const hashFor = (view: View) => (view === 'dashboard' ? '#/' : `#/${view}`);

export const test = base.extend<{
  engine: EngineHost;
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
  engine: async ({ seedFiles, newUser }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-e2e-'));
    for (const [name, text] of Object.entries(seedFiles)) fs.writeFileSync(path.join(dataDir, name), text);
    const engine = await EngineHost.start({ startAt: START, dataDir });
    if (!newUser) await engine.dispatch({ type: 'profile/save', profile: { firstRunDone: true } });
    await use(engine);
    await engine.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, engine }, use) => {
    const baseUrl = process.env.MOVESNACK_E2E_URL;
    if (!baseUrl)
      throw new Error('MOVESNACK_E2E_URL is not set: run through playwright.config.ts (global setup serves dist-web)');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    const link = await bridge(page, engine);
    // The page's Date follows the engine's clock: fixed, moved only by advance(). Its timers
    // keep running in real time (axe-core and the settings' typing pause need them).
    await page.clock.setFixedTime(START);
    const app: App = {
      page,
      engine,
      async open(view) {
        await page.goto(new URL(hashFor(view), baseUrl).toString());
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
      holdEvents: () => link.hold(),
      releaseEvents: () => link.release(),
      async axe() {
        // From the top, as the screenshots are: axe would otherwise count the sticky header as
        // covering whatever the page was scrolled under it.
        await page.evaluate(() => window.scrollTo(0, 0));
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
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
