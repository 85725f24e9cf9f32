import './canvas-stubs';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { CompanionProvider } from '../../renderer/data/companion';
import { ProgressScreen } from '../../renderer/pages/progress';
import { setI18n } from 'react-i18next';
import { createI18n } from '../../shared/i18n';
import { NOW, THIS_MONDAY, addProgram, createFakeApi, makeState, weekSummary } from './fake-api';

const DAY = 24 * 60 * 60_000;
/** The engine's weeks around the program's: fewer good feelings and one check-in. */
const week = (weeksAgo: number) =>
  weekSummary(weeksAgo, {
    feelings: { better: 2, same: 2, worse: 0 },
    checkins: { count: 1, painLow: 2, painHigh: 4 },
  });

/** The Progress page over an engine whose program service is the real one (addProgram). */
function setup(act_: (service: ReturnType<typeof addProgram>['service']) => void) {
  const fake = createFakeApi(makeState());
  const program = addProgram(fake, { start: THIS_MONDAY.getTime() + 8 * 60 * 60_000 });
  act_(program.service);
  const reportCalls: [string | undefined, string | undefined][] = [];
  // As the engine does (runner-reads.ts getProgramReport): the service's rows over [from, to).
  fake.api.getProgramReport = async (from, to) => {
    reportCalls.push([from, to]);
    return program.service.reportRows(Date.parse(from!), Date.parse(to!));
  };
  // As the engine does (runner-reads.ts withProgramWeek): each week gets the program's week.
  fake.api.getProgress = async (weeks: number) => ({
    summaries: Array.from({ length: weeks }, (_, i) => {
      const w = week(weeks - 1 - i);
      return { ...w, program: program.service.weekSummary(new Date(w.weekStart)) };
    }),
    checkins: [],
  });
  render(
    <CompanionProvider api={fake.api}>
      <ProgressScreen />
    </CompanionProvider>,
  );
  return Object.assign(program, { reportCalls });
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  setI18n(createI18n('en'));
});

describe('Progress: the home program in the shown week', { timeout: 30_000 }, () => {
  it('shows sessions done against planned, the lane, walking, stiffness and confidence from the engine', async () => {
    const program = setup((service) => {
      service.dispatch({ type: 'program/start' });
      service.dispatch({ type: 'program/session-start' });
      service.dispatch({ type: 'program/session-end', answer: 'same', legWorse: false, soreness: false });
      service.dispatch({ type: 'program/track-walk', minutes: 25 });
      service.dispatch({ type: 'program/track-stiffness', minutes: 10 });
      service.dispatch({ type: 'program/track-stiffness', minutes: 20 });
      service.dispatch({ type: 'program/track-confidence', task: 'lift the laundry basket', rating: 6 });
    });
    try {
      const expected = program.service.weekSummary(THIS_MONDAY);
      expect(expected.done).toBe(1);
      const section = (await screen.findByRole('heading', { name: 'Home program' })).closest('section')!;
      const fact = (label: string) => within(section).getByText(label).nextElementSibling?.textContent;
      const percent = `${Math.round((1 / expected.planned) * 100)}%`;
      expect(fact('Sessions done / planned')).toBe(`1 of ${expected.planned} so far (${percent})`);
      expect(fact('Current lane')).toBe('Calm · Short sessions, two or three a day');
      expect(fact('Walking')).toBe('25 min on 1 day');
      expect(fact('Morning stiffness')).toBe('15 min on average');
      expect(fact('Confidence task')).toBe('lift the laundry basket: 6 of 10');
      expect(within(section).getByRole('link', { name: 'Open the program' })).toHaveAttribute(
        'href',
        expect.stringContaining('program'),
      );

      // Last week (before the program started): the card follows the shown week.
      await act(async () => {
        within(screen.getByRole('group', { name: /week/i }))
          .getByRole('button', { name: /Earlier/ })
          .click();
      });
      const earlier = screen.getByRole('heading', { name: 'Home program' }).closest('section')!;
      expect(within(earlier).getByText('Sessions done / planned').nextElementSibling?.textContent).toMatch(/^0 /);
      expect(within(earlier).getAllByText('Not logged')).toHaveLength(3);
      // A past week's lane is the one that week ran in, and says so.
      expect(within(earlier).queryByText('Current lane')).toBeNull();
      expect(within(earlier).getByText('Lane that week').nextElementSibling?.textContent).toMatch(/^Calm · /);
    } finally {
      program.cleanup();
    }
  });

  it('says when the program has not been started, in the chosen language', async () => {
    setI18n(createI18n('de'));
    const program = setup(() => {});
    try {
      expect(await screen.findByRole('heading', { name: 'Heimprogramm' })).toBeInTheDocument();
      expect(screen.getByText(/Das Heimprogramm ist noch nicht gestartet/)).toBeInTheDocument();
    } finally {
      program.cleanup();
    }
  });

  it('has no program card when the engine runs without the program', async () => {
    const fake = createFakeApi(makeState());
    fake.api.getProgress = async (weeks: number) => ({
      summaries: Array.from({ length: weeks }, (_, i) => week(weeks - 1 - i)),
      checkins: [],
    });
    render(
      <CompanionProvider api={fake.api}>
        <ProgressScreen />
      </CompanionProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'This week so far' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Home program' })).toBeNull();
  });

  it('the therapist report lists the program rows over the report period, labelled like the engine', async () => {
    const program = setup((service) => {
      service.dispatch({ type: 'program/start' });
      service.dispatch({ type: 'program/session-start' });
      service.dispatch({ type: 'program/session-end', answer: 'better', legWorse: false, soreness: true });
      service.dispatch({ type: 'program/track-walk', minutes: 30, metres: 2400 });
      service.dispatch({ type: 'program/track-confidence', task: 'lift the laundry basket', rating: 4 });
      service.dispatch({ type: 'program/track-confidence', task: 'lift the laundry basket', rating: 6 });
    });
    try {
      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: 'Report for your physical therapist' }));
      const dialog = await screen.findByRole('dialog', { name: /12-week report/ });
      const section = (await within(dialog).findByRole('heading', { name: 'Home program' })).closest('section')!;
      // The 12 weeks shown: from their first Monday to the end of this week.
      const [from, to] = program.reportCalls.at(-1)!;
      expect(new Date(from!).getTime()).toBe(THIS_MONDAY.getTime() - 11 * 7 * DAY);
      expect(new Date(to!).getTime()).toBe(new Date(2026, 10, 30).getTime());
      const rows = program.service.reportRows(Date.parse(from!), Date.parse(to!));
      const shown = within(section)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
      // In English, every label and value reads exactly as the engine wrote it.
      expect(shown).toEqual(rows.map((r) => [r.label, r.value]));
      expect(shown).toContainEqual(['Sessions done / planned', expect.stringMatching(/^1 \/ \d+$/)]);
      expect(shown).toContainEqual(['Walking logged', '30 min, 2.4 km']);
      expect(shown).toContainEqual(['Confidence task', 'lift the laundry basket: 4 → 6 of 10']);

      // A shorter period asks for the program's rows over those weeks only.
      await user.selectOptions(within(dialog).getByLabelText('Period'), '4');
      await waitFor(() =>
        expect(new Date(program.reportCalls.at(-1)![0]!).getTime()).toBe(THIS_MONDAY.getTime() - 3 * 7 * DAY),
      );
    } finally {
      program.cleanup();
    }
  });

  it('the report says the program rows in the chosen language', async () => {
    setI18n(createI18n('de'));
    const program = setup((service) => {
      service.dispatch({ type: 'program/start' });
      service.dispatch({ type: 'program/track-stiffness', minutes: 20 });
    });
    try {
      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: /Bericht/ }));
      const dialog = await screen.findByRole('dialog');
      const section = (await within(dialog).findByRole('heading', { name: 'Heimprogramm' })).closest('section')!;
      const value = (label: string) => within(section).getByText(label).nextElementSibling?.textContent;
      expect(value('Aktuelle Spur')).toBe('Ruhe (Beschwerden beruhigen)');
      expect(value('Plan')).toBe('Kurze Einheiten, zwei- oder dreimal am Tag');
      expect(value('Morgensteifigkeit (Durchschnitt)')).toBe('20 Min.');
      expect(value('Gehen erfasst')).toBe('Nicht erfasst');
    } finally {
      program.cleanup();
    }
  });
});
