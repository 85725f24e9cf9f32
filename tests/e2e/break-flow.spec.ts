import { MIN, expect, test } from './fixtures';
import { feelingQuestion, playRoutineToEnd } from './routine-helpers';

test('a break comes due, is snoozed, comes due again and is taken', async ({ app, engine }) => {
  const { page } = app;
  await app.open('prompt');
  await expect(page.getByRole('heading', { name: 'No break right now' })).toBeVisible();

  // 30 minutes of sitting: the engine says the break is due; the prompt asks.
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  await expect(page.getByText("You've been sitting for 30 min.", { exact: false })).toBeVisible();
  await expect(page.getByText('3 snoozes left for this break')).toBeVisible();

  await page.getByRole('button', { name: /Snooze 5 min/ }).click();
  await expect(page.getByRole('heading', { name: 'Snoozed' })).toBeVisible();
  expect((await engine.state()).phase).toBe('sitting');

  // Five minutes later it is due again, with one snooze fewer.
  await app.advance(4 * MIN);
  await expect(page.getByRole('heading', { name: 'Snoozed' })).toBeVisible();
  await app.advance(1 * MIN);
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
  await expect(page.getByText('2 snoozes left for this break')).toBeVisible();

  // Taken: the player plays exactly the steps the engine chose, then asks how the back feels.
  await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
  await expect.poll(async () => (await engine.state()).phase).toBe('routine');
  const routine = (await engine.state()).routine;
  expect(routine).not.toBeNull();
  await expect(page.getByRole('heading', { level: 1, name: routine!.steps[0]!.name })).toBeVisible();
  expect(await playRoutineToEnd(app)).toEqual(routine!.steps.map((s) => s.name));
  await page.getByRole('button', { name: 'Better' }).click();
  await expect(page.getByRole('heading', { name: 'Nice work' })).toBeVisible();
  await expect(page.getByText(/Next break around/)).toBeVisible();

  const state = await engine.state();
  expect(state.phase).toBe('sitting');
  const day = await engine.call('getDay');
  expect(day.breaks).toHaveLength(1);
  expect(day.breaks[0]).toMatchObject({ outcome: 'taken', snoozes: 1, feeling: 'better' });

  // The dashboard counts it.
  await app.open('dashboard');
  const stat = (label: string) =>
    page.locator('.stat', { has: page.locator('dt', { hasText: label }) }).locator('.stat-value');
  await expect(stat('Taken')).toHaveText('1');
  await expect(stat('Snoozed')).toHaveText('1');
  await expect(stat('Skipped')).toHaveText('0');
  await expect(page.getByRole('list', { name: 'Sitting stretches today' }).getByRole('listitem')).toHaveCount(2);
});

test('the prompt works from the keyboard alone: S snoozes, Esc skips, Enter starts', async ({ app, engine }) => {
  const { page } = app;
  await app.open('prompt');
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toBeFocused();

  await page.keyboard.press('s');
  // The pressed button is gone: focus lands on what happened.
  await expect(page.getByRole('heading', { name: 'Snoozed' })).toBeFocused();
  await app.advance(5 * MIN);
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /Skipped/ })).toBeVisible();
  expect((await engine.call('getDay')).breaks[0]).toMatchObject({ outcome: 'skipped', snoozes: 1 });

  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { name: 'Time to move' })).toBeVisible();
  // Tab moves through Start, Snooze, Skip in order, each with a visible focus ring.
  const start = page.getByRole('button', { name: /Start the 60-second routine/ });
  await expect(start).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Snooze/ })).toBeFocused();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const { routine } = await engine.state();
  expect(routine).not.toBeNull();

  // The player from the keyboard too: Space pauses and resumes, → moves to the next step.
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'false');
  for (const step of routine!.steps) {
    await expect(page.getByRole('heading', { level: 1, name: step.name })).toBeVisible();
    await page.keyboard.press('ArrowRight');
  }
  await expect(feelingQuestion(app)).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'About the same' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Nice work' })).toBeFocused();
  expect((await engine.state()).phase).toBe('sitting');
});
