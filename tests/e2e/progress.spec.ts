import { compareWeeks, scoreText } from '../../shared/meaningful-change';
import type { WeeklySummary } from '../../shared/summary';
import { START, describeViolations, expect, importHistory, test, type App } from './fixtures';

const DAY = 24 * 60 * 60_000;
const WEEKS = 8;

/** Several weeks of plausible use, ending now, imported the way a user restores an export. */
const seedHistory = (app: App): Promise<number> => importHistory(app.engine, WEEKS, { checklists: true });

const summaryOf = (app: App, at: number) => app.engine.call('weeklySummary', new Date(at).toISOString());

/** The lines the week card must show: the shared wording over the engine's own numbers. */
async function expectWeekCard(app: App, week: WeeklySummary, before: WeeklySummary | null, current: boolean) {
  const card = app.page.getByRole('region', { name: current ? 'This week so far' : 'Last week' });
  const expected = compareWeeks(week, before, { current });
  await expect(card.locator('.ms-headline')).toHaveText(expected.headline);
  await expect(card.locator('.ms-line-text')).toHaveText(expected.lines.map((l) => l.text));
  return card;
}

test('Progress shows the engine’s weekly numbers and charts; a check-in saved in the page counts', async ({
  app,
  page,
}) => {
  test.slow();
  expect(await seedHistory(app)).toBeGreaterThan(100);
  const thisWeek = await summaryOf(app, START.getTime());
  const lastWeek = await summaryOf(app, START.getTime() - 7 * DAY);
  const weekBefore = await summaryOf(app, START.getTime() - 14 * DAY);
  expect(lastWeek.stretchCount).toBeGreaterThanOrEqual(3);
  expect(lastWeek.checkins.count).toBeGreaterThan(0);

  await app.open('dashboard');
  await page.getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeFocused();

  // This week (Monday's data) first, then last week: the same figures as weeklySummary().
  await expectWeekCard(app, thisWeek, lastWeek, true);
  await page.getByRole('button', { name: 'Earlier week' }).click();
  const card = await expectWeekCard(app, lastWeek, weekBefore, false);
  const t = lastWeek.tolerance;
  await expect(card).toContainText(
    t.medianMin !== null ? `about ${Math.round(t.medianMin)} minute` : `at least ${Math.round(t.atLeastMin!)} minute`,
  );
  await expect(card).toContainText(`(${Math.round(lastWeek.breaks.adherence! * 100)}%)`);
  await expect(card).toContainText(
    `${scoreText(lastWeek.checkins.painLow!)} to ${scoreText(lastWeek.checkins.painHigh!)} out of 10`,
  );

  // Four charts drawn (a canvas each), each with its sentence and its numbers.
  const charts = page.locator('figure.ms-chart');
  await expect(charts).toHaveCount(4);
  await expect(charts.locator('canvas')).toHaveCount(4);
  const sitting = charts.filter({ hasText: 'Comfortable sitting' });
  await sitting.getByText('Show the numbers').click();
  const lastWeekRow = sitting.getByRole('row').nth(-2);
  await expect(lastWeekRow).toContainText(
    t.medianMin !== null ? `about ${Math.round(t.medianMin)} min` : `at least ${Math.round(t.atLeastMin!)} min`,
  );
  await expect(lastWeekRow).toContainText(String(lastWeek.stretchCount));
  const violations = await app.axe();
  expect(violations, describeViolations(violations)).toEqual([]);

  // A check-in, from the link on the week card.
  await page.getByRole('link', { name: 'Add a check-in' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeFocused();
  const scale = (name: string | RegExp) => page.getByRole('radiogroup', { name });
  await scale('At its lowest').getByRole('radio', { name: '2', exact: true }).check();
  await scale('At its highest').getByRole('radio', { name: '5', exact: true }).check();
  await page.getByLabel('Morning stiffness').fill('10');
  await page.getByLabel('Walking today').fill('30');
  await page.getByLabel('A task you would like to feel sure about again').fill('lift the laundry basket');
  await scale(/How confident do you feel about this/)
    .getByRole('radio', { name: '6', exact: true })
    .check();
  await page.getByLabel(/A line of wins/).fill('Carried the shopping up the stairs');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Check-in saved, and your win with it.', { exact: false })).toBeVisible();

  // The engine's summary counts it, and Progress shows it with the win.
  const after = await summaryOf(app, START.getTime());
  expect(after.checkins.count).toBe(thisWeek.checkins.count + 1);
  expect(after.wins).toContain('Carried the shopping up the stairs');
  expect((await app.engine.call('getProfile')).confidenceTask).toBe('lift the laundry basket');
  await page.getByRole('link', { name: 'See your progress' }).click();
  const now = await expectWeekCard(app, after, lastWeek, true);
  await expect(now.getByRole('heading', { name: 'Wins you wrote down' })).toBeVisible();
  await expect(now.getByRole('listitem').filter({ hasText: 'Carried the shopping up the stairs' })).toBeVisible();
});

test('with too little data, Progress says so instead of drawing', async ({ app, page }) => {
  await app.open('progress');
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(page.locator('.ms-headline')).toHaveText(
    /^Not enough recorded (this|that) week to say how things are going yet\.$/,
  );
  const charts = page.locator('figure.ms-chart');
  await expect(charts).toHaveCount(4);
  await expect(charts.locator('canvas')).toHaveCount(0);
  await expect(charts.filter({ hasText: 'Comfortable sitting' })).toContainText(
    'Not enough sitting recorded yet to chart',
  );
  await expect(charts.filter({ hasText: 'Pain range' })).toContainText('Not enough check-ins yet to chart pain');
  const violations = await app.axe();
  expect(violations, describeViolations(violations)).toEqual([]);
});
