import { CORE_AREAS, OPTIONAL_AREAS, scoreChecklist } from '../../shared/checklist';
import { formatLength, formatLengthRange, workstationTargets } from '../../shared/ergonomics';
import type { Answer } from '../../shared/history';
import { MIN, describeViolations, expect, test } from './fixtures';

const AREAS = [...CORE_AREAS, ...OPTIONAL_AREAS];
const LABEL: Record<Answer, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };
/** In every area: the first question "no", the second "not sure", the rest "yes". */
const answerFor = (index: number): Answer => (index === 0 ? 'no' : index === 1 ? 'unsure' : 'yes');

test('the workstation check: every area, results with scores and heights, print view, saved', async ({
  app,
  engine,
  page,
}) => {
  test.slow();
  await app.open('dashboard');
  await page.getByRole('link', { name: 'Workstation' }).click();
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your workstation' })).toBeFocused();
  // The screen's name, after the time to the next break (the browser shell has no tray).
  await expect(page).toHaveTitle('Break in 30 min · Workstation check · Movesnack');

  // Height and every optional area.
  await page.getByLabel('Height in centimetres').fill('172');
  for (const name of ['My standing desk', 'My driving position', 'Where I keep heavy things'])
    await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: 'Start the check' }).click();

  const targets = workstationTargets(172, { standingDesk: true });
  const answers: Record<string, Answer> = {};
  for (const [areaIndex, area] of AREAS.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: area.title })).toBeFocused();
    await expect(page.getByText(`Area ${areaIndex + 1} of ${AREAS.length}`)).toBeVisible();
    for (const [i, item] of area.items.entries()) {
      const answer = answerFor(i);
      answers[item.id] = answer;
      const question = page.getByRole('group', { name: item.question });
      await question.getByRole('radio', { name: LABEL[answer], exact: true }).check();
      if (answer === 'no') await expect(question.getByText('How to fix it')).toBeVisible();
    }
    if (area.id === 'screen') {
      // A "no" on the screen height comes with the height worked out for this user.
      await expect(page.getByText(formatLengthRange(targets.seated.screenTop, 'metric')).first()).toBeVisible();
    }
    const last = areaIndex === AREAS.length - 1;
    await page.getByRole('button', { name: last ? 'See my results' : 'Next' }).click();
  }

  // The result page: overall and per-area scores as shared/checklist.ts computes them.
  const score = scoreChecklist(answers);
  await expect(page.getByRole('heading', { level: 1, name: 'Your workstation results' })).toBeFocused();
  await expect(page.getByText(/^Saved /)).toBeVisible();
  await expect(page.locator('.sw-overall-number')).toHaveText(`${score.overall}%`);
  const rows = page.getByRole('region', { name: 'By area' }).getByRole('listitem');
  await expect(rows).toHaveCount(AREAS.length);
  for (const area of score.areas) {
    const row = rows.filter({ has: page.locator('.sw-area-name', { hasText: new RegExp(`^${area.title}$`) }) });
    await expect(row.locator('.sw-area-score')).toContainText(`${area.percent}%`);
  }
  await expect(page.getByRole('region', { name: 'Fix these first' })).toContainText(AREAS[0]!.items[0]!.question);

  // Heights for 172 cm, sitting and standing.
  const sitting = page.getByRole('table', { name: 'Sitting' }).first();
  await expect(sitting.getByRole('row', { name: /Seat height/ })).toContainText(
    formatLength(targets.seated.seat, 'metric'),
  );
  await expect(sitting.getByRole('row', { name: /Desk or keyboard tray/ })).toContainText(
    formatLength(targets.seated.desk, 'metric'),
  );
  await expect(sitting.getByRole('row', { name: /Top of the screen/ })).toContainText(
    formatLengthRange(targets.seated.screenTop, 'metric'),
  );
  const standing = page.getByRole('table', { name: 'Standing' }).first();
  await expect(standing.getByRole('row', { name: /Desk height/ })).toContainText(
    formatLength(targets.standing!.desk, 'metric'),
  );
  const violations = await app.axe();
  expect(violations, describeViolations(violations)).toEqual([]);

  // Saved with checklist/save: the engine has exactly these answers.
  const checklists = await engine.call('getChecklists');
  expect(checklists).toHaveLength(1);
  expect(checklists[0]!.answers).toEqual(answers);

  // The print view: the one-page sheet alone, black on white.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sw-print-sheet')).toBeVisible();
  await expect(page.locator('.layout-app')).toBeHidden();
  await expect(page.locator('.sw-print-sheet')).toContainText(`Overall: ${score.overall}%`);
  await expect(page.locator('.sw-print-sheet')).toContainText(formatLength(targets.seated.seat, 'metric'));
  await app.screenshot('setup-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.sw-print-sheet')).toBeHidden();

  // A minute later, "I moved desks" is remembered; Done goes back to today.
  await app.advance(MIN);
  await page.getByRole('button', { name: 'I moved desks' }).click();
  await expect(page.getByText(/Noted: you moved desks/)).toBeVisible();
  expect((await engine.call('getProfile')).movedDeskAt).not.toBeNull();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  // The next visit knows about this check.
  await page.getByRole('link', { name: 'Workstation' }).click();
  await expect(page.getByText(/^Last checked on/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your workstation' })).toBeVisible();
  expect((await engine.call('getProfile')).heightCm).toBe(172);
});
