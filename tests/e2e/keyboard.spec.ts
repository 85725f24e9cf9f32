import { expect, test } from './fixtures';

test('the dashboard works from the keyboard alone', async ({ app, engine }) => {
  const { page } = app;
  await app.open('dashboard');
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 30 min' })).toBeVisible();

  // Logical order: brand, navigation, then the page's actions.
  const order: string[] = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(
        () =>
          (document.activeElement as HTMLElement).innerText.trim() ||
          document.activeElement!.getAttribute('aria-label') ||
          '',
      ),
    );
  }
  expect(order).toEqual([
    'Movesnack',
    'Today',
    'Program',
    'Progress',
    'Workstation',
    'Settings',
    'Take a break now',
    'Pause',
    'My back is complaining',
  ]);

  // Pause ▸ 1 hour with arrows and Enter; focus comes back to the button.
  await page.keyboard.press('Shift+Tab');
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /For 30 minutes/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /For 1 hour/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /Paused until/ })).toBeVisible();
  expect((await engine.state()).phase).toBe('paused');

  const resume = page.getByRole('button', { name: 'Resume' });
  await resume.focus();
  await expect(resume).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 30 min' })).toBeVisible();
});

test('settings work from the keyboard alone', async ({ app, engine }) => {
  const { page } = app;
  await app.open('settings');
  const interval = page.getByLabel('Break interval');
  await interval.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await engine.state()).settings.breakIntervalMin).toBe(31);
  await expect(page.getByLabel('Snooze length')).toBeFocused();

  // Radios move with arrow keys; chips toggle with Space.
  await page.getByRole('radio', { name: /Always on/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await engine.state()).settings.workingHours?.days).toEqual([1, 2, 3, 4, 5]);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('group', { name: 'Working days' }).getByRole('button', { name: 'Mon' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await engine.state()).settings.workingHours?.days).toEqual([2, 3, 4, 5]);

  await page.getByRole('radio', { name: 'System' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('html')).toHaveClass(/theme-dark/);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch', { name: 'Sound' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await engine.state()).settings.soundEnabled).toBe(false);
});

test('reduced motion stops the little animations', async ({ app, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.open('dashboard');
  await app.advance(30 * 60_000);
  const dot = page.locator('.pill-due .pill-dot');
  await expect(dot).toBeVisible();
  const duration = await dot.evaluate((el) => parseFloat(getComputedStyle(el).animationDuration));
  expect(duration).toBeLessThan(0.01);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const moving = await dot.evaluate((el) => parseFloat(getComputedStyle(el).animationDuration));
  expect(moving).toBeGreaterThan(1);
});
