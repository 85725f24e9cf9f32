import { MIN, expect, test } from './fixtures';

test('pause and resume from the dashboard', async ({ app, engine }) => {
  const { page } = app;
  await app.open('dashboard');
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 30 min' })).toBeVisible();

  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: /For 1 hour/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Paused until 10:00 AM' })).toBeVisible();
  const paused = await engine.state();
  expect(paused.phase).toBe('paused');
  expect(Date.parse(paused.pausedUntil!)).toBe(new Date(2026, 10, 24, 10, 0).getTime());

  // No prompt while paused, however long the user sits.
  await app.advance(40 * MIN);
  expect((await engine.state()).phase).toBe('paused');

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 30 min' })).toBeVisible();
  expect((await engine.state()).phase).toBe('sitting');

  // A pause that runs out on its own.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: /For 30 minutes/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Paused until/ })).toBeVisible();
  await app.advance(30 * MIN);
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 30 min' })).toBeVisible();
});

test('take a break now from the dashboard, and end it early', async ({ app, engine }) => {
  const { page } = app;
  await app.open('dashboard');
  await app.advance(12 * MIN);
  await page.getByRole('button', { name: 'Take a break now' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Break in progress' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the routine' }).click();
  await expect(page.getByRole('button', { name: 'End early' })).toBeVisible();
  await app.advance(20_000);
  await page.getByRole('button', { name: 'End early' }).click();
  await expect(page.getByRole('heading', { name: 'That still counts' })).toBeVisible();
  // The player says so at once; the page's request reaches the engine over loopback.
  await expect.poll(async () => (await engine.state()).phase).toBe('sitting');
  const day = await engine.call('getDay');
  expect(day.breaks).toHaveLength(1);
  expect(day.breaks[0]).toMatchObject({ outcome: 'taken' });
  await page.getByRole('link', { name: 'Back to today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Next break in 30 min' })).toBeVisible();
});

test('an action the engine refuses is explained next to the button', async ({ app, engine }) => {
  const { page } = app;
  await app.open('dashboard');
  const takeBreak = page.getByRole('button', { name: 'Take a break now' });
  await expect(takeBreak).toBeVisible();

  // The tray pauses Movesnack while this window has not heard about it yet.
  app.holdEvents();
  await engine.dispatch({ type: 'pause', until: new Date(2026, 10, 24, 12, 0).toISOString() });
  await takeBreak.click();
  // The engine's own words, shown where the button was pressed.
  await expect(page.getByRole('alert')).toHaveText(/Cannot start a break right now: Movesnack is paused/);
  expect((await engine.state()).phase).toBe('paused');

  // The state event arrives: the dashboard catches up and offers Resume.
  await app.releaseEvents();
  await expect(page.getByRole('heading', { level: 2, name: 'Paused until 12:00 PM' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
});
