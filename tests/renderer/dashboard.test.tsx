import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW, createFakeApi, emptyDay, makeState } from './fake-api';
import { freezeDate, renderApp } from './render';

const MIN = 60_000;
const iso = (offsetMin: number) => new Date(NOW.getTime() + offsetMin * MIN).toISOString();

beforeEach(freezeDate);
afterEach(() => vi.useRealTimers());

describe('dashboard', () => {
  const phases: [string, Parameters<typeof makeState>[0], RegExp, RegExp][] = [
    ['sitting', {}, /Next break in 12 min/, /Sitting/],
    ['due', { phase: 'due', nextBreakAt: iso(0) }, /Time to move/, /Break due/],
    ['routine', { phase: 'routine', nextBreakAt: null, stretchStart: null }, /Break in progress/, /On a break/],
    ['away', { phase: 'away', nextBreakAt: null, stretchStart: null }, /Away from the desk/, /^Away$/],
    [
      'paused',
      { phase: 'paused', nextBreakAt: null, stretchStart: null, pausedUntil: iso(90) },
      /Paused until/,
      /^Paused$/,
    ],
    [
      'off-hours',
      {
        phase: 'off-hours',
        nextBreakAt: null,
        stretchStart: null,
        settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' } },
      },
      /Outside your working hours/,
      /Off hours/,
    ],
  ];

  it.each(phases)('says the %s phase in words', async (_name, patch, title, pill) => {
    const fake = createFakeApi(makeState(patch));
    renderApp(fake);
    expect(await screen.findByRole('heading', { level: 2, name: title })).toBeInTheDocument();
    const status = screen.getByRole('region', { name: title });
    expect(within(status).getByText(pill)).toBeInTheDocument();
  });

  it('names the working days and hours when outside them', async () => {
    const fake = createFakeApi(
      makeState({
        phase: 'off-hours',
        nextBreakAt: null,
        stretchStart: null,
        settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' } },
      }),
    );
    renderApp(fake);
    expect(await screen.findByText(/Reminders run Mon–Fri/)).toBeInTheDocument();
  });

  it('shows the time left in the ring and follows state events from the engine', async () => {
    const fake = createFakeApi(makeState());
    renderApp(fake);
    expect(await screen.findByText('12')).toBeInTheDocument();
    expect(screen.getByText('min')).toBeInTheDocument();
    const callsBefore = fake.dayCalls;
    act(() => fake.emit(makeState({ phase: 'due', nextBreakAt: iso(0) })));
    expect(await screen.findByRole('heading', { name: 'Time to move' })).toBeInTheDocument();
    // The day view is read again after each change.
    await waitFor(() => expect(fake.dayCalls).toBeGreaterThan(callsBefore));
  });

  it('takes a break now', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Take a break now' }));
    expect(fake.dispatched).toEqual([{ type: 'break/start' }]);
  });

  it('pauses for an hour from the pause menu, then resumes', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake);
    const pause = await screen.findByRole('button', { name: 'Pause' });
    expect(pause).toHaveAttribute('aria-expanded', 'false');
    await user.click(pause);
    expect(pause).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: /For 1 hour/ }));
    expect(fake.dispatched).toEqual([{ type: 'pause', until: iso(60) }]);
    expect(await screen.findByRole('heading', { name: /Paused until/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(fake.dispatched[1]).toEqual({ type: 'resume' });
    expect(await screen.findByRole('heading', { name: /Next break in/ })).toBeInTheDocument();
  });

  it('offers "until tomorrow" at the start of tomorrow’s working hours', async () => {
    const fake = createFakeApi(
      makeState({ settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:00' } } }),
    );
    const { user } = renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    await user.click(screen.getByRole('button', { name: /Until tomorrow/ }));
    const tomorrow = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + 1, 8, 30);
    expect(fake.dispatched).toEqual([{ type: 'pause', until: tomorrow.toISOString() }]);
  });

  it('closes the pause menu with Escape and returns focus to its button', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake);
    const pause = await screen.findByRole('button', { name: 'Pause' });
    await user.click(pause);
    expect(screen.getByRole('button', { name: /For 30 minutes/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /For 1 hour/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(pause).toHaveAttribute('aria-expanded', 'false');
    expect(pause).toHaveFocus();
    expect(fake.dispatched).toEqual([]);
  });

  it('shows the engine’s refusal next to the buttons', async () => {
    const fake = createFakeApi(makeState());
    fake.refuseWith(() => 'Cannot start a break while paused');
    const { user } = renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Take a break now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot start a break while paused');
    await user.click(screen.getByRole('button', { name: 'Dismiss this message' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists today’s stretches, marks discomfort, and counts breaks', async () => {
    const day = {
      ...emptyDay(),
      stretches: [
        { start: iso(-120), end: iso(-80), discomfortAt: iso(-90) },
        { start: iso(-70), end: iso(-30), discomfortAt: null },
        { start: iso(-18), end: null, discomfortAt: null },
      ],
      breaks: [
        {
          dueAt: iso(-80),
          outcome: 'natural' as const,
          at: iso(-80),
          snoozes: 0,
          routineId: null,
          seconds: 0,
          feeling: null,
        },
        {
          dueAt: iso(-30),
          outcome: 'taken' as const,
          at: iso(-30),
          snoozes: 2,
          routineId: 'classic-snack',
          seconds: 60,
          feeling: 'better' as const,
        },
        {
          dueAt: iso(-40),
          outcome: 'skipped' as const,
          at: iso(-40),
          snoozes: 0,
          routineId: null,
          seconds: 0,
          feeling: null,
        },
      ],
      discomforts: [{ at: iso(-90), inStretch: true }],
      snoozes: 2,
    };
    const fake = createFakeApi(makeState(), { day });
    renderApp(fake);
    const list = await screen.findByRole('list', { name: 'Sitting stretches today' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('40 min');
    expect(items[0]).toHaveTextContent(/Back complained at/);
    expect(items[2]).toHaveTextContent('Still sitting');
    expect(items[2]).toHaveTextContent('18 min');

    const stat = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement!;
    expect(stat('Taken')).toHaveTextContent('1');
    expect(stat('Snoozed')).toHaveTextContent('2');
    expect(stat('Skipped')).toHaveTextContent('1');
    expect(stat('Natural')).toHaveTextContent('1');
    expect(screen.getByText(/1 h 38 min in 3 stretches · longest 40 min/)).toBeInTheDocument();
  });

  it('records a discomfort report and thanks the user', async () => {
    const fake = createFakeApi(makeState());
    const { user } = renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'My back is complaining' }));
    expect(fake.dispatched).toEqual([{ type: 'discomfort/report' }]);
    expect(await screen.findByText(/Noted at/)).toBeInTheDocument();
  });

  it('shows engine warnings in a banner that can be dismissed', async () => {
    const warning = 'Your settings file was damaged and kept aside as settings.corrupt-1.json.';
    const fake = createFakeApi(makeState({ warnings: [warning] }));
    const { user } = renderApp(fake);
    const banner = await screen.findByRole('region', { name: 'Messages from Movesnack' });
    expect(banner).toHaveTextContent(warning);
    await user.click(within(banner).getByRole('button', { name: 'Dismiss this message' }));
    expect(screen.queryByText(warning)).not.toBeInTheDocument();
  });

  it('goes where the shell asks (navigate event)', async () => {
    const fake = createFakeApi(makeState());
    renderApp(fake);
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    act(() => fake.navigate('settings'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Settings/ })).toHaveAttribute('aria-current', 'page');
  });

  it('falls back to the dashboard for a view it does not know', async () => {
    const fake = createFakeApi(makeState());
    renderApp(fake, '#/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
  });

  it('applies the theme from settings to <html>', async () => {
    const fake = createFakeApi(makeState({ settings: { theme: 'dark' } }));
    renderApp(fake);
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    // The heading can show before the engine's state arrives; the theme follows the state.
    await waitFor(() => expect(document.documentElement).toHaveClass('theme-dark'));
    act(() => fake.emit(makeState({ settings: { theme: 'light' } })));
    await waitFor(() => expect(document.documentElement).toHaveClass('theme-light'));
    expect(document.documentElement).not.toHaveClass('theme-dark');
    act(() => fake.emit(makeState({ settings: { theme: 'system' } })));
    await waitFor(() => expect(document.documentElement).not.toHaveClass('theme-light'));
  });

  it('says so when it cannot read the state, and retries', async () => {
    const fake = createFakeApi(makeState());
    let fail = true;
    const real = fake.api.getState;
    fake.api.getState = async () => {
      if (fail) throw new Error("Error invoking remote method 'movesnack:getState': Error: store is busy");
      return real();
    };
    const { user } = renderApp(fake);
    expect(await screen.findByRole('alert')).toHaveTextContent('store is busy');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
  });
});
