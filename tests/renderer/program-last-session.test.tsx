/**
 * After the closing question, the summary shows the engine's own result for the session
 * (view.lastSession: its changes and notes), through the page, over the REAL ProgramService.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { addProgram, createFakeApi, makeState, NOW } from './fake-api';
import { renderApp } from './render';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function toClosingQuestion(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Start a session' }));
  await user.click(await screen.findByRole('button', { name: 'Begin the session' }));
  for (let i = 0; i < 20; i++) {
    if (screen.queryByRole('heading', { level: 1, name: /how do your back and legs feel now/i })) return;
    await user.click(screen.getByRole('button', { name: /^(I'm ready|Now the right side|Next move|Finish)/ }));
  }
  throw new Error('the session never reached the closing question');
}

describe('program session summary from the engine', { timeout: 60_000 }, () => {
  it('a too-easy move on the first day: the engine says why nothing moves up yet (not settled long enough), and the view keeps it', async () => {
    const fake = createFakeApi(makeState());
    const program = addProgram(fake, { start: NOW.getTime() });
    cleanups.push(program.cleanup);
    program.service.dispatch({ type: 'program/start' });
    const { user } = renderApp(fake, '#/program');
    await toClosingQuestion(user);
    const first = program.service.view().active!.exercises[0]!;
    await user.click(screen.getByRole('radio', { name: 'About the same' }));
    await user.click(
      within(screen.getByRole('group', { name: /muscles feel worked/ })).getByRole('radio', { name: 'Yes' }),
    );
    await user.click(screen.getByRole('checkbox', { name: `${first.name} felt too easy` }));
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Steady is good' })).toBeInTheDocument();
    const last = program.service.view().lastSession!;
    expect(last.answer).toBe('same');
    expect(last.changes).toEqual([]);
    expect(last.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['soreness.normal', 'progress.wait-calm']));
    // Each engine note, in the page's words (English: the engine's own text).
    for (const note of last.notes) expect(screen.getByText(note.text)).toBeInTheDocument();
    // Not the page's own guess any more.
    expect(screen.queryByText(/The move goes up once your back has been calm/)).toBeNull();

    // A new session clears it.
    await user.click(screen.getByRole('button', { name: 'Back to the program' }));
    await user.click(await screen.findByRole('button', { name: /^(Start a session|Do an extra session)$/ }));
    await user.click(await screen.findByRole('button', { name: 'Begin the session' }));
    await waitFor(() => expect(program.service.view().active).not.toBeNull());
    expect(program.service.view().lastSession).toBeNull();
  });
});
