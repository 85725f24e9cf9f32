import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PLAIN_BREAK_ID } from '../../shared/profile';
import { NOW, createFakeApi, emptyDay, makeState } from './fake-api';
import { freezeDate, renderApp } from './render';

const MIN = 60_000;
const iso = (offsetMin: number) => new Date(NOW.getTime() + offsetMin * MIN).toISOString();
const clock = (offsetMin: number) =>
  new Date(NOW.getTime() + offsetMin * MIN).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

beforeEach(freezeDate);
afterEach(() => vi.useRealTimers());

/** Came due 12 minutes ago in a call; the longest hold (60 min) ends in 48 minutes. */
const held = (patch: Parameters<typeof makeState>[0] = {}) =>
  makeState({
    phase: 'deferred',
    busy: ['meeting'],
    stretchStart: iso(-42),
    deferredSince: iso(-12),
    nextBreakAt: iso(48),
    ...patch,
  });

const dayWithOpenStretch = () => ({
  ...emptyDay(),
  stretches: [{ start: iso(-42), end: null, endedBy: null, discomfortAt: null }],
});

describe('dashboard: a break held while busy', () => {
  it('says why the break is held and when it comes anyway', async () => {
    const fake = createFakeApi(held(), { day: dayWithOpenStretch() as never });
    renderApp(fake);
    const status = await screen.findByRole('region', { name: /Break held — you're in a call/ });
    expect(within(status).getByRole('heading', { level: 2 })).toHaveTextContent("Break held — you're in a call");
    expect(within(status).getByText('Break held', { selector: '.pill' })).toBeInTheDocument();
    expect(within(status).getByText(new RegExp(`It will come anyway around ${clock(48)}`))).toBeInTheDocument();
    expect(within(status).getByText(new RegExp(`Due since ${clock(-12)}`))).toBeInTheDocument();
    // The ring shows the part of the longest hold still to go: 48 of 60 minutes.
    expect(document.querySelector('.ring-value')).toHaveAttribute('data-value', '0.800');
    // No prompt choices while held; pausing and noting discomfort still work.
    expect(within(status).queryByRole('button', { name: /Snooze/ })).not.toBeInTheDocument();
    expect(within(status).getByRole('button', { name: /Pause/ })).toBeInTheDocument();
    expect(within(status).getByRole('link', { name: 'Choose what holds a break' })).toHaveAttribute(
      'href',
      '#/settings',
    );
    // The timeline marks the hold on the open stretch.
    expect(await screen.findByText(`Break held since ${clock(-12)}`)).toBeInTheDocument();
  });

  it('names the first busy reason the way people say it', async () => {
    const fake = createFakeApi(held({ busy: ['dnd', 'fullscreen'] }));
    renderApp(fake);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Break held — something is fullscreen' }),
    ).toBeInTheDocument();
  });

  it('"Take it now" starts the break; a held-back routine starts the plain walking break', async () => {
    const screened = { redFlags: { answeredAt: NOW.toISOString(), present: [], clearedAt: null } };
    const fake = createFakeApi(held(), { profile: screened });
    const { user, unmount } = renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Take it now' }));
    await waitFor(() => expect(fake.dispatched.at(-1)).toEqual({ type: 'break/start' }));
    unmount();

    // Safety check never answered: the plain walking break, from the keyboard.
    const blocked = createFakeApi(held(), { profile: { redFlags: null } });
    const second = renderApp(blocked);
    const take = await screen.findByRole('button', { name: 'Take it now' });
    take.focus();
    await second.user.keyboard('{Enter}');
    await waitFor(() => expect(blocked.dispatched.at(-1)).toEqual({ type: 'break/start', routineId: PLAIN_BREAK_ID }));
  });

  it('follows the engine when the hold ends and the break comes due', async () => {
    const fake = createFakeApi(held());
    fake.setDay({ ...emptyDay(), heldMin: 12 });
    renderApp(fake);
    await screen.findByRole('heading', { level: 2, name: /Break held/ });
    fake.emit(makeState({ phase: 'due', stretchStart: iso(-42), nextBreakAt: iso(0) }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Time to move' })).toBeInTheDocument();
    expect(await screen.findByText('Held for 12 min while you were busy.')).toBeInTheDocument();
  });
});
