/**
 * A walk through every screen that finds its way by structure and by the engine, never by
 * English words, so it runs the same in German, Spanish or the pseudo-locale. The language
 * specs (pseudo-locale.spec.ts, i18n-layout.spec.ts) call `visit(name)` on each screen once it
 * is ready and check what they need there.
 */
import type { Page } from '@playwright/test';
import type { TFunction } from '../../shared/i18n';
import type { View } from '../../shared/ipc-contract';
import { MIN, expect, importHistory, type App } from './fixtures';

export type Visit = (screen: string) => Promise<void>;
/** Opens a view (the spec decides how: ?pseudo=1, or the plain page). */
export type Go = (view: View) => Promise<void>;
/** A tour: `t` speaks the page's language (fixedT('de'), fixedT('en-XA')…) for the few buttons found by name. */
export type Tour = (app: App, go: Go, visit: Visit, t: TFunction) => Promise<void>;

/** The page's own address for a view, with ?pseudo=1 when asked (after the fixture signed in). */
export function pageUrl(app: App, view: View, pseudo: boolean): string {
  const hash = view === 'dashboard' ? '#/' : `#/${view}`;
  return `${app.engine.shell.origin}/${pseudo ? '?pseudo=1' : ''}${hash}`;
}

/** The screen has drawn its title and is not waiting for the engine any more. */
export async function screenReady(page: Page): Promise<void> {
  await expect(page.locator('#main')).toBeVisible();
  await expect(page.locator('#main .center-message .loader')).toHaveCount(0);
  await expect(page.locator('#main h1').first()).toBeVisible();
}

/** Every screen a returning user can reach: dashboard (sitting, pause menu, due), prompt, routine, check-in, settings, progress, setup, program. */
export const tourReturningUser: Tour = async (app, go, visit, t) => {
  const { page, engine } = app;

  await go('dashboard');
  await visit('dashboard');
  // The pause menu, open (the dashboard's only menu button).
  const pause = page.locator('#main .menu > button[aria-expanded]').first();
  if (await pause.isVisible()) {
    await pause.click();
    await expect(page.locator('#main .menu-list').first()).toBeVisible();
    await visit('dashboard-pause-menu');
    await page.keyboard.press('Escape');
  }

  // A break comes due: the dashboard and the prompt.
  await app.advance(30 * MIN);
  await expect.poll(async () => (await engine.state()).phase).toBe('due');
  await go('dashboard');
  await visit('dashboard-due');
  await go('prompt');
  await visit('prompt');

  // The routine, mid-step, then the question after it.
  await engine.dispatch({ type: 'break/start' });
  await go('routine');
  await expect(page.locator('#rp-step-name')).toBeVisible();
  await app.advance(2000);
  await page.clock.runFor(250);
  await visit('routine');
  const { routine } = await engine.state();
  for (let i = 0; i < routine!.steps.length; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('#rp-step-name')).toHaveCount(0);
  await visit('routine-feeling');
  await engine.dispatch({ type: 'routine/complete', feeling: 'same' });

  await go('checkin');
  await visit('checkin');

  await go('settings');
  await visit('settings');

  // Progress with eight weeks of history, so every chart and number shows.
  await importHistory(engine, 8);
  await go('progress');
  await expect(page.locator('figure.ms-chart canvas').first()).toBeVisible();
  await visit('progress');
  // The report for a physical therapist, in its dialog.
  await page.getByRole('button', { name: t('progress:data.report') }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('progress-report');

  await go('setup');
  await visit('setup-start');
  const height = page.locator('#main form input:not([type="radio"]):not([type="checkbox"])').first();
  await height.fill('172');
  await page.locator('#main form button[type="submit"]').click();
  await expect(page.locator('#main fieldset').first()).toBeVisible();
  await visit('setup-area');

  await go('program');
  await visit('program');
};

/** A new user's first run: the welcome and the safety check (with its "please answer" alert). */
export const tourFirstRun: Tour = async (app, go, visit) => {
  const { page } = app;
  const primary = page.locator('#main :is(.button-primary, .flow-button-primary)');
  const title = page.locator('#main h1').first();
  await go('first-run');
  await visit('first-run-welcome');
  await page.locator('#main :is(.button-primary, .flow-button-primary)').first().click();
  await expect(page.locator('#main fieldset').first()).toBeVisible();
  await visit('first-run-safety');
  // Continue without answers: the check says what is missing.
  await page.locator('#main :is(.button-primary, .flow-button-primary)').last().click();
  await expect(page.locator('#main [role="alert"]').first()).toBeVisible();
  await visit('first-run-safety-missing');
  // Answered, with one warning sign: the hold screen says what to do, then "about you".
  const groups = page.locator('#main fieldset');
  await groups.nth(0).getByRole('radio').first().check();
  await groups.nth(1).getByRole('radio').last().check();
  await page.locator('#main input[type="checkbox"]').first().check();
  let before = await title.textContent();
  await primary.last().click();
  await expect(title).not.toHaveText(before ?? '');
  await visit('first-run-held');
  before = await title.textContent();
  await primary.last().click();
  await expect(title).not.toHaveText(before ?? '');
  await visit('first-run-about');
};
