import path from 'node:path';
import { MIN, SCREENSHOTS, describeViolations, expect, test, type App } from './fixtures';
import { VARIANTS } from './matrix';

/**
 * Issue 13, the user's side: what holds a break is chosen in Settings (from the keyboard), a
 * break that comes due in a call is held on the dashboard with the time it comes anyway, and
 * the break that follows says how long it was held. The engine is the real one behind the
 * browser shell; `presence/update` is sent the way the shell's probes send it.
 */

const clockText = (at: number) => new Date(at).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });

async function expectNoAxe(app: App, what: string) {
  const violations = await app.axe();
  expect(violations, `axe on ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

test('choose what holds a break, see it held in a call, and hear how long afterwards', async ({ app, engine }) => {
  const { page } = app;
  await app.open('settings');
  const card = page.getByRole('region', { name: 'Hold breaks while you’re busy' });
  await expect(card).toBeVisible();

  // Keyboard only: Do Not Disturb off, a 30-minute longest hold, zoom on the list.
  const dnd = card.getByRole('switch', { name: 'Do Not Disturb' });
  await dnd.focus();
  await page.keyboard.press('Space');
  await expect(dnd).toHaveAttribute('aria-checked', 'false');
  const longest = card.getByLabel('Longest hold');
  await longest.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('300');
  await page.keyboard.press('Enter');
  await expect(card.getByText('Longest hold must be between 0 and 240.')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('30');
  await page.keyboard.press('Tab');
  await expect(card.getByText(/must be between/)).toHaveCount(0);
  const field = card.getByRole('textbox', { name: 'Add an app' });
  await field.focus();
  await page.keyboard.type('zoom');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('list', { name: 'Your app list' })).toHaveText('zoom');
  await expect
    .poll(async () => {
      const s = (await engine.state()).settings;
      return [s.deferFor, s.maxDeferMin, s.deferApps];
    })
    .toEqual([{ fullscreen: true, dnd: false, meeting: true, app: true }, 30, ['zoom']]);
  await expectNoAxe(app, 'Settings with the hold card');

  // Do Not Disturb is off now: it does not hold a break. A call does.
  await app.open('dashboard');
  await engine.dispatch({ type: 'presence/update', busy: ['dnd', 'meeting'] });
  await app.advance(31 * MIN);
  const held = await engine.state();
  expect(held.phase).toBe('deferred');
  const status = page.getByRole('region', { name: /Break held/ });
  await expect(status.getByRole('heading', { level: 2 })).toHaveText("Break held — you're in a call");
  await expect(status).toContainText(`It will come anyway around ${clockText(Date.parse(held.nextBreakAt!))}`);
  await expect(status.getByRole('button', { name: /Snooze/ })).toHaveCount(0);
  await expectNoAxe(app, 'the dashboard with a held break');

  // The call ends 10 minutes later: the break comes a minute after, and says how long it waited.
  await app.advance(10 * MIN);
  await engine.dispatch({ type: 'presence/update', busy: [] });
  await app.advance(1 * MIN);
  await expect.poll(async () => (await engine.state()).phase).toBe('due');
  const { heldMin } = await engine.call('getDay');
  expect(heldMin).toBeGreaterThanOrEqual(11);
  await app.open('prompt');
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  await expect(page.getByText(`Held for ${heldMin} min while you were busy.`)).toBeVisible();
  await expectNoAxe(app, 'the prompt after a hold');
  await app.screenshot('presence-prompt-after-hold');
});

test('"Take it now" while held starts the break from the keyboard', async ({ app, engine }) => {
  const { page } = app;
  await app.open('dashboard');
  await engine.dispatch({ type: 'presence/update', busy: ['fullscreen'] });
  await app.advance(31 * MIN);
  await expect(page.getByRole('heading', { level: 2, name: 'Break held — something is fullscreen' })).toBeVisible();
  const take = page.getByRole('button', { name: 'Take it now' });
  // Reach it with Tab from the top of the page, as a keyboard user would.
  await page.locator('body').focus();
  for (let i = 0; i < 30 && !(await take.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(take).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await engine.state()).phase).toBe('routine');
});

/** The held dashboard and the Settings card in each scheme × width variant of matrix.ts. */
for (const { theme, size } of VARIANTS) {
  test(`held screens pass axe and are captured: ${theme}, ${size.name}`, async ({ app, engine, page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const suffix = `${theme}-${size.name}`;
    await engine.dispatch({ type: 'settings/update', settings: { deferApps: ['zoom', 'obs', 'Microsoft Teams'] } });
    await engine.dispatch({ type: 'presence/update', busy: ['meeting'] });
    await app.advance(42 * MIN);
    await app.open('dashboard');
    await expect(page.getByRole('heading', { level: 2, name: "Break held — you're in a call" })).toBeVisible();
    await expectNoAxe(app, `dashboard held (${suffix})`);
    await app.screenshot(`presence-dashboard-held-${suffix}`);

    await app.open('settings');
    const card = page.getByRole('region', { name: 'Hold breaks while you’re busy' });
    await card.getByLabel('Longest hold').fill('500');
    await card.getByLabel('Longest hold').press('Enter');
    await expect(card.getByText('Longest hold must be between 0 and 240.')).toBeVisible();
    await expectNoAxe(app, `settings hold card (${suffix})`);
    // The card alone, from the top of the page (the sticky header stays where it belongs).
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await card.boundingBox())!;
    await page.screenshot({
      path: path.join(SCREENSHOTS, `presence-settings-card-${suffix}.png`),
      fullPage: true,
      clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 },
      animations: 'disabled',
    });
  });
}
