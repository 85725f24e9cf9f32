import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeState } from './fake-api';
import { freezeDate, renderApp } from './render';

beforeEach(freezeDate);
afterEach(() => vi.useRealTimers());

const updates = (fake: ReturnType<typeof createFakeApi>) =>
  fake.dispatched.filter((a) => a.type === 'settings/update').map((a) => a.type === 'settings/update' && a.settings);

async function openCard(fake: ReturnType<typeof createFakeApi>) {
  const utils = renderApp(fake, '#/settings');
  const card = await screen.findByRole('region', { name: 'Hold breaks while you’re busy' });
  return { ...utils, card: within(card) };
}

describe('Settings: hold breaks while you are busy', () => {
  it('has one explained switch per reason, each sending the whole deferFor', async () => {
    const fake = createFakeApi(
      makeState({ settings: { deferFor: { fullscreen: true, dnd: false, meeting: true, app: true } } }),
    );
    const { user, card } = await openCard(fake);
    const meeting = card.getByRole('switch', { name: 'In a call' });
    expect(meeting).toHaveAttribute('aria-checked', 'true');
    expect(meeting).toHaveAccessibleDescription(/camera or microphone/);
    expect(card.getByRole('switch', { name: 'Something fullscreen' })).toHaveAccessibleDescription(
      /presentation, a film or a game/,
    );
    const dnd = card.getByRole('switch', { name: 'Do Not Disturb' });
    expect(dnd).toHaveAttribute('aria-checked', 'false');
    expect(card.getByRole('switch', { name: 'Apps on your list' })).toHaveAccessibleDescription(/apps listed below/);

    await user.click(meeting);
    await waitFor(() =>
      expect(updates(fake)).toEqual([{ deferFor: { fullscreen: true, dnd: false, meeting: false, app: true } }]),
    );
    expect(meeting).toHaveAttribute('aria-checked', 'false');

    // From the keyboard: focus the switch and press Space.
    dnd.focus();
    await user.keyboard(' ');
    await waitFor(() =>
      expect(fake.state.settings.deferFor).toEqual({ fullscreen: true, dnd: true, meeting: false, app: true }),
    );
  });

  it('refuses a longest hold out of range, says the range and sends nothing', async () => {
    const fake = createFakeApi(makeState());
    const { user, card } = await openCard(fake);
    const input = card.getByLabelText('Longest hold');
    expect(input).toHaveValue(60);
    expect(input).toHaveAccessibleDescription(/0 to 240 minutes; 0 never holds a break/);
    await user.clear(input);
    await user.type(input, '300');
    await user.keyboard('{Enter}');
    expect(await card.findByText('Longest hold must be between 0 and 240.')).toBeInTheDocument();
    expect(card.getByText('Still using 60 min.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(updates(fake)).toEqual([]);

    // 0 is allowed and means never: the card says so.
    await user.clear(input);
    await user.type(input, '0');
    await user.tab();
    await waitFor(() => expect(updates(fake)).toEqual([{ maxDeferMin: 0 }]));
    expect(card.queryByText(/must be between/)).not.toBeInTheDocument();
    expect(await card.findByText(/Breaks are never held while the longest hold is 0 minutes/)).toBeInTheDocument();
  });

  it('adds and removes apps from the keyboard, refusing empty and repeated names', async () => {
    const fake = createFakeApi(makeState({ settings: { deferApps: ['zoom'] } }));
    const { user, card } = await openCard(fake);
    const list = card.getByRole('list', { name: 'Your app list' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['zoom']);

    const field = card.getByRole('textbox', { name: 'Add an app' });
    expect(field).toHaveAccessibleDescription(/Process names/);
    // Empty: the shared schema's message, nothing sent.
    await user.click(field);
    await user.keyboard('{Enter}');
    expect(await card.findByText('An app name cannot be empty.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(updates(fake)).toEqual([]);

    // Already listed (capitals and .exe do not matter).
    await user.type(field, 'Zoom.exe{Enter}');
    expect(await card.findByText('Zoom.exe is already on the list.')).toBeInTheDocument();
    expect(updates(fake)).toEqual([]);

    // A new one, trimmed; the field empties and keeps focus for the next name.
    await user.clear(field);
    await user.type(field, '  obs {Enter}');
    await waitFor(() => expect(updates(fake)).toEqual([{ deferApps: ['zoom', 'obs'] }]));
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    expect(card.queryByRole('alert')).not.toBeInTheDocument();
    expect(await card.findByText('Added obs.')).toBeInTheDocument();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['zoom', 'obs']);

    // Remove the first with the keyboard: focus moves to the button that took its place.
    card.getByRole('button', { name: 'Remove zoom' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.state.settings.deferApps).toEqual(['obs']));
    expect(await card.findByText('Removed zoom.')).toBeInTheDocument();
    await waitFor(() => expect(card.getByRole('button', { name: 'Remove obs' })).toHaveFocus());

    // Remove the last: the list is empty and focus goes to the name field.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.state.settings.deferApps).toEqual([]));
    expect(await card.findByText('No apps on the list yet.')).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveFocus());
  });

  it('shows the engine’s refusal beside the list and keeps what was typed', async () => {
    const fake = createFakeApi(makeState());
    fake.refuseWith((a) =>
      a.type === 'settings/update' && a.settings.deferApps ? 'deferApps: list at most 50 apps' : null,
    );
    const { user, card } = await openCard(fake);
    const field = card.getByRole('textbox', { name: 'Add an app' });
    await user.type(field, 'teams{Enter}');
    expect(await card.findByRole('alert')).toHaveTextContent('list at most 50 apps');
    expect(field).toHaveValue('teams');
    expect(field).toHaveAccessibleDescription(/list at most 50 apps/);
    expect(fake.state.settings.deferApps).toEqual([]);
  });
});
