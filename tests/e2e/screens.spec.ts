import { MIN, describeViolations, expect, test, type App } from './fixtures';
import { playMorning } from './scenarios';

/**
 * Every screen, light and dark, narrow (360 px) and wide (1280 px): axe-core finds nothing,
 * and a screenshot goes to tests/e2e/screenshots/<screen>-<theme>-<width>.png to look at.
 */
const THEMES = ['light', 'dark'] as const;
const SIZES = [
  { name: 'narrow', width: 360, height: 720 },
  { name: 'wide', width: 1280, height: 860 },
] as const;

test.use({ seedFiles: { 'settings.json': '{ "settings": { "breakIntervalMin": 30, ' } });

for (const theme of THEMES) {
  for (const size of SIZES) {
    test(`every screen passes axe and is captured: ${theme}, ${size.name}`, async ({ app, engine, page }) => {
      test.slow();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      const suffix = `${theme}-${size.name}`;
      const check = async (screen: string) => {
        const violations = await app.axe();
        expect(violations, `axe on ${screen} (${suffix}):\n${describeViolations(violations)}`).toEqual([]);
        await app.screenshot(`${screen}-${suffix}`);
      };

      await engine.dispatch({
        type: 'settings/update',
        settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' } },
      });
      await playMorning(app);

      // Dashboard, with the engine's warning about the damaged settings file.
      await app.open('dashboard');
      await expect(page.getByRole('region', { name: 'Messages from Movesnack' })).toContainText('could not be read');
      await expect(page.getByRole('heading', { level: 2, name: /Next break in 1[67] min/ })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Sitting stretches today' }).getByRole('listitem')).toHaveCount(3);
      await check('dashboard');
      await page.getByRole('button', { name: 'Dismiss this message' }).click();
      await expect(page.getByRole('region', { name: 'Messages from Movesnack' })).toHaveCount(0);

      // The pause menu, open.
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(page.getByRole('button', { name: /Until tomorrow/ })).toBeVisible();
      await check('dashboard-pause-menu');
      await page.keyboard.press('Escape');

      // Settings.
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await check('settings');
      const interval = page.getByLabel('Break interval');
      await interval.fill('5');
      await interval.press('Enter');
      await expect(page.getByText('Break interval must be between 10 and 120')).toBeVisible();
      await check('settings-invalid');
      await interval.fill('30');
      await interval.press('Enter');
      await expect(page.getByText('Break interval must be between 10 and 120')).toHaveCount(0);

      // A break comes due: the dashboard and the prompt window.
      await app.advance(17 * MIN);
      await page.getByRole('link', { name: 'Today', exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Time to move' })).toBeVisible();
      await check('dashboard-due');
      await app.open('prompt');
      await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
      await check('prompt');

      // Snoozes used up.
      for (let i = 0; i < 3; i++) {
        await page.getByRole('button', { name: /Snooze/ }).click();
        await expect(page.getByRole('heading', { name: 'Snoozed' })).toBeVisible();
        await app.advance(5 * MIN);
        await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
      }
      await expect(page.getByRole('button', { name: /Snooze/ })).toBeDisabled();
      await check('prompt-no-snoozes');

      // The routine (the list, until the player comes) and the question after it.
      await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
      await expect(page.getByRole('button', { name: 'Done' })).toBeVisible();
      await check('routine');
      await app.advance(MIN);
      await page.getByRole('button', { name: 'Done' }).click();
      await expect(page.getByRole('heading', { name: 'How does your back feel now?' })).toBeVisible();
      await check('routine-feeling');
      await page.getByRole('button', { name: 'Worse' }).click();
      await expect(page.getByRole('heading', { name: 'Thanks for telling me' })).toBeVisible();
      await check('routine-after');

      // Paused, then outside working hours.
      await app.open('dashboard');
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: /For 2 hours/ }).click();
      await expect(page.getByRole('heading', { level: 2, name: /Paused until/ })).toBeVisible();
      await check('dashboard-paused');
      await pastWorkingHours(app);
      await expect(page.getByRole('heading', { level: 2, name: 'Outside your working hours' })).toBeVisible();
      await check('dashboard-off-hours');
    });
  }
}

async function pastWorkingHours(app: App) {
  const now = await app.engine.now();
  const end = new Date(now);
  end.setHours(17, 31, 0, 0);
  await app.advance(end.getTime() - now);
}

/** The shell's break window is 440×360 (480×640 while a routine plays): the prompt must fit without scrolling. */
for (const theme of THEMES) {
  test(`the break prompt fits its 440×360 window: ${theme}`, async ({ app, page }) => {
    await page.setViewportSize({ width: 440, height: 360 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await app.open('prompt');
    await app.advance(30 * MIN);
    await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
    const { scrollHeight, scrollWidth } = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(440);
    expect(scrollHeight).toBeLessThanOrEqual(360);
    expect(await app.axe()).toEqual([]);
    await app.screenshot(`prompt-window-${theme}`);

    await page.setViewportSize({ width: 480, height: 640 });
    await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
    await expect(page.getByRole('button', { name: 'Done' })).toBeVisible();
    expect(await app.axe()).toEqual([]);
    await app.screenshot(`routine-window-${theme}`);
  });
}
