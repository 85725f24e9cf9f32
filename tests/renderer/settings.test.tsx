import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeState } from './fake-api';
import { controlTime, freezeDate, renderApp } from './render';

beforeEach(freezeDate);
afterEach(() => vi.useRealTimers());

const settingsUpdates = (fake: ReturnType<typeof createFakeApi>) =>
  fake.dispatched.filter((a) => a.type === 'settings/update');

describe('settings', () => {
  it('shows the current settings', async () => {
    const fake = createFakeApi(
      makeState({
        settings: { breakIntervalMin: 40, snoozeMin: 7, maxSnoozes: 2, naturalBreakMin: 3, launchAtLogin: true },
      }),
    );
    renderApp(fake, '#/settings');
    expect(await screen.findByLabelText('Break interval')).toHaveValue(40);
    expect(screen.getByLabelText('Snooze length')).toHaveValue(7);
    expect(screen.getByLabelText('Snoozes per break')).toHaveValue(2);
    expect(screen.getByLabelText('Natural break')).toHaveValue(3);
    expect(screen.getByRole('switch', { name: 'Open at login' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Always on/ })).toBeChecked();
  });

  it('sends a valid interval at once, as one settings/update', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings');
    const input = await screen.findByLabelText('Break interval');
    await user.clear(input);
    await user.type(input, '45');
    await user.tab();
    await waitFor(() =>
      expect(settingsUpdates(fake)).toEqual([{ type: 'settings/update', settings: { breakIntervalMin: 45 } }]),
    );
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  it('refuses an out-of-range interval with a message and sends nothing', async () => {
    controlTime();
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings', { advanceTimers: true });
    const input = await screen.findByLabelText('Break interval');
    await user.clear(input);
    await user.type(input, '5');
    await user.tab();
    expect(await screen.findByText('Break interval must be between 10 and 120.')).toBeInTheDocument();
    expect(screen.getByText('Still using 30 min.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/must be between 10 and 120/);
    // Past the typing pause (700 ms) too: still nothing sent.
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(settingsUpdates(fake)).toEqual([]);
  });

  it('refuses an empty or fractional value', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings');
    const input = await screen.findByLabelText('Snooze length');
    await user.clear(input);
    await user.tab();
    expect(await screen.findByText('Snooze length must be a number.')).toBeInTheDocument();
    await user.type(input, '2.5');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Snooze length must be a whole number.')).toBeInTheDocument();
    expect(settingsUpdates(fake)).toEqual([]);
  });

  it('shows the engine’s message when it refuses a change', async () => {
    const fake = createFakeApi(makeState());
    fake.refuseWith((a) => (a.type === 'settings/update' ? 'Settings could not be saved: the disk is full' : null));
    const { user } = renderApp(fake, '#/settings');
    const input = await screen.findByLabelText('Snoozes per break');
    await user.clear(input);
    await user.type(input, '5');
    await user.tab();
    expect(await screen.findByText('Settings could not be saved: the disk is full')).toBeInTheDocument();
  });

  it('sets working hours on several days at once and keeps at least one', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings');
    await user.click(await screen.findByRole('radio', { name: /Only during working hours/ }));
    expect(settingsUpdates(fake)).toEqual([
      { type: 'settings/update', settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' } } },
    ]);
    const days = await screen.findByRole('group', { name: 'Working days' });
    const chip = (name: string) => within(days).getByRole('button', { name });
    expect(chip('Mon')).toHaveAttribute('aria-pressed', 'true');
    expect(chip('Sat')).toHaveAttribute('aria-pressed', 'false');
    await user.click(chip('Sat'));
    await user.click(chip('Mon'));
    expect(settingsUpdates(fake).at(-1)).toEqual({
      type: 'settings/update',
      settings: { workingHours: { days: [2, 3, 4, 5, 6], start: '09:00', end: '17:30' } },
    });
    const sent = settingsUpdates(fake).length;
    for (const d of ['Tue', 'Wed', 'Thu', 'Fri', 'Sat']) await user.click(chip(d));
    expect(await screen.findByText(/Choose at least one working day/)).toBeInTheDocument();
    // The last valid choice went out; the empty one did not.
    expect(settingsUpdates(fake)).toHaveLength(sent + 4);
    expect(fake.state.settings.workingHours?.days).toEqual([6]);
  });

  it('refuses equal start and end times', async () => {
    const fake = createFakeApi(
      makeState({ settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' } } }),
    );
    const { user } = renderApp(fake, '#/settings');
    const to = await screen.findByLabelText('To');
    await user.clear(to);
    await user.type(to, '09:00');
    expect(await screen.findByText(/Working hours must start and end at different times/)).toBeInTheDocument();
    expect(fake.state.settings.workingHours?.end).toBe('17:30');
  });

  it('goes back to always on', async () => {
    const fake = createFakeApi(
      makeState({ settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' } } }),
    );
    const { user } = renderApp(fake, '#/settings');
    await user.click(await screen.findByRole('radio', { name: /Always on/ }));
    expect(settingsUpdates(fake)).toEqual([{ type: 'settings/update', settings: { workingHours: null } }]);
    expect(screen.queryByRole('group', { name: 'Working days' })).not.toBeInTheDocument();
  });

  it('switches the theme and applies it to the page', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings');
    await user.click(await screen.findByRole('radio', { name: 'Dark' }));
    expect(settingsUpdates(fake)).toEqual([{ type: 'settings/update', settings: { theme: 'dark' } }]);
    await waitFor(() => expect(document.documentElement).toHaveClass('theme-dark'));
  });

  it('turns launch at login and sound on and off', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings');
    await user.click(await screen.findByRole('switch', { name: 'Open at login' }));
    await user.click(screen.getByRole('switch', { name: 'Sound' }));
    expect(settingsUpdates(fake)).toEqual([
      { type: 'settings/update', settings: { launchAtLogin: true } },
      { type: 'settings/update', settings: { soundEnabled: false } },
    ]);
    expect(screen.getByRole('slider', { name: 'Volume' })).toBeDisabled();
  });

  it('keeps the typed value when the engine changes another setting', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings');
    const interval = await screen.findByLabelText('Break interval');
    await user.clear(interval);
    await user.type(interval, '50');
    await user.tab();
    await waitFor(() => expect(fake.state.settings.breakIntervalMin).toBe(50));
    expect(interval).toHaveValue(50);
  });
});

describe('settings added with the flows', () => {
  it('chooses a routine to do every time, from those that suit the answers', async () => {
    const fake = createFakeApi(makeState(), { profile: { legSymptoms: true } });
    const { user } = renderApp(fake, '#/settings');
    const select = await screen.findByLabelText('Routine');
    expect(within(select).getByRole('option', { name: 'Gentle nerve glides (for leg symptoms)' })).toBeInTheDocument();
    await user.selectOptions(select, 'hip-opener');
    expect(settingsUpdates(fake).at(-1)).toEqual({ type: 'settings/update', settings: { routineId: 'hip-opener' } });
  });

  it('does not offer nerve glides without leg symptoms', async () => {
    const fake = createFakeApi(makeState());
    renderApp(fake, '#/settings');
    const select = await screen.findByLabelText('Routine');
    expect(within(select).queryByRole('option', { name: /nerve glides/ })).not.toBeInTheDocument();
  });

  it('restores a backup and says how many records came back', async () => {
    const fake = createFakeApi(makeState());
    fake.api.listBackups = async () => [
      { name: 'history-2026-11-24T08-00-00-000Z.json', createdAt: '2026-11-24T08:00:00.000Z', bytes: 2048 },
      { name: 'history-2026-11-23T08-00-00-000Z.json', createdAt: '2026-11-23T08:00:00.000Z', bytes: 1024 },
    ];
    const restored: string[] = [];
    fake.api.restoreBackup = async (name) => {
      restored.push(name);
      return { imported: 12 };
    };
    const { user } = renderApp(fake, '#/settings');
    const buttons = await screen.findAllByRole('button', { name: /Restore the backup from/ });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]!);
    expect(restored).toEqual(['history-2026-11-23T08-00-00-000Z.json']);
    expect(await screen.findByText('12 records added back.')).toBeInTheDocument();
  });

  it('turns the check-in reminder off and on again with the same days', async () => {
    const fake = createFakeApi(makeState({ settings: { checkinReminder: { days: [1, 4], time: '16:30' } } }));
    const { user } = renderApp(fake, '#/settings');
    const toggle = await screen.findByRole('switch', { name: 'Check-in reminder' });
    await user.click(toggle);
    expect(settingsUpdates(fake).at(-1)).toEqual({ type: 'settings/update', settings: { checkinReminder: null } });
    await user.click(toggle);
    expect(settingsUpdates(fake).at(-1)).toEqual({
      type: 'settings/update',
      settings: { checkinReminder: { days: [1, 4], time: '16:30' } },
    });
    await user.click(within(screen.getByRole('group', { name: 'Check-in days' })).getByRole('button', { name: 'Fri' }));
    expect(settingsUpdates(fake).at(-1)).toEqual({
      type: 'settings/update',
      settings: { checkinReminder: { days: [1, 4, 5], time: '16:30' } },
    });
  });

  it('records a new shortcut from the keyboard; Esc cancels, a plain key is refused', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake, '#/settings');
    const button = await screen.findByRole('button', { name: /shortcut Change/ });
    await user.click(button);
    expect(button).toHaveTextContent('Press the keys…');
    await user.keyboard('{Escape}');
    expect(button).toHaveTextContent('Change');
    expect(settingsUpdates(fake)).toEqual([]);
    await user.click(button);
    await user.keyboard('b');
    expect(await screen.findByText(/Use Ctrl, Alt or Cmd/)).toBeInTheDocument();
    expect(settingsUpdates(fake)).toEqual([]);
    await user.keyboard('{Control>}{Alt>}k{/Alt}{/Control}');
    expect(settingsUpdates(fake).at(-1)).toEqual({
      type: 'settings/update',
      settings: { discomfortShortcut: 'CommandOrControl+Alt+K' },
    });
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(settingsUpdates(fake).at(-1)).toEqual({ type: 'settings/update', settings: { discomfortShortcut: '' } });
  });
});
