import { MIN, expect, test } from './fixtures';

test.use({ newUser: true });

test('first run without a warning sign: answers saved, routines available', async ({ app, engine }) => {
  const { page } = app;
  // A new user opening the main window is sent to the first run.
  await app.open('dashboard');
  await expect(page).toHaveURL(/#\/first-run$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Movesnack' })).toBeVisible();
  await expect(page.getByText(/is not medical advice/)).toBeVisible();
  await page.getByRole('button', { name: 'Get started' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /quick safety check/ })).toBeFocused();
  // Nothing ticked is not an answer.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('None of these');
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'A little about you' })).toBeFocused();
  await page.getByRole('radio', { name: /Bending backwards/ }).check();
  await page
    .getByRole('group', { name: /travels down into a leg/ })
    .getByRole('radio', { name: 'No' })
    .check();
  await page
    .getByRole('group', { name: /stand up at your desk/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('radio', { name: /Only during my working hours/ }).check();
  await page.getByRole('radio', { name: '35 min' }).check();
  await page.getByRole('button', { name: 'Save and finish' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'You’re all set' })).toBeVisible();
  await expect(page.getByText('Movesnack will remind you to move')).toBeVisible();
  const profile = await engine.call('getProfile');
  expect(profile).toMatchObject({ firstRunDone: true, directionalPreference: 'extension', legSymptoms: false });
  expect(profile.redFlags).toMatchObject({ present: [], clearedAt: null });
  const { settings } = await engine.state();
  expect(settings.breakIntervalMin).toBe(35);
  expect(settings.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' });

  await page.getByRole('button', { name: 'Go to today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 35 min' })).toBeVisible();
  // The first run is over: opening the app again goes to the dashboard.
  await app.open('dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);

  // Routines are on: Start works.
  await page.getByRole('button', { name: 'Take a break now' }).click();
  await page.getByRole('link', { name: 'Open the routine' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect((await engine.state()).phase).toBe('routine');
});

test('first run with a warning sign: routines held until "I’ve been cleared"', async ({ app, engine }) => {
  const { page } = app;
  await app.open('dashboard');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('checkbox', { name: /A fever/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // The hold notice: get checked first; nothing is diagnosed.
  await expect(page.getByRole('heading', { level: 1, name: 'Please get checked before exercising' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'What you ticked' })).toHaveText('A fever');
  await expect(page.getByText(/it does not diagnose anything/)).toBeVisible();
  await page.getByRole('button', { name: 'Continue setting up' }).click();
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You’re all set' })).toBeVisible();
  await expect(page.getByText(/Guided routines stay off until you tell Movesnack/)).toBeVisible();
  expect((await engine.call('getProfile')).redFlags).toMatchObject({ present: ['fever'], clearedAt: null });
  await page.getByRole('button', { name: 'Go to today' }).click();

  // The dashboard says so plainly and offers no routine.
  const notice = page.getByRole('note');
  await expect(notice).toHaveText(/^Movement routines are switched off until you confirm/);
  await expect(page.getByRole('button', { name: 'Take a break now' })).toHaveCount(0);
  // The engine refuses break/start itself, whichever window asks.
  const refused = await engine.invoke('dispatch', [{ type: 'break/start' }]);
  expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Movement routines are switched off/) });

  // The break still comes due: the prompt has the notice, Snooze and Skip.
  await app.open('prompt');
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(/^Movement routines are switched off/);
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Snooze 5 min/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Snoozed' })).toBeVisible();
  await app.advance(5 * MIN);
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByRole('heading', { name: /Skipped/ })).toBeVisible();
  expect((await engine.call('getDay')).breaks).toEqual([expect.objectContaining({ outcome: 'skipped', snoozes: 1 })]);

  // Settings: "I've been checked and cleared", confirmed.
  await app.open('settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Please get checked before exercising' })).toBeVisible();
  await page.getByRole('button', { name: 'I’ve been checked and cleared' }).click();
  await expect(page.getByText(/Please confirm: a doctor or physiotherapist/)).toBeFocused();
  await page.getByRole('button', { name: 'Yes, turn routines on' }).click();
  await expect(page.getByText(/you confirmed that a clinician checked the signs you reported/)).toBeVisible();
  expect((await engine.call('getProfile')).redFlags?.clearedAt).not.toBeNull();

  // Routines are on again.
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByRole('note')).toHaveCount(0);
  await page.getByRole('button', { name: 'Take a break now' }).click();
  await expect(page.getByRole('link', { name: 'Open the routine' })).toBeVisible();
  expect((await engine.state()).phase).toBe('routine');
});

test('a window that has not heard of a new warning sign shows the engine’s refusal plainly', async ({
  app,
  engine,
}) => {
  const { page } = app;
  await engine.dispatch({ type: 'profile/save', profile: { firstRunDone: true } });
  await app.open('prompt');
  await app.advance(30 * MIN);
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toBeVisible();
  // Meanwhile, in the main window, the user reports a warning sign.
  await engine.dispatch({
    type: 'profile/save',
    profile: { redFlags: { answeredAt: new Date().toISOString(), present: ['fever'], clearedAt: null } },
  });
  await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Movement routines are switched off until you confirm/);
  expect((await engine.state()).phase).toBe('due');
  // Snooze and Skip still work.
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByRole('heading', { name: /Skipped/ })).toBeVisible();
});

/** Presses Tab until the focused control's text is `name` (keyboard only, no clicks). */
async function tabTo(page: import('@playwright/test').Page, name: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (el?.innerText || el?.getAttribute('aria-label') || el?.closest('label')?.innerText || '').trim();
    });
    if (text.startsWith(name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('the first run works from the keyboard alone', async ({ app, engine }) => {
  const { page } = app;
  await app.open('dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Movesnack' })).toBeVisible();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Movesnack' }).focus();
  await tabTo(page, 'Get started');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /quick safety check/ })).toBeFocused();
  await tabTo(page, 'None of these');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'None of these' })).toBeChecked();
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'A little about you' })).toBeFocused();
  // A radio group is one Tab stop (the chosen one); the arrow keys move the choice.
  await tabTo(page, 'Not sure, or neither');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: /Bending forwards/ })).toBeChecked();
  await tabTo(page, 'Save and finish');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'You’re all set' })).toBeFocused();
  expect(await engine.call('getProfile')).toMatchObject({ firstRunDone: true, directionalPreference: 'flexion' });
  await tabTo(page, 'Go to today');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeFocused();
});
