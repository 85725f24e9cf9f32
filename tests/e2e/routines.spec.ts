import { exerciseById, routineById } from '../../shared/routines';
import { MIN, describeViolations, expect, test } from './fixtures';
import { playRoutineToEnd } from './routine-helpers';

const classic = routineById('classic-snack')!;
const classicNames = classic.steps.map((s) => exerciseById(s.exerciseId)!.name);
const gentlerIds = classic.steps.map((s) => exerciseById(s.exerciseId)!.gentlerId!);
const gentlerNames = gentlerIds.map((id) => exerciseById(id)!.name);

test('a step rated worse twice comes back gentler, with a one-time note about leg pain', async ({ app, engine }) => {
  test.slow();
  const { page } = app;
  const messages = page.getByRole('region', { name: 'Messages from Movesnack' });

  // 1. A break comes due; the user picks the classic snack from "Choose another routine".
  await app.open('prompt');
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  await page.getByRole('button', { name: 'Choose another routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a routine' })).toBeFocused();
  // No leg symptoms in this profile: nerve glides are not among the choices.
  await expect(page.getByRole('button', { name: /Gentle nerve glides/ })).toHaveCount(0);
  await page.getByRole('button', { name: new RegExp(classic.name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: classicNames[0] })).toBeVisible();
  expect((await engine.state()).routine?.id).toBe('classic-snack');
  expect(await playRoutineToEnd(app)).toEqual(classicNames);
  await page.getByRole('button', { name: 'Worse' }).click();
  await expect(page.getByRole('heading', { name: 'Thanks for telling me' })).toBeVisible();
  await expect(messages).toHaveCount(0);

  // 2. The same routine every time, chosen in Settings; worse again.
  await app.open('settings');
  await page.getByLabel('Routine', { exact: true }).selectOption({ label: classic.name });
  await expect.poll(async () => (await engine.state()).settings.routineId).toBe('classic-snack');
  await app.open('prompt');
  await app.advance(30 * MIN);
  await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: classicNames[0] })).toBeVisible();
  expect(await playRoutineToEnd(app)).toEqual(classicNames);
  await page.getByRole('button', { name: 'Worse' }).click();
  await expect(page.getByRole('heading', { name: 'Thanks for telling me' })).toBeVisible();
  // The engine's one-time note arrives as a warning and is shown in this window, once.
  await expect(messages).toContainText('felt worse twice');
  await expect(messages).toContainText('If any move sends pain down your leg, stop it');
  await expect(page.getByText(/pain down your leg/)).toHaveCount(1);

  // 3. Next time the steps are the gentler alternatives from the catalogue.
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  await page.getByRole('button', { name: /Start the 60-second routine/ }).click();
  const third = (await engine.state()).routine!;
  expect(third.steps.map((s) => s.id)).toEqual(gentlerIds);
  expect(third.steps.map((s) => s.swappedFrom)).toEqual(classic.steps.map((s) => s.exerciseId));
  await expect(page.getByRole('heading', { level: 1, name: gentlerNames[0] })).toBeVisible();
  await expect(page.getByText(`A gentler version of “${classicNames[0]}”`)).toBeVisible();
  const shown = await playRoutineToEnd(app);
  expect(shown).toEqual(gentlerNames);
  for (const name of shown) expect(classicNames).not.toContain(name);
  await page.getByRole('button', { name: 'Worse' }).click();
  await expect(page.getByRole('heading', { name: 'Thanks for telling me' })).toBeVisible();

  // Told once: the engine has one such warning, whatever happens next.
  const { warnings } = await engine.state();
  expect(warnings.filter((w) => w.includes('down your leg'))).toHaveLength(1);
  const day = await engine.call('getDay');
  expect(day.breaks.map((b) => [b.outcome, b.routineId, b.feeling, b.seconds])).toEqual([
    ['taken', 'classic-snack', 'worse', 60],
    ['taken', 'classic-snack', 'worse', 60],
    ['taken', 'classic-snack', 'worse', 60],
  ]);
});

test('nerve glides are offered to a user with leg symptoms, never chosen for them', async ({ app, engine }) => {
  const { page } = app;
  await engine.dispatch({ type: 'profile/save', profile: { legSymptoms: true } });
  await app.open('prompt');
  await app.advance(30 * MIN);
  await page.getByRole('button', { name: 'Choose another routine' }).click();
  const glides = page.getByRole('button', { name: /Gentle nerve glides/ });
  await expect(glides).toContainText('For leg symptoms');
  expect(await app.axe(), describeViolations(await app.axe())).toEqual([]);
  // Esc goes back to the prompt (it does not skip the break here).
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Time to move' })).toBeVisible();
  expect((await engine.state()).phase).toBe('due');

  // Started with Enter, the routine is the engine's own pick: never the glides.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect((await engine.state()).routine?.id).not.toBe('nerve-glide');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'That still counts' })).toBeVisible();

  // Chosen, they play.
  await app.advance(30 * MIN);
  await page.getByRole('button', { name: 'Choose another routine' }).click();
  await glides.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Seated march' })).toBeVisible();
  expect((await engine.state()).routine?.id).toBe('nerve-glide');
});

test('the prompt asks how the back is: stiff and sore are reports, fine is only thanked', async ({ app, engine }) => {
  const { page } = app;
  await app.open('prompt');
  await app.advance(30 * MIN);
  const row = page.getByRole('group', { name: 'My back is' });
  await row.getByRole('button', { name: 'Fine' }).click();
  await expect(page.getByText('Good to hear.')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Fine' })).toHaveAttribute('aria-pressed', 'true');
  expect((await engine.call('getDay')).discomforts).toHaveLength(0);

  await row.getByRole('button', { name: 'Sore' }).click();
  await expect(page.getByText('Noted: sore.', { exact: false })).toBeVisible();
  await expect.poll(async () => (await engine.call('getDay')).discomforts.length).toBe(1);
  // Reporting is not answering the prompt: the break is still due.
  expect((await engine.state()).phase).toBe('due');
  await expect(page.getByRole('button', { name: /Start the 60-second routine/ })).toBeVisible();
  const day = await engine.call('getDay');
  expect(day.stretches.at(-1)?.discomfortAt).not.toBeNull();
});

test('the prompt extras work from the keyboard alone', async ({ app, engine }) => {
  const { page } = app;
  await app.open('prompt');
  await app.advance(30 * MIN);
  const start = page.getByRole('button', { name: /Start the 60-second routine/ });
  await expect(start).toBeFocused();
  // Start, Snooze, Skip, Choose another routine, then the back check.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Choose another routine' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Stiff' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Noted: stiff/)).toBeVisible();
  await expect.poll(async () => (await engine.call('getDay')).discomforts.length).toBe(1);

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Choose another routine' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a routine' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const second = page.locator('.chooser-item').nth(1);
  await expect(second).toBeFocused();
  const name = (await second.locator('.chooser-name').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const routine = (await engine.state()).routine!;
  expect(routineById(routine.id)!.name).toBe(name);
});
