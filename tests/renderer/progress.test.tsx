import './canvas-stubs';
import { smartIntervalOffer } from '../../main/core/smart-interval-offer';
import { emptyHistory } from '../../shared/history';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { CompanionProvider } from '../../renderer/data/companion';
import { ProgressScreen } from '../../renderer/pages/progress';
import type { DayView, ProgressView } from '../../shared/ipc-contract';
import type { MovesnackExport } from '../../shared/export-format';
import type { Settings } from '../../shared/settings';
import type { WeeklySummary } from '../../shared/summary';
import { DEFAULT_PROFILE } from '../../shared/profile';
import { CSV_COLUMNS } from '../../shared/csv';
import { NOW, createFakeApi, makeState, weekSummary } from './fake-api';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const summary = weekSummary;

/** 13 weeks, oldest first, improving slowly; the last two are the ones the week card compares. */
function thirteenWeeks(): WeeklySummary[] {
  const weeks = Array.from({ length: 13 }, (_, i) => {
    const ago = 12 - i;
    return summary(ago, { tolerance: { medianMin: 20 + i, atLeastMin: null } });
  });
  weeks[11] = summary(1, { tolerance: { medianMin: 31, atLeastMin: null }, checkins: { painLow: 2, painHigh: 5 } });
  weeks[12] = summary(0, {
    tolerance: { medianMin: 38, atLeastMin: null },
    previousTolerance: { medianMin: 31, atLeastMin: null },
    checkins: { painLow: 1, painHigh: 3 },
    wins: ['Lifted the laundry basket without bracing'],
  });
  return weeks;
}

function exportFile(): MovesnackExport {
  return {
    format: 'movesnack-export',
    version: 1,
    exportedAt: NOW.toISOString(),
    settings: {},
    profile: {},
    stretches: [
      { start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T09:40:00.000Z', endedBy: 'routine', discomfortAt: null },
    ],
    breaks: [],
    checkins: [
      {
        at: '2026-11-23T17:00:00.000Z',
        painLow: 1,
        painHigh: 3,
        stiffnessMin: 5,
        walkingMin: 20,
        confidence: 7,
        note: '=2+2 done',
      },
    ],
    checklists: [],
  };
}

function setup(
  options: {
    weeks?: WeeklySummary[];
    settings?: Partial<Settings>;
    days?: DayView[];
    savePdf?: (name: string) => Promise<{ savedTo: string | null }>;
  } = {},
) {
  const fake = createFakeApi(makeState({ settings: options.settings ?? {} }));
  const memory = { lastRaiseAt: null, dismissedUntil: null };
  const progress: ProgressView = { summaries: options.weeks ?? thirteenWeeks(), checkins: [] };
  const calls = { getProgress: [] as number[], imported: [] as unknown[] };
  const api = {
    ...fake.api,
    getProgress: async (weeks: number) => {
      calls.getProgress.push(weeks);
      return weeks >= 13 ? progress : { summaries: progress.summaries.slice(-weeks), checkins: progress.checkins };
    },
    getProfile: async () => ({ ...DEFAULT_PROFILE, confidenceTask: 'lift the laundry basket' }),
    // The engine's offer, computed by the engine's own function from these days' stretches.
    getSmartInterval: async () => {
      const settings = { ...fake.state.settings };
      const history = {
        ...emptyHistory(),
        stretches: (options.days ?? []).flatMap((d) =>
          d.stretches.map((st) => ({ ...st, end: st.end!, endedBy: 'natural' as const })),
        ),
      };
      return smartIntervalOffer(history, null, memory, settings.breakIntervalMin, settings.smartInterval, Date.now());
    },
    getDay: async (date?: string) =>
      options.days?.find((d) => d.date.slice(0, 10) === (date ?? '').slice(0, 10)) ?? {
        date: date ?? NOW.toISOString(),
        stretches: [],
        breaks: [],
        discomforts: [],
        snoozes: 0,
      },
    exportData: async () => exportFile(),
    ...(options.savePdf ? { savePdf: options.savePdf } : {}),
    importData: async (data: unknown) => {
      calls.imported.push(data);
      if ((data as { format?: string }).format !== 'movesnack-export') {
        throw new Error('Invalid import file: format: not a Movesnack export (format must be "movesnack-export")');
      }
      return { imported: 2 };
    },
  };
  const user = userEvent.setup();
  const utils = render(
    <CompanionProvider api={api}>
      <ProgressScreen />
    </CompanionProvider>,
  );
  return { ...utils, user, fake, calls };
}

/** Date frozen at NOW; timers stay real so Testing Library can wait. */
const freezeDate = () => vi.useFakeTimers({ now: NOW, toFake: ['Date'] });

beforeEach(() => {
  freezeDate();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Progress: this week against last week', { timeout: 30_000 }, () => {
  it('says it in plain words, from meaningful-change', async () => {
    setup();
    const card = (await screen.findByRole('heading', { name: 'This week so far' })).closest('section')!;
    expect(
      within(card).getByText('You sat comfortably for about 38 minutes at a stretch, up from 31 last week.'),
    ).toBeInTheDocument();
    expect(
      within(card).getByText(
        'Your pain ran from about 1 to 3 out of 10 on average, down from 2 to 5 last week — a meaningful drop in your worst pain.',
      ),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('A good week: you sat comfortably for longer and your pain came down meaningfully.'),
    ).toBeInTheDocument();
    expect(within(card).getAllByText('Better').length).toBeGreaterThanOrEqual(2); // tone in words, not colour alone
    expect(within(card).getByText('Lifted the laundry basket without bracing')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Add a check-in' })).toHaveAttribute('href', '#/checkin');
  });

  it('opens on last week while this week is still empty, and steps between weeks', async () => {
    const weeks = thirteenWeeks();
    weeks[12] = summary(0, {
      stretchCount: 1,
      checkins: { count: 0, painLow: null, painHigh: null, stiffnessMin: null, walkingMin: null, confidence: null },
    });
    const { user } = setup({ weeks });
    expect(await screen.findByRole('heading', { name: 'Last week' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Later week/ }));
    expect(screen.getByRole('heading', { name: 'This week so far' })).toBeInTheDocument();
    expect(screen.getByText(/Only 1 sitting stretch was recorded this week — too few/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Later week/ })).toBeDisabled();
    for (let i = 0; i < 11; i++) await user.click(screen.getByRole('button', { name: /Earlier week/ }));
    expect(screen.getByRole('heading', { name: /^Week of / })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Earlier week/ })).toBeDisabled();
  });
});

describe('Progress: charts', { timeout: 30_000 }, () => {
  it('draws four charts over 12 weeks, each with a sentence and a table of the numbers', async () => {
    const { container, calls } = setup();
    await screen.findByRole('heading', { name: 'The last 12 weeks' });
    expect(calls.getProgress).toContain(13);
    const figures = screen.getAllByRole('figure');
    expect(figures.map((f) => within(f).getByRole('heading').textContent)).toEqual([
      'Comfortable sitting, minutes at a stretch',
      'Pain range, average of check-ins (0–10)',
      'Breaks: taken, skipped, already up',
      'Minutes of routines',
    ]);
    // uPlot (loaded on first use) drew into each, hidden from screen readers; the sentence describes the figure.
    await waitFor(() => expect(container.querySelectorAll('.ms-chart-canvas .uplot')).toHaveLength(4));
    for (const f of figures) expect(f.querySelector('.ms-chart-canvas')).toHaveAttribute('aria-hidden', 'true');
    expect(figures[0]).toHaveAccessibleDescription(
      expect.stringMatching(
        /^Comfortable minutes at a stretch in the 12 weeks with enough data: about 21 in the week of .*, about 38 in the week of/,
      ),
    );
    const table = within(figures[0]!).getByRole('table', { hidden: true });
    expect(within(table).getAllByRole('row', { hidden: true })).toHaveLength(13);
    expect(within(table).getByText('about 38 min')).toBeInTheDocument();
    expect(figures[2]).toHaveAccessibleDescription(/108 breaks taken, 36 skipped, and 24 times you were already up/);
  });

  it('says so instead of drawing noise when there is too little data', async () => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
    const empty = { count: 0, painLow: null, painHigh: null, stiffnessMin: null, walkingMin: null, confidence: null };
    const weeks = Array.from({ length: 13 }, (_, i) =>
      summary(12 - i, {
        stretchCount: i === 12 ? 5 : 0,
        tolerance: i === 12 ? { medianMin: null, atLeastMin: 44 } : { medianMin: null, atLeastMin: null },
        checkins: empty,
        breaks: { due: 0, taken: 0, skipped: 0, natural: 0, snoozes: 0, adherence: null },
        routineMinutes: 0,
      }),
    );
    const { container } = setup({ weeks });
    await screen.findByRole('heading', { name: 'The last 12 weeks' });
    // Give a chart every chance to appear (timers and the lazy chart module), without sleeping.
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(container.querySelectorAll('.uplot')).toHaveLength(0);
    expect(
      screen.getByText(
        'Not enough sitting recorded yet to chart: this needs at least 2 weeks with 3 or more sitting stretches (there is 1 so far).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Not enough check-ins yet to chart pain/)).toBeInTheDocument();
    expect(screen.getByText(/Not enough breaks yet to chart/)).toBeInTheDocument();
    expect(screen.getByText(/Not enough routines yet to chart/)).toBeInTheDocument();
    // The week card uses "at least" wording when there is no median.
    expect(screen.getByText(/You sat comfortably for at least 44 minutes at a stretch this week/)).toBeInTheDocument();
  });
});

describe('Progress: smart interval', { timeout: 30_000 }, () => {
  it('is off until the user turns it on', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Turn on suggestions' }));
    expect(fake.dispatched).toEqual([{ type: 'settings/update', settings: { smartInterval: true } }]);
  });

  it('offers 80% of comfortable sitting with its reasons; Accept applies it, nothing before', async () => {
    // 12 stretches yesterday, each with discomfort after 25 minutes: median 25, offer 20.
    const yesterday = new Date(NOW.getTime() - DAY);
    const stretches = Array.from({ length: 12 }, (_, i) => {
      const start = yesterday.getTime() - i * 45 * MIN;
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + 35 * MIN).toISOString(),
        discomfortAt: new Date(start + 25 * MIN).toISOString(),
      };
    });
    const day: DayView = { date: yesterday.toISOString(), stretches, breaks: [], discomforts: [], snoozes: 0 };
    const { user, fake } = setup({ settings: { smartInterval: true, breakIntervalMin: 30 }, days: [day] });
    expect(await screen.findByText(/Suggestion: a break every/)).toHaveTextContent(
      'Suggestion: a break every 20 minutes rather than 30.',
    );
    expect(screen.getByText(/usually started to complain after about 25 minutes/)).toBeInTheDocument();
    expect(fake.dispatched).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Accept 20 minutes' }));
    await waitFor(() => expect(fake.dispatched).toEqual([{ type: 'interval/accept', minutes: 20 }]));
    expect(await screen.findByText('Done: your breaks now come every 20 minutes.')).toBeInTheDocument();
  });

  it('"Not now" changes nothing and waits a week', async () => {
    const yesterday = new Date(NOW.getTime() - DAY);
    const stretches = Array.from({ length: 12 }, (_, i) => {
      const start = yesterday.getTime() - i * 45 * MIN;
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + 35 * MIN).toISOString(),
        discomfortAt: new Date(start + 25 * MIN).toISOString(),
      };
    });
    const day: DayView = { date: yesterday.toISOString(), stretches, breaks: [], discomforts: [], snoozes: 0 };
    const { user, fake } = setup({ settings: { smartInterval: true }, days: [day] });
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    // The engine keeps "not now" (interval/dismiss); the interval itself is not touched.
    expect(fake.dispatched).toEqual([{ type: 'interval/dismiss' }]);
    expect(await screen.findByText(/The suggestion comes back in a week/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
  });

  it('with too few stretches, says how many it has and needs', async () => {
    setup({ settings: { smartInterval: true } });
    expect(
      await screen.findByText(/needs at least 10 sitting stretches from the last two weeks; there are 0 so far/),
    ).toBeInTheDocument();
  });
});

describe('Progress: data', { timeout: 30_000 }, () => {
  function captureDownloads() {
    const blobs: { blob: Blob; name: string }[] = [];
    let last: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      last = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      blobs.push({ blob: last!, name: this.download });
    });
    return blobs;
  }

  it('exports JSON and CSV (formula-guarded)', async () => {
    const downloads = captureDownloads();
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Export (JSON)' }));
    await user.click(screen.getByRole('button', { name: 'Export for a spreadsheet (CSV)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[0]!.name).toBe('movesnack-export-2026-11-24.json');
    expect(JSON.parse(await downloads[0]!.blob.text())).toEqual(exportFile());
    expect(downloads[1]!.name).toBe('movesnack-2026-11-24.csv');
    const csv = await downloads[1]!.blob.text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).toContain(",'=2+2 done\r\n");
    expect(await screen.findByText('Exported 1 stretches, 0 breaks, 1 check-ins as CSV.')).toBeInTheDocument();
  });

  it('imports a file and says how many records were new; refuses a bad one clearly', async () => {
    const { user, calls } = setup();
    const input = await screen.findByLabelText('Import a Movesnack export (JSON)');
    await user.upload(input, new File([JSON.stringify(exportFile())], 'backup.json', { type: 'application/json' }));
    expect(await screen.findByText('Imported 2 new records from "backup.json".')).toBeInTheDocument();
    expect(calls.imported).toEqual([exportFile()]);

    await user.upload(input, new File(['not json at all'], 'notes.txt', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '"notes.txt" is not a Movesnack export: it is not JSON. Nothing was imported.',
    );
    expect(calls.imported).toHaveLength(1);

    await user.upload(input, new File(['{"format":"other"}'], 'other.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Invalid import file: format: not a Movesnack export (format must be "movesnack-export") Nothing was imported.',
    );
  });
});

describe('Progress: report for a physical therapist', { timeout: 30_000 }, () => {
  it('opens a printable report of the last weeks with the numbers a therapist needs', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Report for your physical therapist' }));
    const dialog = await screen.findByRole('dialog', { name: /12-week report/ });
    // Data in every week: the 12-week period is chosen.
    expect(within(dialog).getByLabelText('Period')).toHaveValue('12');
    const rows = within(dialog).getAllByRole('row');
    expect(rows).toHaveLength(13);
    expect(
      within(rows[12]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['about 38 min', '14', '1–3', '20', '30', '5/10', '9/12 (75%)', '9', '1']);
    expect(
      within(dialog).getByText(/Task the person is working towards: “lift the laundry basket”/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/Lifted the laundry basket without bracing/)).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Period'), '4');
    expect(within(screen.getByRole('dialog')).getAllByRole('row')).toHaveLength(5);
    expect(screen.getByRole('dialog', { name: /4-week report/ })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    vi.unstubAllGlobals();
  });

  it('in the desktop app, saves a PDF through the shell and says where', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const savePdf = vi.fn(async (_name: string) => ({ savedTo: '/home/me/Documents/Movesnack report.pdf' }));
    const { user } = setup({ savePdf });
    await user.click(await screen.findByRole('button', { name: 'Report for your physical therapist' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Print or save as PDF' }));
    expect(await screen.findByText('Saved as /home/me/Documents/Movesnack report.pdf')).toBeInTheDocument();
    expect(savePdf).toHaveBeenCalledWith('Movesnack report 2026-11-24');
    expect(print).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('reloads after an import', async () => {
    const { user, calls } = setup();
    const input = await screen.findByLabelText('Import a Movesnack export (JSON)');
    const before = calls.getProgress.length;
    await user.upload(input, new File([JSON.stringify(exportFile())], 'backup.json', { type: 'application/json' }));
    await waitFor(() => expect(calls.getProgress.length).toBeGreaterThan(before));
  });
});
