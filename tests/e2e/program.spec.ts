/**
 * The home program in the browser (issue 14), on the real browser shell and the engine's clock:
 * the first session of the plan through the page, a later session that offers a progression
 * (a move that felt too easy steps up, explained, with Undo), then a backed-up session ("worse":
 * the move steps back, explained). Sessions between those three are sent straight to the engine,
 * two a day, steady, as a user would do them.
 */
import type { Page } from '@playwright/test';
import { MIN, expect, expectAxeClean, test, type App } from './fixtures';

const DAY = 24 * 60 * MIN;

interface ProgramViewLike {
  started: boolean;
  picks: { id: string; name: string }[];
  ask: { lingering: unknown };
  active: { exercises: { id: string }[] } | null;
  changes: { id: string; code: string; undone: boolean; params: Record<string, string | number> }[];
  doneToday: number;
}

const view = (app: App) => app.engine.call('getProgram') as Promise<unknown> as Promise<ProgramViewLike>;

/** From the session's first screen to the closing question, in order: cautions, moves, sides. */
async function playSession(page: Page) {
  const closing = page.getByRole('heading', { level: 1, name: /how do your back and legs feel now/i });
  for (let i = 0; i < 20; i++) {
    if (await closing.isVisible()) return;
    await page.getByRole('button', { name: /^(I'm ready|Now the right side|Next move|Finish)/ }).click();
  }
  await expect(closing).toBeVisible();
}

async function startSession(page: Page) {
  await page.getByRole('button', { name: /^(Start a session|Do an extra session)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  const lingering = page.getByRole('group', { name: /Since your last session day/ });
  if (await lingering.isVisible()) await lingering.getByText('No', { exact: true }).click();
  await page.getByRole('button', { name: 'Begin the session' }).click();
}

test('first session, a later session that steps a move up (explained, undoable), then a backed-up session', async ({
  app,
  engine,
}) => {
  test.slow();
  const { page } = app;
  await app.open('program');

  // Start: the plan's days and sessions, then the engine's three suggested moves.
  await page.getByRole('button', { name: 'Start the program' }).click();
  await expect(page.getByRole('heading', { name: 'Session 1 of 2 today' })).toBeVisible();
  const start = await view(app);
  expect(start.started).toBe(true);
  const picks = page.getByRole('region', { name: 'Your three moves' });
  for (const p of start.picks) await expect(picks.getByText(p.name, { exact: true })).toBeVisible();
  await expectAxeClean(app);

  // The first session, through the page: when to stop, a floor caution first, each move, the question.
  await startSession(page);
  await expect(page.getByRole('heading', { level: 1, name: /^Before: / })).toBeVisible();
  await expectAxeClean(app);
  await playSession(page);
  await page.getByText('Better', { exact: true }).click();
  await page
    .getByRole('group', { name: /muscles feel worked/ })
    .getByText('No', { exact: true })
    .click();
  await expectAxeClean(app);
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Good to hear' })).toBeVisible();
  await expect.poll(async () => (await view(app)).doneToday).toBe(1);
  await page.getByRole('button', { name: 'Back to the program' }).click();
  await expect(page.getByRole('heading', { name: 'Session 2 of 2 today' })).toBeVisible();

  // Three steady days of sessions (the engine's pace: a step needs a few sessions over days).
  for (let d = 0; d < 3; d++) {
    for (let s = 0; s < 2; s++) {
      if (d === 0 && s === 0) {
        await app.advance(4 * 60 * MIN);
        continue;
      }
      const v = await view(app);
      await engine.dispatch({ type: 'program/session-start', ...(v.ask.lingering ? { lingering: false } : {}) });
      await engine.dispatch({
        type: 'program/session-end',
        answer: 'same',
        legWorse: false,
        soreness: false,
        tooEasy: [],
      });
      await app.advance(4 * 60 * MIN);
    }
    await app.advance(DAY - 8 * 60 * MIN);
  }

  // A later session through the page: the first move felt too easy, so it steps up, explained.
  await expect(page.getByRole('button', { name: /^(Start a session|Do an extra session)$/ })).toBeVisible();
  await startSession(page);
  await playSession(page);
  const served = (await view(app)).active!.exercises.map((e) => e.id);
  const easy = (await view(app)).picks.find((p) => p.id === served[0])!;
  await page.getByText('Better', { exact: true }).click();
  await page
    .getByRole('group', { name: /muscles feel worked/ })
    .getByText('No', { exact: true })
    .click();
  await page.getByRole('checkbox', { name: `${easy.name} felt too easy` }).check();
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.getByRole('heading', { name: 'What changed, and why' })).toBeVisible();
  const stepped = (await view(app)).changes.find((c) => c.code === 'progress.step' && !c.undone)!;
  expect(stepped.params.fromId).toBe(easy.id);
  const explained = page.getByRole('listitem').filter({ hasText: `${easy.name} felt too easy` });
  await expect(explained).toContainText(String(stepped.params.toName));
  await expect(explained.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectAxeClean(app);
  await app.screenshot('program-step-up');
  await page.getByRole('button', { name: 'Back to the program' }).click();
  await expect(
    page.getByRole('region', { name: 'Your three moves' }).getByText(String(stepped.params.toName), { exact: true }),
  ).toBeVisible();

  // The next session felt worse: the move that just stepped up steps back, explained.
  await app.advance(4 * 60 * MIN);
  await startSession(page);
  await playSession(page);
  await page.getByText('Worse', { exact: true }).click();
  const leg = page.getByRole('group', { name: /pain, tingling or numbness in your leg/ });
  await leg.getByText('No', { exact: true }).click();
  await page
    .getByRole('group', { name: /muscles feel worked/ })
    .getByText('No', { exact: true })
    .click();
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thanks for telling me' })).toBeVisible();
  const back = (await view(app)).changes.find((c) => c.code === 'backup.step' && !c.undone)!;
  expect(back.params).toMatchObject({ fromId: stepped.params.toId, toId: easy.id, reason: 'worse' });
  await expect(page.getByText(/steps back to/)).toContainText(easy.name);
  await expect(page.getByText(/Flare-ups happen and usually settle/)).toBeVisible();
  expect((await view(app)).picks.map((p) => p.id)).toContain(easy.id);
  await expectAxeClean(app);
  await app.screenshot('program-backed-up');
});
