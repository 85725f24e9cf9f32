import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompanionProvider } from '../../renderer/data/companion';
import { CheckinForm } from '../../renderer/pages/checkin';
import { DEFAULT_PROFILE } from '../../shared/profile';
import type { Checkin } from '../../shared/history';
import { createFakeApi, makeState, NOW } from './fake-api';

function setup(options: { task?: string; last?: Checkin | null; refuse?: string } = {}) {
  const fake = createFakeApi(makeState());
  if (options.refuse) fake.refuseWith((a) => (a.type === 'checkin/save' ? options.refuse! : null));
  const api = {
    ...fake.api,
    getProfile: async () => ({ ...DEFAULT_PROFILE, confidenceTask: options.task ?? '' }),
    getProgress: async () => ({ summaries: [], checkins: options.last ? [options.last] : [] }),
  };
  const onSaved = vi.fn();
  const user = userEvent.setup();
  const utils = render(
    <CompanionProvider api={api}>
      <CheckinForm onSaved={onSaved} />
    </CompanionProvider>,
  );
  return { ...utils, user, fake, onSaved };
}

const group = (name: RegExp | string) => screen.getByRole('radiogroup', { name });
const pick = async (user: ReturnType<typeof userEvent.setup>, name: RegExp | string, value: number) =>
  user.click(within(group(name)).getByRole('radio', { name: String(value) }));

/** Date frozen at NOW; timers stay real so Testing Library can wait. */
const freezeDate = () => vi.useFakeTimers({ now: NOW, toFake: ['Date'] });

beforeEach(freezeDate);
afterEach(() => vi.useRealTimers());

// Typing through a whole form takes seconds when the machine is busy.
describe('check-in form', { timeout: 30_000 }, () => {
  it('asks each question with its scale and brings back the named task', async () => {
    setup({
      task: 'lift the laundry basket',
      last: {
        at: '2026-11-20T17:00:00.000Z',
        painLow: 2,
        painHigh: 6,
        stiffnessMin: 10,
        walkingMin: 20,
        confidence: 4,
        note: '',
      },
    });
    expect(await screen.findByLabelText('A task you would like to feel sure about again')).toHaveValue(
      'lift the laundry basket',
    );
    expect(group('At its lowest')).toBeInTheDocument();
    expect(within(group('At its highest')).getAllByRole('radio')).toHaveLength(11);
    expect(group('How confident do you feel about this: “lift the laundry basket”?')).toHaveAccessibleDescription(
      '0 = not at all 10 = completely',
    );
    expect(screen.getByLabelText('Morning stiffness')).toHaveAccessibleDescription(
      'How long your back felt stiff after getting up.',
    );
    expect(screen.getByText(/Your last check-in was on Friday, November 20: pain 2 to 6\./)).toBeInTheDocument();
  });

  it('checks the answers with the engine schema before sending anything, and focuses the first to fix', async () => {
    const { user, fake } = setup();
    await screen.findByRole('button', { name: 'Save check-in' });
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(fake.dispatched).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('5 answers need a look before saving.');
    expect(group('At its lowest')).toHaveAttribute('aria-invalid', 'true');
    expect(group('At its lowest')).toHaveAccessibleDescription(/Choose your lowest pain today, 0 to 10\./);
    expect(screen.getByLabelText('Walking today')).toHaveAccessibleDescription(
      /Enter the minutes you walked today \(0 if none\)\./,
    );
    expect(document.activeElement).toBe(within(group('At its lowest')).getAllByRole('radio')[0]);

    // Lowest above highest: the schema's own rule, said next to the lowest.
    await pick(user, 'At its lowest', 6);
    await pick(user, 'At its highest', 3);
    expect(group('At its lowest')).toHaveAccessibleDescription(/Lowest pain cannot be above highest pain\./);
    expect(group('At its highest')).not.toHaveAttribute('aria-invalid');

    await user.type(screen.getByLabelText('Morning stiffness'), '2000');
    expect(screen.getByLabelText('Morning stiffness')).toHaveAccessibleDescription(
      /Morning stiffness cannot be more than a day \(1440 minutes\)\./,
    );
    expect(fake.dispatched).toEqual([]);
  });

  it('saves with checkin/save, the task with profile/save, then clears for next time', async () => {
    const { user, fake, onSaved } = setup({ task: 'garden' });
    await screen.findByDisplayValue('garden');
    await pick(user, 'At its lowest', 1);
    await pick(user, 'At its highest', 4);
    await user.type(screen.getByLabelText('Morning stiffness'), '15');
    await user.type(screen.getByLabelText('Walking today'), '35');
    const task = screen.getByLabelText('A task you would like to feel sure about again');
    await user.clear(task);
    await user.type(task, '  lift the laundry basket ');
    await pick(user, /How confident do you feel about this/, 6);
    await user.type(screen.getByLabelText(/A line of wins/), 'Sat through the whole film');
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    await waitFor(() =>
      expect(fake.dispatched).toEqual([
        { type: 'profile/save', profile: { confidenceTask: 'lift the laundry basket' } },
        {
          type: 'checkin/save',
          checkin: {
            painLow: 1,
            painHigh: 4,
            stiffnessMin: 15,
            walkingMin: 35,
            confidence: 6,
            note: 'Sat through the whole film',
          },
        },
      ]),
    );
    expect(await screen.findByText(/Check-in saved, and your win with it\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See your progress' })).toHaveAttribute('href', '#/progress');
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Morning stiffness')).toHaveValue(null);
    expect(screen.getByLabelText('A task you would like to feel sure about again')).toHaveValue(
      'lift the laundry basket',
    );
    expect(screen.getByText(/Your last check-in was on Tuesday, November 24: pain 1 to 4\./)).toBeInTheDocument();
  });

  it('does not save the task again when it did not change, and shows a refusal from the engine', async () => {
    const { user, fake } = setup({ task: 'garden', refuse: 'Invalid "checkin/save" action: checkin.note: too long' });
    await screen.findByDisplayValue('garden');
    await pick(user, 'At its lowest', 0);
    await pick(user, 'At its highest', 0);
    await user.type(screen.getByLabelText('Morning stiffness'), '0');
    await user.type(screen.getByLabelText('Walking today'), '0');
    await pick(user, /How confident/, 10);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The check-in was not saved: Invalid "checkin/save" action: checkin.note: too long',
    );
    expect(fake.dispatched.map((a) => a.type)).toEqual(['checkin/save']);
    // The answers stay for another try.
    expect(screen.getByLabelText('Walking today')).toHaveValue(0);
  });
});
