import { MIN, expect, test } from './fixtures';
import { VARIANTS } from './matrix';

/** How long the connection must be gone before the page says so (renderer/web-shell/ShellBar.tsx). */
const LOST_AFTER_MS = 4000;

declare global {
  interface Window {
    __notes?: { title: string; body: string; closed: boolean; click: () => void }[];
    __permissionAsked?: number;
  }
}

/**
 * Watches the page's notifications: the real Notification API still runs (permission is the
 * browser's), and each one is recorded so the test can read it and click it.
 */
function recordNotifications() {
  window.__notes = [];
  window.__permissionAsked = 0;
  const Real = window.Notification;
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      const entry = {
        title,
        body: options?.body ?? '',
        closed: false,
        click: () => this.onclick?.(new Event('click')),
      };
      window.__notes!.push(entry);
      const close = this.close.bind(this);
      this.close = () => {
        entry.closed = true;
        close();
      };
    }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
  Recorded.requestPermission = (...args: Parameters<typeof Real.requestPermission>) => {
    window.__permissionAsked!++;
    return Real.requestPermission(...args);
  };
  Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
}

test('the page title counts down to the next break, minute by minute, on every screen', async ({ app }) => {
  const { page } = app;
  await app.open('dashboard');
  await expect(page).toHaveTitle('Break in 30 min · Movesnack');
  await app.advance(12 * MIN);
  await expect(page).toHaveTitle('Break in 18 min · Movesnack');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveTitle('Break in 18 min · Settings · Movesnack');
  await app.advance(18 * MIN);
  await expect(page).toHaveTitle('Time to move · Settings · Movesnack');
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('button', { name: /Snooze 5 min/ }).click();
  await expect(page).toHaveTitle('Break in 5 min · Movesnack');
});

test('a break that comes due raises a notification; clicking it opens the break prompt', async ({ app }) => {
  const { page } = app;
  await page.addInitScript(recordNotifications);
  await app.open('settings');
  await app.advance(29 * MIN);
  expect(await page.evaluate(() => window.__notes!.length)).toBe(0);
  await app.advance(1 * MIN);
  await expect
    .poll(() => page.evaluate(() => window.__notes!.map((n) => n.title)))
    .toEqual(['Time for a movement snack']);
  expect(await page.evaluate(() => window.__notes![0]!.body)).toBe(
    'A minute of gentle movement now keeps your back happier later. You can snooze it 3 more times.',
  );
  // Seen, the page stays where the user is; the notification takes them to the prompt.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.evaluate(() => window.__notes![0]!.click());
  await expect(page).toHaveURL(/#\/prompt$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  expect(await page.evaluate(() => window.__notes![0]!.closed)).toBe(true);

  // Answered elsewhere (the tray, another window): the notification goes away by itself.
  await app.advance(0);
  await page.getByRole('button', { name: /Snooze 5 min/ }).click();
  await app.advance(5 * MIN);
  await expect.poll(() => page.evaluate(() => window.__notes!.length)).toBe(2);
  await app.engine.dispatch({ type: 'break/skip' });
  await app.settled();
  await expect.poll(() => page.evaluate(() => window.__notes![1]!.closed)).toBe(true);
});

test('before the user said yes, the page offers notifications and asks only when the button is pressed', async ({
  app,
}) => {
  const { page } = app;
  await page.context().clearPermissions();
  await page.addInitScript(recordNotifications);
  await app.open('dashboard');
  const offer = page.getByRole('complementary', { name: 'Break notifications' });
  await expect(offer).toContainText('without a tray icon');
  expect(await page.evaluate(() => window.__permissionAsked)).toBe(0);
  // Not on the break prompt itself.
  await app.open('prompt');
  await expect(offer).toHaveCount(0);
  await app.open('dashboard');
  await offer.getByRole('button', { name: 'Allow notifications' }).click();
  expect(await page.evaluate(() => window.__permissionAsked)).toBe(1);
  // Headless Chromium answers no at once: the offer goes, and nothing is raised.
  await expect(offer).toHaveCount(0);
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 2, name: 'Time to move' })).toBeVisible();
  expect(await page.evaluate(() => window.__notes!.length)).toBe(0);
  expect(await app.axe()).toEqual([]);
});

test('"No thanks" puts the offer away for good', async ({ app }) => {
  const { page } = app;
  await page.context().clearPermissions();
  await app.open('dashboard');
  const offer = page.getByRole('complementary', { name: 'Break notifications' });
  await expect(offer).toBeVisible();
  expect(await app.axe()).toEqual([]);
  await offer.getByRole('button', { name: 'No thanks' }).click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(offer).toHaveCount(0);
});

for (const {
  theme,
  size: { width },
} of VARIANTS) {
  test(`the browser shell's page, ${theme}, ${width} px: offer strip, then the lost-connection note`, async ({
    app,
  }) => {
    const { page } = app;
    await page.context().clearPermissions();
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await app.open('dashboard');
    await app.advance(12 * MIN);
    await expect(page.getByRole('complementary', { name: 'Break notifications' })).toBeVisible();
    const { scrollWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(width);
    expect(await app.axe()).toEqual([]);
    await app.screenshot(`web-shell-offer-${theme}-${width}`);

    // Movesnack stopped while the page stays open: it says so plainly, and keeps trying.
    await app.engine.dispose();
    // The page has noticed: its event stream is no longer open (it keeps reconnecting).
    await expect
      .poll(() => page.evaluate(() => window.__streams!.every((s) => s.readyState !== EventSource.OPEN)))
      .toBe(true);
    // It says so only once the connection has been gone for a few seconds (a stream that drops
    // and comes straight back is not worth a note): the page's clock runs through them.
    await page.clock.runFor(LOST_AFTER_MS);
    const lost = page.getByRole('complementary', { name: 'Connection' });
    await expect(lost).toContainText('Movesnack is not answering');
    expect(await app.axe()).toEqual([]);
    await app.screenshot(`web-shell-lost-${theme}-${width}`);
  });
}
