import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveRoutine } from '../../shared/state';
import type { Profile } from '../../shared/profile';
import { NOW, createFakeApi, makeState } from './fake-api';
import { freezeDate, renderApp } from './render';

const MIN = 60_000;
const iso = (offsetMin: number) => new Date(NOW.getTime() + offsetMin * MIN).toISOString();

const ROUTINE: ActiveRoutine = {
  id: 'classic-snack',
  steps: [
    {
      id: 'march-in-place',
      name: 'March in place',
      seconds: 20,
      cues: ['Lift each knee', 'Swing your arms'],
      posture: 'standing',
      bias: 'neutral',
      sides: false,
      illustration: 'march',
      swappedFrom: null,
    },
    {
      id: 'mini-hinge',
      name: 'Small hip hinge with hands on the desk',
      seconds: 20,
      cues: ['Hands on the desk', 'Hips back a little'],
      posture: 'standing',
      bias: 'neutral',
      sides: false,
      illustration: 'mini-hinge',
      swappedFrom: 'hip-hinge',
    },
    {
      id: 'standing-back-bend',
      name: 'Gentle standing back bend',
      seconds: 20,
      cues: ['Hands on hips', 'Lean back a little'],
      posture: 'standing',
      bias: 'extension',
      sides: false,
      illustration: 'back-bend',
      swappedFrom: null,
    },
  ],
};

const due = (patch = {}) => makeState({ phase: 'due', stretchStart: iso(-32), nextBreakAt: iso(0), ...patch });

/** A user who answered the safety check with nothing to report: guided routines are on. */
const SCREENED = {
  redFlags: { answeredAt: iso(-60), present: [], clearedAt: null, ageBand: '20-49', newPain: false },
} as const satisfies Partial<Profile>;

/** The engine's answers for the break flow, as far as the prompt can see them. */
function breakEngine(state = due(), profile: Partial<Profile> = SCREENED) {
  return createFakeApi(state, {
    profile,
    reduce: (s, action) => {
      switch (action.type) {
        case 'break/start':
          return { ...s, phase: 'routine', nextBreakAt: null, stretchStart: null, routine: ROUTINE };
        case 'break/snooze':
          return { ...s, phase: 'sitting', snoozesLeft: s.snoozesLeft - 1, nextBreakAt: iso(5) };
        case 'break/skip':
          return { ...s, phase: 'sitting', nextBreakAt: iso(30) };
        case 'routine/complete':
        case 'routine/abandon':
          return { ...s, phase: 'sitting', routine: null, stretchStart: iso(0), nextBreakAt: iso(30) };
        default:
          return s;
      }
    },
  });
}

beforeEach(freezeDate);
afterEach(() => vi.useRealTimers());

describe('break prompt (#/prompt)', () => {
  it('asks to move, with snoozes left and the start button focused', async () => {
    const fake = breakEngine();
    renderApp(fake, '#/prompt');
    expect(await screen.findByRole('heading', { level: 1, name: 'Time to move' })).toBeInTheDocument();
    expect(screen.getByText(/sitting for 32 min/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Start the 60-second routine/ })).toHaveFocus();
    const snooze = screen.getByRole('button', { name: /Snooze 5 min/ });
    expect(snooze).toBeEnabled();
    expect(snooze).toHaveAccessibleDescription('3 snoozes left for this break');
    // A compact window: no app navigation.
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('disables snooze at 0 left and says why; S does nothing then', async () => {
    const fake = breakEngine(due({ snoozesLeft: 0 }));
    const { user } = renderApp(fake, '#/prompt');
    const snooze = await screen.findByRole('button', { name: /Snooze 5 min/ });
    expect(snooze).toBeDisabled();
    expect(snooze).toHaveAccessibleDescription(/No snoozes left for this break/);
    await user.keyboard('s');
    expect(fake.dispatched).toEqual([]);
  });

  it('explains when snoozing is switched off', async () => {
    const fake = breakEngine(due({ snoozesLeft: 0, settings: { maxSnoozes: 0 } }));
    renderApp(fake, '#/prompt');
    expect(await screen.findByText('Snoozing is turned off in Settings.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Snooze/ })).toBeDisabled();
  });

  it('snoozes with S and says when it will check back', async () => {
    const fake = breakEngine();
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { name: 'Time to move' });
    await user.keyboard('s');
    expect(fake.dispatched).toEqual([{ type: 'break/snooze' }]);
    expect(await screen.findByRole('heading', { name: 'Snoozed' })).toBeInTheDocument();
    expect(screen.getByText(/check back around/)).toBeInTheDocument();
    // The snooze ends: the engine says the break is due again, with one snooze fewer.
    act(() => fake.emit({ ...fake.state, phase: 'due' }));
    expect(await screen.findByRole('heading', { name: 'Time to move' })).toBeInTheDocument();
    expect(screen.getByText('2 snoozes left for this break')).toBeInTheDocument();
  });

  it('skips with Escape', async () => {
    const fake = breakEngine();
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { name: 'Time to move' });
    await user.keyboard('{Escape}');
    expect(fake.dispatched).toEqual([{ type: 'break/skip' }]);
    expect(await screen.findByRole('heading', { name: /Skipped/ })).toBeInTheDocument();
  });

  it('starts with Enter, plays the chosen steps, and asks how the back feels at the end', async () => {
    const fake = breakEngine();
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { name: 'Time to move' });
    await user.keyboard('{Enter}');
    expect(fake.dispatched).toEqual([{ type: 'break/start' }]);

    // The player, with exactly the engine's steps (the swapped one says so).
    expect(await screen.findByRole('heading', { level: 1, name: 'March in place' })).toBeInTheDocument();
    expect(screen.getByText('The classic movement snack')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skip step' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Small hip hinge with hands on the desk' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/A gentler version of “Hip hinge, no weight”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skip step' }));
    await user.click(await screen.findByRole('button', { name: 'Finish' }));
    expect(fake.dispatched).toHaveLength(1);

    const question = await screen.findByRole('heading', { name: 'How does your back feel now?' });
    expect(question).toHaveFocus();
    await user.click(
      within(screen.getByRole('group', { name: 'How does your back feel now?' })).getByRole('button', {
        name: 'Better',
      }),
    );
    expect(fake.dispatched[1]).toEqual({ type: 'routine/complete', feeling: 'better' });
    expect(await screen.findByRole('heading', { name: 'Nice work' })).toBeInTheDocument();
    expect(screen.getByText(/Next break around/)).toBeInTheDocument();
  });

  it('answers "worse" with care, without diagnosing', async () => {
    const fake = breakEngine(makeState({ phase: 'routine', routine: ROUTINE, nextBreakAt: null }));
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { level: 1, name: 'March in place' });
    for (let i = 0; i < ROUTINE.steps.length; i++) await user.keyboard('{ArrowRight}');
    await user.click(await screen.findByRole('button', { name: 'Worse' }));
    expect(fake.dispatched).toEqual([{ type: 'routine/complete', feeling: 'worse' }]);
    expect(await screen.findByText(/swaps just that one for a gentler move next time/)).toBeInTheDocument();
    expect(screen.getByText(/talk to your clinician/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/sciatica|disc|syndrome|diagnos/i);
  });

  it('asks which step felt worse (one tap) and sends only that step; Skip sends none', async () => {
    const fake = breakEngine(makeState({ phase: 'routine', routine: ROUTINE, nextBreakAt: null }));
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { level: 1, name: 'March in place' });
    for (let i = 0; i < ROUTINE.steps.length; i++) await user.keyboard('{ArrowRight}');
    await user.click(await screen.findByRole('button', { name: 'Worse' }));
    const group = await screen.findByRole('group', { name: 'Which step felt worse?' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['March in place', 'Small hip hinge with hands on the desk', 'Gentle standing back bend', 'Skip']);
    await user.click(within(group).getByRole('button', { name: 'Gentle standing back bend' }));
    expect(fake.dispatched.at(-1)).toEqual({ type: 'routine/worse-step', stepId: 'standing-back-bend' });
    expect(await screen.findByRole('status', { name: '' })).toBeDefined();
    expect(
      screen.getByText(/“Gentle standing back bend” is swapped for a gentler move; the other steps stay/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Which step felt worse?' })).not.toBeInTheDocument();
  });

  it('lets the user skip the which-step question', async () => {
    const fake = breakEngine(makeState({ phase: 'routine', routine: ROUTINE, nextBreakAt: null }));
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { level: 1, name: 'March in place' });
    for (let i = 0; i < ROUTINE.steps.length; i++) await user.keyboard('{ArrowRight}');
    await user.click(await screen.findByRole('button', { name: 'Worse' }));
    const group = await screen.findByRole('group', { name: 'Which step felt worse?' });
    await user.click(within(group).getByRole('button', { name: 'Skip' }));
    expect(fake.dispatched.at(-1)).toEqual({ type: 'routine/worse-step', stepId: null });
    expect(await screen.findByText('No problem, nothing was changed.')).toBeInTheDocument();
  });

  it('offers a swapped step again after good sessions, only with a yes', async () => {
    const fake = breakEngine(makeState({ phase: 'routine', routine: ROUTINE, nextBreakAt: null }));
    Object.assign(fake.api, { getStepSwaps: async () => ({ reoffer: ['hip-hinge'] }) });
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { level: 1, name: 'March in place' });
    for (let i = 0; i < ROUTINE.steps.length; i++) await user.keyboard('{ArrowRight}');
    await user.click(await screen.findByRole('button', { name: 'About the same' }));
    expect(await screen.findByText(/try “Hip hinge, no weight” again/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Yes, try it again' }));
    expect(fake.dispatched.at(-1)).toEqual({ type: 'routine/reoffer', stepId: 'hip-hinge', accept: true });
    expect(await screen.findByText(/is back in your routines/)).toBeInTheDocument();
  });

  it('shows the engine’s one-time note about leg pain in the window, without saying it twice', async () => {
    const note =
      'March in place felt worse twice, so next time you get a gentler move instead. If any move sends pain down your leg, stop it and talk to your clinician or physical therapist.';
    const fake = createFakeApi(makeState({ phase: 'routine', routine: ROUTINE, nextBreakAt: null }), {
      profile: SCREENED,
      reduce: (s, action) =>
        action.type === 'routine/complete'
          ? { ...s, phase: 'sitting', routine: null, nextBreakAt: iso(30), warnings: [note] }
          : s,
    });
    const { user } = renderApp(fake, '#/prompt');
    await screen.findByRole('heading', { level: 1, name: 'March in place' });
    for (let i = 0; i < ROUTINE.steps.length; i++) await user.keyboard('{ArrowRight}');
    await user.click(await screen.findByRole('button', { name: 'Worse' }));
    expect(await screen.findByRole('region', { name: 'Messages from Movesnack' })).toHaveTextContent(
      'felt worse twice',
    );
    expect(screen.getAllByText(/pain down your leg/)).toHaveLength(1);
  });

  it('offers other routines that suit the answers, and starts the one picked', async () => {
    const fake = breakEngine();
    const { user } = renderApp(fake, '#/prompt');
    await user.click(await screen.findByRole('button', { name: 'Choose another routine' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a routine' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: /nerve glides/i })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Hip opener/ }));
    expect(fake.dispatched).toEqual([{ type: 'break/start', routineId: 'hip-opener' }]);
  });

  it('offers nerve glides to a user with leg symptoms', async () => {
    const fake = createFakeApi(due(), { profile: { ...SCREENED, legSymptoms: true } });
    const { user } = renderApp(fake, '#/prompt');
    await user.click(await screen.findByRole('button', { name: 'Choose another routine' }));
    expect(await screen.findByRole('button', { name: /Gentle nerve glides/ })).toHaveTextContent('For leg symptoms');
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Time to move' })).toBeInTheDocument();
    expect(fake.dispatched).toEqual([]);
  });

  it('holds routines back plainly while a warning sign is not cleared; offers the plain walk; snooze and skip still work', async () => {
    const fake = createFakeApi(due(), {
      profile: { redFlags: { answeredAt: iso(-60), present: ['fever'], clearedAt: null } },
    });
    const { user } = renderApp(fake, '#/prompt');
    expect(await screen.findByRole('note')).toHaveTextContent(/^Movement routines are switched off/);
    expect(screen.queryByRole('button', { name: /Start the 60-second routine/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose another routine' })).not.toBeInTheDocument();
    // The plain walking break takes the focus: Enter starts it (it counts as taken).
    expect(screen.getByRole('button', { name: /Walk about for a minute/ })).toHaveFocus();
    await user.keyboard('s');
    expect(fake.dispatched).toEqual([{ type: 'break/snooze' }]);
  });

  it('never-screened user: the plain walk (counted as taken) and a link to the safety check, never a guided routine', async () => {
    const fake = breakEngine(due(), { redFlags: null });
    const { user } = renderApp(fake, '#/prompt');
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('Guided routines start once you have answered the 30-second safety check.');
    expect(within(note).getByRole('link', { name: 'Take the safety check' })).toHaveAttribute(
      'href',
      '#/first-run?step=safety',
    );
    expect(screen.queryByRole('button', { name: /Start the 60-second routine/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose another routine' })).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(fake.dispatched).toEqual([{ type: 'break/start', routineId: 'plain-break' }]);
  });

  it('asks for the safety check again after six weeks', async () => {
    const fake = breakEngine(due(), {
      redFlags: { answeredAt: iso(-43 * 24 * 60), present: [], clearedAt: null, ageBand: '20-49', newPain: false },
    });
    renderApp(fake, '#/prompt');
    expect(await screen.findByText(/six weeks since your safety check/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Answer the safety check' })).toHaveAttribute(
      'href',
      '#/first-run?step=safety',
    );
    // Routines stay on meanwhile: it is a reminder, not a hold.
    expect(screen.getByRole('button', { name: /Start the 60-second routine/ })).toBeInTheDocument();
  });

  it('takes one tap on how the back is: stiff is a discomfort report, fine is only thanked', async () => {
    const fake = breakEngine();
    const { user } = renderApp(fake, '#/prompt');
    const row = await screen.findByRole('group', { name: 'My back is' });
    await user.click(within(row).getByRole('button', { name: 'Fine' }));
    expect(await screen.findByText('Good to hear.')).toBeInTheDocument();
    expect(fake.dispatched).toEqual([]);
    await user.click(within(row).getByRole('button', { name: 'Stiff' }));
    expect(fake.dispatched).toEqual([{ type: 'discomfort/report' }]);
    expect(await screen.findByText(/Noted: stiff/)).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Stiff' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('ends early with routine/abandon', async () => {
    const fake = breakEngine(makeState({ phase: 'routine', routine: ROUTINE, nextBreakAt: null }));
    const { user } = renderApp(fake, '#/routine');
    await user.click(await screen.findByRole('button', { name: 'End early' }));
    expect(fake.dispatched).toEqual([{ type: 'routine/abandon' }]);
    expect(await screen.findByRole('heading', { name: 'That still counts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to today' })).toHaveAttribute('href', '#/');
  });

  it('shows the engine’s refusal in the prompt', async () => {
    const fake = breakEngine();
    fake.refuseWith((a) => (a.type === 'break/snooze' ? 'No snoozes left for this break (3 of 3 used)' : null));
    const { user } = renderApp(fake, '#/prompt');
    await user.click(await screen.findByRole('button', { name: /Snooze 5 min/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No snoozes left for this break (3 of 3 used)');
    expect(screen.getByRole('heading', { name: 'Time to move' })).toBeInTheDocument();
  });

  it('is calm when no break is due', async () => {
    const fake = breakEngine(makeState());
    renderApp(fake, '#/prompt');
    expect(await screen.findByRole('heading', { name: 'No break right now' })).toBeInTheDocument();
    expect(screen.getByText(/Next break around/)).toBeInTheDocument();
  });
});
