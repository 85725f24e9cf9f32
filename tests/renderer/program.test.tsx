/**
 * The home program page against the REAL ProgramService (tests/renderer/fake-api.ts addProgram):
 * the first session from start to the closing question, the closing question's rules (soreness
 * never backs up, the leg question after "worse"), an explained change undone, and the held state.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/profile';
import { addProgram, createFakeApi, makeState, NOW } from './fake-api';
import { renderApp } from './render';

const DAY = 24 * 60 * 60_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(profile: Partial<Profile> = {}) {
  const fake = createFakeApi(makeState(), { profile });
  const program = addProgram(fake, { start: NOW.getTime() });
  cleanups.push(program.cleanup);
  return { fake, program };
}

/** axe in the test DOM (no layout, so no colour contrast: the Chromium screenshots check that). */
async function expectAxeClean(container: HTMLElement) {
  const result = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Clicks through the session player (cautions, each move, left then right) to the closing question. */
async function playThrough(user: UserEvent) {
  for (let i = 0; i < 20; i++) {
    if (screen.queryByRole('heading', { level: 1, name: /how do your back and legs feel now/i })) return;
    const next = screen.getByRole('button', { name: /^(I'm ready|Now the right side|Next move|Finish)/ });
    await user.click(next);
  }
  throw new Error('the session never reached the closing question');
}

// Long flows (a whole session, axe at each step) on a shared 2-core machine.
describe('home program page', { timeout: 60_000 }, () => {
  it('starts the program and goes through the first session to the closing question', async () => {
    const { fake, program } = setup();
    const { user, container } = renderApp(fake, '#/program');

    // Not started: what the program is, the days and sessions a day.
    expect(await screen.findByRole('heading', { level: 1, name: 'Home program' })).toBeInTheDocument();
    expect(screen.getByText(/Three moves that ease your symptoms, five days a week/)).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Start your home program' });
    await user.click(screen.getByRole('radio', { name: '3 a day' }));
    await expectAxeClean(container);
    await user.click(screen.getByRole('button', { name: 'Start the program' }));

    // Started: the engine's three picks, today's plan, the change that started it.
    const picks = program.service.view().picks;
    expect(picks).toHaveLength(3);
    const picksCard = await screen.findByRole('region', { name: 'Your three moves' });
    for (const p of picks) expect(within(picksCard).getByText(p.name)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Session 1 of 3 today' })).toBeInTheDocument();
    expect(program.service.view().schedule.sessionsPerDay).toBe(3);
    expect(screen.getByText(/begins in the calm lane/)).toBeInTheDocument();
    await expectAxeClean(container);

    // Before the session: when to stop, and the emergency signs.
    await user.click(screen.getByRole('button', { name: 'Start a session' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Before you start' })).toBeInTheDocument();
    expect(screen.getByText(/Stop the move you are doing if pain shoots/)).toBeInTheDocument();
    expect(screen.getByText(/get emergency help now/i)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Begin the session' }));

    // The player: a floor move's caution comes before the move, then its figure, dose and cues.
    const first = program.service.view().active!.exercises[0]!;
    expect(await screen.findByRole('heading', { level: 1, name: `Before: ${first.name}` })).toBeInTheDocument();
    expect(screen.getByText(/get down and up in stages/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "I'm ready" }));
    expect(await screen.findByRole('heading', { level: 1, name: first.name })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: first.name })).toHaveAttribute(
      'data-illustration',
      expect.stringMatching(/^program-|nerve-glide/),
    );
    expect(screen.getByText(first.cues[0]!)).toBeInTheDocument();
    await expectAxeClean(container);

    await playThrough(user);
    await expectAxeClean(container);
    await user.click(screen.getByRole('radio', { name: 'Better' }));
    await user.click(
      within(screen.getByRole('group', { name: /muscles feel worked/ })).getByRole('radio', { name: 'No' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Good to hear' })).toBeInTheDocument();
    const end = program.dispatched.at(-1) as { type: string; answer: string; done: string[] };
    expect(end).toMatchObject({ type: 'program/session-end', answer: 'better', soreness: false, legWorse: false });
    expect(end.done).toEqual(picks.map((p) => p.id));
    expect(program.service.view().doneToday).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Back to the program' }));
    expect(await screen.findByRole('heading', { name: 'Session 2 of 3 today' })).toBeInTheDocument();
    expect(screen.getByText('1 of 3 done')).toBeInTheDocument();
  });

  it('closing question: soreness is noted and never backs up; "worse" asks about the leg and steps back', async () => {
    const { fake, program } = setup();
    program.service.dispatch({ type: 'program/start' });
    const { user } = renderApp(fake, '#/program');

    // A session with sore muscles, otherwise the same: the note says soreness is not a reason to back up.
    await user.click(await screen.findByRole('button', { name: 'Start a session' }));
    await user.click(await screen.findByRole('button', { name: 'Begin the session' }));
    await playThrough(user);
    expect(screen.queryByRole('group', { name: /pain, tingling or numbness in your leg/ })).not.toBeInTheDocument();
    expect(screen.getByText(/not a reason to step back/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'About the same' }));
    await user.click(
      within(screen.getByRole('group', { name: /muscles feel worked/ })).getByRole('radio', { name: 'Yes' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Steady is good' })).toBeInTheDocument();
    expect(screen.getByText(/Muscle soreness for a day or two after new exercises is common/)).toBeInTheDocument();
    expect(program.service.view().changes.filter((c) => c.code.startsWith('backup.'))).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Back to the program' }));

    // Saving with no answer is refused on the page, not sent.
    await user.click(await screen.findByRole('button', { name: 'Start a session' }));
    await user.click(await screen.findByRole('button', { name: 'Begin the session' }));
    await playThrough(user);
    const sent = program.dispatched.length;
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    expect(await screen.findByText('Choose better, about the same or worse.')).toBeInTheDocument();
    expect(program.dispatched).toHaveLength(sent);

    // "Worse": the leg question appears (no leg symptoms in this profile), and the answers go as given.
    await user.click(screen.getByRole('radio', { name: 'Worse' }));
    const leg = screen.getByRole('group', { name: /pain, tingling or numbness in your leg/ });
    await user.click(within(leg).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thanks for telling me' })).toBeInTheDocument();
    expect(program.dispatched.at(-1)).toMatchObject({
      type: 'program/session-end',
      answer: 'worse',
      legWorse: false,
      tooEasy: [],
    });
    // On the first, gentlest steps there is nothing to step back to: the page says so.
    const backups = program.service.view().changes.filter((c) => c.code.startsWith('backup.'));
    if (backups.length === 0)
      expect(screen.getByText(/Keep sessions short and stay with what feels comfortable/)).toBeInTheDocument();
    else expect(screen.getByRole('heading', { name: 'What changed, and why' })).toBeInTheDocument();
  });

  it('explains a change and undoes it', async () => {
    const { fake, program } = setup();
    const svc = program.service;
    svc.dispatch({ type: 'program/start' });
    // Steady, too-easy sessions on the engine's own clock until a move steps up (the pace rules decide when).
    let step = null;
    for (let day = 0; day < 21 && !step; day++) {
      for (let s = 0; s < 2 && !step; s++) {
        const view = svc.view();
        svc.dispatch({ type: 'program/session-start', ...(view.ask.lingering ? { lingering: false } : {}) });
        svc.dispatch({
          type: 'program/session-end',
          answer: 'better',
          legWorse: false,
          soreness: false,
          tooEasy: svc.view().active!.exercises.map((e) => e.id),
        });
        step =
          svc.view().changes.find((c) => (c.code === 'progress.step' || c.code === 'lane.forward') && !c.undone) ??
          null;
        program.clock.advance(3 * 60 * 60_000);
      }
      program.clock.advance(DAY - 6 * 60 * 60_000);
    }
    expect(step, 'a move stepped up').not.toBeNull();
    const before = svc.view().picks.map((p) => p.id);
    expect(before).toContain(String(step!.params.toId));

    const { user, container } = renderApp(fake, '#/program');
    const changes = await screen.findByRole('region', { name: 'Changes to your program' });
    const item = within(changes)
      .getByText(/felt too easy/)
      .closest('li')!;
    expect(item).toHaveTextContent(String(step!.params.toName));
    await expectAxeClean(container);
    await user.click(within(item).getByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(svc.view().changes.find((c) => c.id === step!.id)?.undone).toBe(true));
    expect(program.dispatched.at(-1)).toEqual({ type: 'program/undo', changeId: step!.id });
    expect(svc.view().picks.map((p) => p.id)).toContain(String(step!.params.fromId));
    expect(await within(changes).findByText(/undone/)).toBeInTheDocument();
    const picksCard = screen.getByRole('region', { name: 'Your three moves' });
    expect(await within(picksCard).findByText(String(step!.params.fromName))).toBeInTheDocument();
  });

  it('holds the program while the safety questions are unanswered: nothing offered, a way to the check', async () => {
    const { fake, program } = setup({ redFlags: null });
    const { container } = renderApp(fake, '#/program');
    expect(await screen.findByRole('heading', { name: 'The home program is waiting' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Take the safety check' })).toHaveAttribute(
      'href',
      '#/first-run?step=safety',
    );
    expect(screen.queryByRole('button', { name: /Start/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Your three moves' })).not.toBeInTheDocument();
    expect(program.service.view().offered).toEqual([]);
    await expectAxeClean(container);
  });

  it('holds the program after a warning sign until a clinician clears it, pointing to Settings', async () => {
    const { fake } = setup({
      redFlags: { answeredAt: '2026-11-20T09:00:00.000Z', present: ['saddle-numbness'], clearedAt: null },
    });
    renderApp(fake, '#/program');
    expect(await screen.findByRole('heading', { name: 'The home program is waiting' })).toBeInTheDocument();
    expect(screen.getByText(/until a clinician has checked the warning sign/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Update your answer in Settings' })).toHaveAttribute('href', '#/settings');
  });

  it('has a keyboard-reachable entry in the main navigation and speaks the user’s language', async () => {
    const fake = createFakeApi(makeState({ settings: { language: 'es' } }));
    const program = addProgram(fake, { start: NOW.getTime() });
    cleanups.push(program.cleanup);
    const { user } = renderApp(fake, '#/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const link = within(nav).getByRole('link', { name: /Program/ });
    expect(link).toHaveAttribute('href', '#/program');
    link.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/program'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Programa en casa' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Empezar el programa' })).toBeInTheDocument();
  });
});
