import './canvas-stubs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { CompanionProvider } from '../../renderer/data/companion';
import { ProgressScreen } from '../../renderer/pages/progress';
import { DEFAULT_PROFILE } from '../../shared/profile';
import type { WeeklySummary } from '../../shared/summary';
import { NOW, createFakeApi, makeState, weekSummary } from './fake-api';

const week = (weeksAgo: number, deferred: number) => weekSummary(weeksAgo, { breaks: { deferred } });

function renderProgress(summaries: WeeklySummary[]) {
  const fake = createFakeApi(makeState());
  const api = {
    ...fake.api,
    getProgress: async () => ({ summaries, checkins: [] }),
    getProfile: async () => ({ ...DEFAULT_PROFILE, firstRunDone: true }),
  };
  const user = userEvent.setup();
  render(
    <CompanionProvider api={api}>
      <ProgressScreen />
    </CompanionProvider>,
  );
  return { user };
}

beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('Progress: breaks held while busy', { timeout: 30_000 }, () => {
  it('the week card says how many breaks were held, and the numbers table has them per week', async () => {
    const { user } = renderProgress([week(2, 0), week(1, 1), week(0, 3)]);
    const card = (await screen.findByRole('heading', { name: 'This week so far' })).closest('section')!;
    expect(within(card).getByText('3 breaks were held this week while you were busy.')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: /Earlier week/ }));
    expect(await within(card).findByText('1 break was held that week while you were busy.')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: /Earlier week/ }));
    expect(within(card).queryByText(/held/)).not.toBeInTheDocument();

    const chart = screen.getByRole('figure', { name: 'Breaks: taken, skipped, already up' });
    expect(within(chart).getByText(/4 breaks were held while you were busy\./)).toBeInTheDocument();
    await user.click(within(chart).getByText('Show the numbers'));
    const table = within(chart).getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Held while busy' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').at(-1)!.textContent)).toEqual(['0', '1', '3']);
  });
});
