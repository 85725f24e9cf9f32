import { CORE_AREAS, OPTIONAL_AREAS } from '../../shared/checklist';
import { MIN, START, describeViolations, expect, importHistory, test, type App } from './fixtures';
import { THEMES, VARIANTS } from './matrix';
import { playMorning } from './scenarios';

/**
 * Every screen in each scheme × width variant (matrix.ts: light at 360 px and dark at 1280 px,
 * or all four with MOVESNACK_E2E_FULL_MATRIX=1): axe-core finds nothing, and a screenshot goes
 * to tests/e2e/screenshots/<screen>-<theme>-<width>.png to look at.
 */
test.use({ seedFiles: { 'settings.json': '{ "settings": { "breakIntervalMin": 30, ' } });

for (const { theme, size, suffix } of VARIANTS) {
  test(`every screen passes axe and is captured: ${theme}, ${size.name}`, async ({ app, engine, page }) => {
    test.slow();
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
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

    // The back check on the prompt, and "Choose another routine".
    await page.getByRole('group', { name: 'My back is' }).getByRole('button', { name: 'Stiff' }).click();
    await expect(page.getByText(/Noted: stiff/)).toBeVisible();
    await check('prompt-back-noted');
    await page.getByRole('button', { name: 'Choose another routine' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a routine' })).toBeVisible();
    await check('prompt-choose');
    await page.getByRole('button', { name: 'Back', exact: true }).click();

    // The routine player mid-step, paused, and the question after it.
    await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await app.advance(2000);
    await page.clock.runFor(250);
    await check('routine');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await check('routine-paused');
    const { routine } = await engine.state();
    for (let i = 0; i < routine!.steps.length; i++) await page.keyboard.press('ArrowRight');
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
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    expect(await app.axe()).toEqual([]);
    const fits = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(fits.scrollWidth).toBeLessThanOrEqual(480);
    expect(fits.scrollHeight).toBeLessThanOrEqual(640);
    await app.screenshot(`routine-window-${theme}`);
  });

  test(`the held-back prompt fits its 440×360 window too: ${theme}`, async ({ app, engine, page }) => {
    await engine.dispatch({
      type: 'profile/save',
      profile: { redFlags: { answeredAt: START.toISOString(), present: ['fever'], clearedAt: null } },
    });
    await page.setViewportSize({ width: 440, height: 360 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await app.open('prompt');
    await app.advance(30 * MIN);
    await expect(page.getByRole('note')).toContainText('Movement routines are switched off');
    await app.screenshot(`prompt-window-held-${theme}`);
    const { scrollHeight, scrollWidth } = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(440);
    expect(scrollHeight).toBeLessThanOrEqual(360);
    expect(await app.axe()).toEqual([]);
  });
}

/** The guided flows and the new screens in each variant of matrix.ts: axe finds nothing, and a screenshot each. */
const screensFor = (app: App, suffix: string) => async (screen: string) => {
  const violations = await app.axe();
  expect(violations, `axe on ${screen} (${suffix}):\n${describeViolations(violations)}`).toEqual([]);
  await app.screenshot(`${screen}-${suffix}`);
};

test.describe('guided flows', () => {
  test.use({ seedFiles: {} });

  for (const { theme, size, suffix } of VARIANTS) {
    test.describe(() => {
      test.use({ newUser: true });
      test(`first run, held back and cleared: ${suffix}`, async ({ app, page }) => {
        test.slow();
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
        const check = screensFor(app, suffix);
        await app.open('dashboard');
        await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Movesnack' })).toBeVisible();
        await check('first-run-welcome');
        await page.getByRole('button', { name: 'Get started' }).click();
        await page.getByRole('button', { name: 'Continue' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await check('first-run-safety-missing');
        await page.getByRole('group', { name: 'How old are you?' }).getByRole('radio', { name: '20 to 49' }).check();
        await page
          .getByRole('group', { name: 'When did this bout of back pain start?' })
          .getByRole('radio', { name: 'More than six weeks ago' })
          .check();
        await page.getByRole('checkbox', { name: /A fever/ }).check();
        await check('first-run-safety');
        await page.getByRole('button', { name: 'Continue' }).click();
        // A fever: see a doctor today (shared/red-flags.ts gives each sign its urgency).
        await expect(page.getByRole('heading', { level: 1, name: 'Please see a doctor today' })).toBeVisible();
        await check('first-run-held');
        await page.getByRole('button', { name: 'Continue setting up' }).click();
        await page.getByRole('radio', { name: /Only during my working hours/ }).check();
        await check('first-run-about');
        await page.getByRole('button', { name: 'Save and finish' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'You’re all set' })).toBeVisible();
        await check('first-run-done');
        await page.getByRole('button', { name: 'Go to today' }).click();
        await expect(page.getByRole('note')).toBeVisible();
        await check('dashboard-held');
        await app.advance(30 * MIN);
        await expect(page.getByRole('heading', { level: 2, name: 'Time to move' })).toBeVisible();
        await check('dashboard-held-due');
        await app.open('prompt');
        await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
        await check('prompt-held');
        await app.open('settings');
        await page.getByRole('button', { name: 'I’ve been checked and cleared' }).click();
        await expect(page.getByText(/Please confirm: a doctor or physiotherapist/)).toBeVisible();
        await check('settings-held-confirm');
        await page.getByRole('button', { name: 'Yes, turn routines on' }).click();
        await expect(page.getByText(/you confirmed that a clinician checked/)).toBeVisible();
        await check('settings-cleared');
      });
    });

    test(`workstation check and Settings backups: ${suffix}`, async ({ app, page }) => {
      test.slow();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      const check = screensFor(app, suffix);
      await app.open('setup');
      await expect(page.getByRole('heading', { level: 1, name: 'Check your workstation' })).toBeVisible();
      await check('setup-start');
      await page.getByLabel('Height in centimetres').fill('172');
      await page.getByRole('checkbox', { name: 'My standing desk' }).check();
      await page.getByRole('button', { name: 'Start the check' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Screen' })).toBeVisible();
      const groups = page.locator('fieldset.sw-item');
      await groups.nth(0).getByRole('radio', { name: 'No', exact: true }).check();
      await groups.nth(1).getByRole('radio', { name: 'Yes', exact: true }).check();
      await groups.nth(2).getByRole('radio', { name: 'Not sure', exact: true }).check();
      await check('setup-area');
      // The other areas: the first question "no" each time, to fill the result page.
      const areas = [...CORE_AREAS, ...OPTIONAL_AREAS.filter((a) => a.id === 'standing-desk')];
      for (const area of areas.slice(1)) {
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: area.title })).toBeVisible();
        await page
          .getByRole('group', { name: area.items[0]!.question })
          .getByRole('radio', { name: 'No', exact: true })
          .check();
      }
      await page.getByRole('button', { name: 'See my results' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Your workstation results' })).toBeVisible();
      await check('setup-result');
      await page.emulateMedia({ media: 'print' });
      await app.screenshot(`setup-print-${suffix}`);
      await page.emulateMedia({ media: 'screen' });

      // Settings with the routine choice, the back answers and the backups.
      await app.advance(24 * 60 * MIN);
      await app.open('settings');
      await expect(page.getByRole('heading', { level: 2, name: 'Backups' })).toBeVisible();
      const restore = page.getByRole('button', { name: /Restore the backup from/ }).first();
      await expect(restore).toBeVisible();
      await check('settings-full');
      await restore.click();
      await expect(page.getByText(/records? added back/)).toBeVisible();
      await check('settings-backup-restored');
    });

    test(`progress, report and check-in: ${suffix}`, async ({ app, page }) => {
      test.slow();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      const check = screensFor(app, suffix);
      await app.open('progress');
      await expect(page.locator('.ms-headline')).toContainText('Not enough recorded');
      await check('progress-thin');

      await importHistory(app.engine, 8);
      await page.reload();
      await expect(page.locator('figure.ms-chart canvas')).toHaveCount(4);
      await check('progress');
      await page.getByRole('button', { name: 'Report for your physical therapist' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check('progress-report');
      await page.getByRole('button', { name: 'Close' }).click();

      await app.open('checkin');
      await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeVisible();
      await check('checkin');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expect(page.getByText(/answers need a look/)).toBeVisible();
      await check('checkin-invalid');
    });
  }
});
