import { MIN, expect, test } from './fixtures';

test('settings change at once, refuse bad values, and survive a restart of the engine', async ({ app, engine }) => {
  const { page } = app;
  await app.open('settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // A valid interval goes to the engine as soon as the field is left.
  const interval = page.getByLabel('Break interval');
  await expect(interval).toHaveValue('30');
  await interval.fill('45');
  await interval.press('Tab');
  await expect.poll(async () => (await engine.state()).settings.breakIntervalMin).toBe(45);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // An invalid one is explained and nothing is sent.
  const snooze = page.getByLabel('Snooze length');
  await snooze.fill('40');
  await snooze.press('Enter');
  await expect(page.getByText('Snooze length must be between 1 and 30')).toBeVisible();
  await expect(page.getByText('Still using 5 min.')).toBeVisible();
  await expect(snooze).toHaveAttribute('aria-invalid', 'true');
  expect((await engine.state()).settings.snoozeMin).toBe(5);
  await snooze.fill('10');
  await snooze.press('Enter');
  await expect(page.getByText('Snooze length must be between 1 and 30')).toHaveCount(0);
  await expect.poll(async () => (await engine.state()).settings.snoozeMin).toBe(10);

  // Working hours: several days at once, and times.
  await page.getByRole('radio', { name: /Only during working hours/ }).check();
  const days = page.getByRole('group', { name: 'Working days' });
  await expect(days.getByRole('button', { name: 'Mon' })).toHaveAttribute('aria-pressed', 'true');
  await days.getByRole('button', { name: 'Sat' }).click();
  await days.getByRole('button', { name: 'Fri' }).click();
  await page.getByLabel('From', { exact: true }).fill('08:30');
  await expect
    .poll(async () => (await engine.state()).settings.workingHours)
    .toEqual({ days: [1, 2, 3, 4, 6], start: '08:30', end: '17:30' });

  // Theme, login item, sound.
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveClass(/theme-dark/);
  await page.getByRole('switch', { name: 'Open at login' }).click();
  await page.getByRole('switch', { name: 'Sound' }).click();
  await expect(page.getByRole('slider', { name: 'Volume' })).toBeDisabled();
  await expect
    .poll(async () => (await engine.state()).settings)
    .toMatchObject({
      breakIntervalMin: 45,
      snoozeMin: 10,
      theme: 'dark',
      launchAtLogin: true,
      soundEnabled: false,
    });

  // Quit and relaunch: a new companion on the same folder, a fresh page.
  await engine.restart();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Break interval')).toHaveValue('45');
  await expect(page.getByLabel('Snooze length')).toHaveValue('10');
  await expect(page.getByRole('radio', { name: /Only during working hours/ })).toBeChecked();
  await expect(days.getByRole('button', { name: 'Sat' })).toHaveAttribute('aria-pressed', 'true');
  await expect(days.getByRole('button', { name: 'Fri' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('08:30');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveClass(/theme-dark/);
  await expect(page.getByRole('switch', { name: 'Open at login' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('switch', { name: 'Sound' })).toHaveAttribute('aria-checked', 'false');

  // The dashboard uses the new interval (Tuesday 09:00 is inside the new working hours).
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 45 min' })).toBeVisible();
  await app.advance(45 * MIN);
  await expect(page.getByRole('heading', { level: 2, name: 'Time to move' })).toBeVisible();
});

test('the volume slider; equal start and end times are refused in the page', async ({ app, engine }) => {
  const { page } = app;
  await app.open('settings');
  const volume = page.getByRole('slider', { name: 'Volume' });
  await volume.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('output')).toHaveText('70%');
  // The slider sends after a short pause.
  await expect.poll(async () => (await engine.state()).settings.soundVolume).toBeCloseTo(0.7);

  // Working hours with equal start and end: refused in the page, never sent.
  await page.getByRole('radio', { name: /Only during working hours/ }).check();
  await page.getByLabel('To', { exact: true }).fill('09:00');
  await expect(page.getByText(/Working hours must start and end at different times/)).toBeVisible();
  expect((await engine.state()).settings.workingHours?.end).toBe('17:30');
});
