import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW, createFakeApi, emptyDay, makeState } from './fake-api';
import { freezeDate, renderApp } from './render';

const MIN = 60_000;
const iso = (offsetMin: number) => new Date(NOW.getTime() + offsetMin * MIN).toISOString();
const due = (patch: Parameters<typeof makeState>[0] = {}) =>
  makeState({ phase: 'due', stretchStart: iso(-55), nextBreakAt: iso(0), ...patch });

beforeEach(freezeDate);
afterEach(() => vi.useRealTimers());

describe('the prompt after a hold', () => {
  it('says how long the break was held (getDay().heldMin)', async () => {
    const fake = createFakeApi(due(), { day: { ...emptyDay(), heldMin: 25 } });
    renderApp(fake, '#/prompt');
    expect(await screen.findByRole('heading', { level: 1, name: 'Time to move' })).toBeInTheDocument();
    expect(await screen.findByText('Held for 25 min while you were busy.')).toBeInTheDocument();
    expect(screen.queryByText(/still seem busy/)).not.toBeInTheDocument();
  });

  it('says nothing about holding when the break was never held', async () => {
    const fake = createFakeApi(due(), { day: { ...emptyDay(), heldMin: null } });
    renderApp(fake, '#/prompt');
    expect(await screen.findByRole('heading', { level: 1, name: 'Time to move' })).toBeInTheDocument();
    // The day view has arrived (it feeds the note) and still no note.
    await vi.waitFor(() => expect(fake.dayCalls).toBeGreaterThan(0));
    expect(screen.queryByText(/Held for/)).not.toBeInTheDocument();
  });

  it('after the longest hold ran out while still busy, a snooze is offered kindly', async () => {
    const fake = createFakeApi(due({ busy: ['meeting'] }), { day: { ...emptyDay(), heldMin: 60 } });
    renderApp(fake, '#/prompt');
    expect(
      await screen.findByText('Held for 1 h while you were busy. You still seem busy, so a snooze is fine too.'),
    ).toBeInTheDocument();
  });

  it('a short hold reads naturally', async () => {
    const fake = createFakeApi(due(), { day: { ...emptyDay(), heldMin: 0 } });
    renderApp(fake, '#/prompt');
    expect(await screen.findByText('Held for less than a minute while you were busy.')).toBeInTheDocument();
  });
});
