import { MIN, RETURNING_USER, describeViolations, expect, test } from './fixtures';
import { playRoutineToEnd } from './routine-helpers';
import { VARIANTS } from './matrix';

test.use({ newUser: true });

/** The two questions every safety answer needs: the age group and when this back pain started. */
async function answerAge(page: import('@playwright/test').Page, age = '20 to 49', pain = 'More than six weeks ago') {
  await page.getByRole('group', { name: 'How old are you?' }).getByRole('radio', { name: age }).check();
  await page
    .getByRole('group', { name: 'When did this bout of back pain start?' })
    .getByRole('radio', { name: pain })
    .check();
}

test('first run without a warning sign: answers saved, routines available', async ({ app, engine }) => {
  const { page } = app;
  // A new user opening the main window is sent to the first run.
  await app.open('dashboard');
  await expect(page).toHaveURL(/#\/first-run$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Movesnack' })).toBeVisible();
  await expect(page.getByText(/is not medical advice/)).toBeVisible();
  await page.getByRole('button', { name: 'Get started' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /quick safety check/ })).toBeFocused();
  // Nothing answered is not an answer.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('age group');
  await answerAge(page);
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
  expect(profile.redFlags).toMatchObject({ present: [], clearedAt: null, ageBand: '20-49', newPain: false });
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
  await answerAge(page);
  await page.getByRole('checkbox', { name: /A fever/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // The hold notice: a doctor today; nothing is diagnosed.
  await expect(page.getByRole('heading', { level: 1, name: 'Please see a doctor today' })).toBeFocused();
  await expect(page.getByRole('list', { name: /See a doctor today: what you told us/ })).toHaveText(
    'A fever, or feeling generally unwell',
  );
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
  // A plain walk is always possible.
  await expect(page.getByRole('button', { name: 'Walk about for a minute' })).toBeVisible();
  // The engine refuses a guided routine itself, whichever window asks.
  const refused = await engine.invoke('dispatch', [{ type: 'break/start' }]);
  expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/held back by the safety check/) });

  // The break still comes due: the prompt has the notice, the plain walk, Snooze and Skip.
  await app.open('prompt');
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(/^Movement routines are switched off/);
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Walk about for a minute/ })).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { name: 'Snoozed' })).toBeVisible();
  await app.advance(5 * MIN);
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByRole('heading', { name: /Skipped/ })).toBeVisible();
  expect((await engine.call('getDay')).breaks).toEqual([expect.objectContaining({ outcome: 'skipped', snoozes: 1 })]);

  // Settings: "I've been checked and cleared", confirmed.
  await app.open('settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Please see a doctor today' })).toBeVisible();
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

test('a warning sign reported in another window reaches the open prompt at once, and the engine refuses anyway', async ({
  app,
  engine,
}) => {
  const { page } = app;
  const clean = {
    answeredAt: new Date().toISOString(),
    present: [],
    clearedAt: null,
    ageBand: '20-49',
    newPain: false,
  };
  await engine.dispatch({ type: 'profile/save', profile: { firstRunDone: true, redFlags: clean } });
  await app.open('prompt');
  await app.advance(30 * MIN);
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toBeVisible();
  // Meanwhile, in the main window, the user reports a warning sign.
  await engine.dispatch({
    type: 'profile/save',
    profile: { redFlags: { answeredAt: new Date().toISOString(), present: ['fever'], clearedAt: null } },
  });
  // The answers ride in the state event: the prompt stops offering the routine without a reload.
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Walk about for a minute' })).toBeVisible();
  // A window that had not heard would still be refused by the engine, with the safety check named.
  await expect(engine.dispatch({ type: 'break/start' })).rejects.toThrow(/safety check/);
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
  // A radio group is one Tab stop; Space picks the focused choice.
  await tabTo(page, 'Under 20');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '20 to 49' })).toBeChecked();
  await tabTo(page, 'In the last six weeks');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'More than six weeks ago' })).toBeChecked();
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

test('first run with an emergency answer: "get emergency help now" at once, routines held, the plain walk still there', async ({
  app,
  engine,
}) => {
  const { page } = app;
  await app.open('dashboard');
  await page.getByRole('button', { name: 'Get started' }).click();
  await answerAge(page, '50 to 69', 'In the last six weeks');
  await page.getByRole('checkbox', { name: /Numbness in the “saddle” area/ }).check();
  // Said straight away, before anything is saved.
  await expect(page.getByRole('alert')).toHaveText(/^Get emergency help now\. Go to an emergency department now/);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Please get emergency help now' })).toBeFocused();
  const now = page.getByRole('list', { name: /Get emergency help now: what you told us/ });
  await expect(now).toHaveText('Numbness in the “saddle” area');
  // New back pain at 50–69 is a sign too, at its own (lower) urgency.
  await expect(page.getByRole('list', { name: /Book an appointment with your doctor: what you told us/ })).toHaveText(
    'New back pain under 20 or from 50 on',
  );
  await expect(page.locator('[data-urgency="emergency"]')).not.toContainText('today');
  expect((await engine.call('getProfile')).redFlags).toMatchObject({
    present: ['saddle-numbness', 'age-new-pain'],
    clearedAt: null,
    ageBand: '50-69',
    newPain: true,
  });
  // The engine holds guided routines, and still allows the plain walking break.
  expect(await engine.invoke('dispatch', [{ type: 'break/start' }])).toMatchObject({ ok: false });
  await page.getByRole('button', { name: 'Continue setting up' }).click();
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await page.getByRole('button', { name: 'Go to today' }).click();
  await app.open('prompt');
  await app.advance(30 * MIN);
  await page.getByRole('button', { name: /Walk about for a minute/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stand up and walk about' })).toBeVisible();
  expect((await engine.state()).routine?.id).toBe('plain-break');
});

test('a never-screened user: the prompt offers the plain walk and the safety check, never a guided routine', async ({
  app,
  engine,
}) => {
  const { page } = app;
  // Closed the first run without answering.
  await engine.dispatch({ type: 'profile/save', profile: { firstRunDone: true } });
  await app.open('prompt');
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  const note = page.getByRole('note');
  await expect(note).toContainText('Guided routines start once you have answered the 30-second safety check.');
  await expect(note.getByRole('link', { name: 'Take the safety check' })).toHaveAttribute(
    'href',
    '#/first-run?step=safety',
  );
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Choose another routine' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Stand up and walk about' })).toBeVisible();
  expect((await engine.state()).routine?.id).toBe('plain-break');
  expect(await playRoutineToEnd(app)).toEqual(['Stand up and walk about']);
  await page.getByRole('button', { name: 'About the same' }).click();
  await expect(page.getByRole('heading', { name: 'Nice work' })).toBeVisible();
  expect((await engine.call('getDay')).breaks).toEqual([
    expect.objectContaining({ outcome: 'taken', routineId: 'plain-break' }),
  ]);

  // The link goes straight to the check; answering it turns routines on.
  await page.goto(page.url().replace(/#.*$/, '#/first-run?step=safety'));
  await expect(page.getByRole('heading', { level: 1, name: /quick safety check/ })).toBeVisible();
  await answerAge(page);
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You’re all set' })).toBeVisible();
  expect(await engine.invoke('dispatch', [{ type: 'break/start' }])).toMatchObject({ ok: true });
});

/*
 * Issue 10's screens in each scheme × width variant of matrix.ts: axe finds nothing, and a
 * screenshot goes to tests/e2e/screenshots/issue10-<screen>-<theme>-<width>.png to look at.
 */
for (const { theme, size } of VARIANTS) {
  test(`issue 10 screens pass axe and are captured: ${theme}, ${size.name}`, async ({ app, engine, page }) => {
    test.slow();
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const check = async (screen: string) => {
      const violations = await app.axe();
      expect(violations, `axe on ${screen}:\n${describeViolations(violations)}`).toEqual([]);
      await app.screenshot(`issue10-${screen}-${theme}-${size.name}`);
    };

    // The first run: the questions, then an emergency answer.
    await app.open('dashboard');
    await page.getByRole('button', { name: 'Get started' }).click();
    await answerAge(page, '50 to 69', 'In the last six weeks');
    await page.getByRole('checkbox', { name: /saddle/ }).check();
    await page.getByRole('checkbox', { name: /A fever/ }).check();
    await expect(page.getByRole('alert')).toBeVisible();
    await check('safety-questions-emergency');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Please get emergency help now' })).toBeVisible();
    await check('held-emergency');

    // A never-screened user's prompt.
    await engine.dispatch({ type: 'profile/save', profile: { firstRunDone: true, redFlags: null } });
    await app.open('prompt');
    await app.advance(30 * MIN);
    await expect(page.getByRole('link', { name: 'Take the safety check' })).toBeVisible();
    await check('prompt-unscreened');

    // Screened: a routine that felt worse, and the which-step question.
    await engine.dispatch({ type: 'break/skip' });
    await engine.dispatch({ type: 'profile/save', profile: RETURNING_USER });
    await engine.dispatch({ type: 'settings/update', settings: { routineId: 'classic-snack' } });
    await app.open('prompt');
    await app.advance(30 * MIN);
    await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
    await playRoutineToEnd(app);
    await page.getByRole('button', { name: 'Worse' }).click();
    await expect(page.getByRole('group', { name: 'Which step felt worse?' })).toBeVisible();
    await check('which-step');

    // The workstation result with the new targets.
    await app.open('setup');
    await page.getByLabel('Height in centimetres').fill('172');
    await page.getByRole('button', { name: 'Start the check' }).click();
    const no = page.getByRole('group', { name: /top edge of your screen/ });
    await no.getByRole('radio', { name: 'No', exact: true }).check();
    await expect(no.getByText(/15–20° to its middle/)).toBeVisible();
    await check('setup-screen-fix');
    for (let i = 0; i < 20; i++) {
      const results = page.getByRole('button', { name: 'See my results' });
      if (await results.isVisible()) {
        await results.click();
        break;
      }
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Your workstation results' })).toBeVisible();
    await check('setup-result');
  });
}
