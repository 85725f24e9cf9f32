import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../shared/actions';
import { CORE_AREAS } from '../../shared/checklist';
import type { Checklist } from '../../shared/history';
import type { MovesnackApi } from '../../shared/ipc-contract';
import { DEFAULT_PROFILE, ProfileSchema, type Profile } from '../../shared/profile';
import type { Settings } from '../../shared/settings';
import { SetupWizard } from '../../renderer/pages/setup';
import { createFakeApi, makeState, NOW } from './fake-api';

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The recording fake engine, with a profile that profile/save updates and a checklist history. */
function wizardApi(
  options: { profile?: Partial<Profile>; settings?: Partial<Settings>; checklists?: Checklist[] } = {},
) {
  const fake = createFakeApi(makeState({ settings: options.settings }));
  let profile: Profile = { ...DEFAULT_PROFILE, firstRunDone: true, ...options.profile };
  const checklists: Checklist[] = [...(options.checklists ?? [])];
  const api: MovesnackApi = {
    ...fake.api,
    dispatch: async (raw) => {
      const next = await fake.api.dispatch(raw);
      const action = fake.dispatched[fake.dispatched.length - 1]!;
      if (action.type === 'profile/save') profile = ProfileSchema.parse({ ...profile, ...action.profile });
      if (action.type === 'checklist/save') checklists.push({ at: new Date().toISOString(), answers: action.answers });
      return next;
    },
    getProfile: async () => profile,
    getChecklists: async () => checklists.map((c) => ({ ...c })),
  };
  return {
    api,
    fake,
    checklists,
    get profile() {
      return profile;
    },
    sent: (type: Action['type']) => fake.dispatched.filter((a) => a.type === type),
  };
}

function renderWizard(env: ReturnType<typeof wizardApi>) {
  const onOpenBreakSettings = vi.fn();
  const onClose = vi.fn();
  const user = userEvent.setup({ delay: null });
  render(<SetupWizard api={env.api} onOpenBreakSettings={onOpenBreakSettings} onClose={onClose} />);
  return { user, onOpenBreakSettings, onClose };
}

type User = ReturnType<typeof userEvent.setup>;

/** Answers one question, found by its text, on the current page. */
async function answer(user: User, question: RegExp, choice: 'Yes' | 'No' | 'Not sure') {
  const group = screen.getByRole('group', { name: question });
  await user.click(within(group).getByRole('radio', { name: choice }));
  return group;
}

async function next(user: User, title: string) {
  await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
  return screen.findByRole('heading', { level: 1, name: title });
}

describe('setup wizard', () => {
  it('saves the height, walks one page per area, saves the answers and shows scores and targets', async () => {
    const env = wizardApi();
    const { user, onOpenBreakSettings } = renderWizard(env);

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your workstation' })).toBeInTheDocument();
    await user.type(screen.getByRole('spinbutton', { name: 'Height in centimetres' }), '170');
    await user.click(screen.getByRole('checkbox', { name: /My standing desk/ }));
    await user.click(screen.getByRole('button', { name: 'Start the check' }));

    // Screen
    expect(await screen.findByRole('heading', { level: 1, name: 'Screen' })).toHaveFocus();
    expect(env.sent('profile/save')).toEqual([
      { type: 'profile/save', profile: { heightCm: 170, standingDesk: true } },
    ]);
    expect(screen.getByText(`Area 1 of ${CORE_AREAS.length + 1}`)).toBeInTheDocument();
    const eyeLevel = await answer(user, /top edge of your screen level with your eyes/, 'No');
    // "No" shows how to fix it, with the target for this person.
    expect(within(eyeLevel).getByText('How to fix it')).toBeInTheDocument();
    expect(
      within(eyeLevel).getByText(
        /top of the screen 120–125 cm from the floor when you sit \(at or a little below eye level\), so you look down about 15–20° to its middle, 103–109 cm from the floor, with the screen 50–70 cm from your eyes/,
      ),
    ).toBeInTheDocument();
    await answer(user, /arm’s length/, 'Yes');
    await answer(user, /eyes look only a little down/, 'Not sure');
    // the laptop question is left unanswered

    await next(user, 'Chair');
    const hips = await answer(user, /hips slightly higher than your knees/, 'No');
    // 170 cm: 0.25·170 + 2.5 + 0.245·170·sin 7° (5.08) = 50.08 cm
    expect(
      within(hips).getByText(
        /a seat about 50 cm from the floor\. That puts your hips about 5 cm above your knees.*about 7°/,
      ),
    ).toBeInTheDocument();
    await answer(user, /pelvis tip slightly forward/, 'Yes');
    await answer(user, /feet rest flat/, 'Yes');
    await answer(user, /small of your back/, 'Yes');

    await next(user, 'Keyboard and mouse');
    await answer(user, /close enough that you never reach/, 'Yes');
    await answer(user, /elbows bent/, 'Yes');
    await answer(user, /shoulders stay relaxed/, 'Not sure');

    await next(user, 'Posture cue');
    await answer(user, /ribs sit stacked over your pelvis/, 'Yes');

    await next(user, 'Habits');
    const habits = await answer(user, /change position/, 'No');
    expect(within(habits).getByText(/already comes every 30 minutes/)).toBeInTheDocument();

    await next(user, 'Standing desk');
    await answer(user, /desk at about elbow height/, 'No');

    await next(user, 'Your workstation results');

    // Saved once, with exactly the answers given, in catalogue order.
    await waitFor(() => expect(env.sent('checklist/save')).toHaveLength(1));
    expect(env.sent('checklist/save')[0]).toEqual({
      type: 'checklist/save',
      answers: {
        'screen-top-eye-level': 'no',
        'screen-arm-length': 'yes',
        'screen-eyes-ahead': 'unsure',
        'chair-hips-above-knees': 'no',
        'chair-pelvis-forward': 'yes',
        'chair-feet-supported': 'yes',
        'chair-lumbar-support': 'yes',
        'keyboard-mouse-close': 'yes',
        'keyboard-elbows-90': 'yes',
        'keyboard-shoulders-relaxed': 'unsure',
        'posture-ribs-over-pelvis': 'yes',
        'habits-move-every-30-45': 'no',
        'standing-desk-elbow-height': 'no',
      },
    });
    expect(await screen.findByText(/^Saved /)).toBeInTheDocument();

    // Scores: overall (1+0.5 + 3 + 2.5 + 1 + 0 + 0) / 13 = 8/13 = 62 %
    const overall = screen.getByText(/Overall, across the 13 questions you answered/);
    expect(overall.previousElementSibling).toHaveTextContent('62%');
    const areas = screen.getByRole('heading', { level: 2, name: 'By area' }).parentElement!;
    const rows = within(areas)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toEqual([
      'Screen50%, 3 of 4 questions answered',
      'Chair75%, 4 of 4 questions answered',
      'Keyboard and mouse83%, 3 of 3 questions answered',
      'Posture cue100%, 1 of 1 questions answered',
      'Habits0%, 1 of 1 questions answered',
      'Standing desk0%, 1 of 3 questions answered',
    ]);

    // Fix first: every "no" (core before optional), then "not sure".
    const fixes = screen.getByRole('heading', { level: 2, name: 'Fix these first' }).parentElement!;
    const items = within(fixes).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByText(/\?$/).textContent)).toEqual([
      'Is the top edge of your screen level with your eyes, or a little below?',
      'Sitting back in your chair, are your hips slightly higher than your knees?',
      'Do you change position (stand up, walk, move) at least every 30 to 45 minutes?',
      'When you stand, is the desk at about elbow height, with your shoulders relaxed?',
      'When you read the middle of the screen, do your eyes look only a little down, rather than far down?',
    ]);
    await user.click(within(fixes).getByRole('button', { name: 'Show all 6' }));
    expect(within(fixes).getAllByRole('listitem')).toHaveLength(6);
    await user.click(within(fixes).getByRole('button', { name: 'Change the break interval' }));
    expect(onOpenBreakSettings).toHaveBeenCalledTimes(1);

    // Targets for 170 cm, sitting and standing.
    const sitting = screen.getAllByRole('table', { name: 'Sitting' })[0]!;
    // seat 50.08; elbow 50.08 + 23.8 = 73.88; desk 70.88; eye 50.08 + 74.8 = 124.88
    expect(within(sitting).getByRole('row', { name: /Seat height/ })).toHaveTextContent('50 cm');
    expect(within(sitting).getByRole('row', { name: /Desk or keyboard tray/ })).toHaveTextContent('71 cm');
    expect(within(sitting).getByRole('row', { name: /Top of the screen/ })).toHaveTextContent('120–125 cm');
    expect(within(sitting).getByRole('row', { name: /Middle of the screen/ })).toHaveTextContent('103–109 cm');
    expect(within(sitting).getByRole('row', { name: /Screen to eyes/ })).toHaveTextContent('50–70 cm');
    const standing = screen.getAllByRole('table', { name: 'Standing' })[0]!;
    expect(within(standing).getByRole('row', { name: /Desk height/ })).toHaveTextContent('107 cm');

    // The history now lists this check.
    const history = screen.getByRole('heading', { level: 2, name: 'Past checks' }).parentElement!;
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(2));
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('62%');
  });

  it('takes the height in feet and inches and shows targets in inches too', async () => {
    const env = wizardApi();
    const { user } = renderWizard(env);
    await user.click(await screen.findByRole('radio', { name: 'ft and in' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Height: feet' }), '5');
    await user.type(screen.getByRole('spinbutton', { name: 'Height: inches' }), '9');
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    expect(env.sent('profile/save')).toEqual([
      { type: 'profile/save', profile: { heightCm: 175.3, units: 'imperial' } },
    ]);
    for (let i = 0; i < CORE_AREAS.length; i++)
      await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
    await screen.findByRole('heading', { level: 1, name: 'Your workstation results' });
    // Nothing answered: nothing to save (the engine refuses an empty check), nothing to score.
    expect(env.sent('checklist/save')).toEqual([]);
    expect(screen.getByText(/did not answer any questions/)).toBeInTheDocument();
    const sitting = screen.getAllByRole('table', { name: 'Sitting' })[0]!;
    // 175.3 cm: seat 0.25·175.3 + 2.5 + 0.029858·175.3 (5.23) = 51.55 cm = 20.3 in
    expect(within(sitting).getByRole('row', { name: /Seat height/ })).toHaveTextContent('20½ in (52 cm)');
    expect(screen.queryByRole('table', { name: 'Standing' })).not.toBeInTheDocument();
  });

  it('converts what was typed when the units change, and starts from the saved height', async () => {
    const env = wizardApi({ profile: { heightCm: 182.9, units: 'metric' } });
    const { user } = renderWizard(env);
    expect(await screen.findByRole('spinbutton', { name: 'Height in centimetres' })).toHaveValue(183);
    await user.click(screen.getByRole('radio', { name: 'ft and in' }));
    expect(screen.getByRole('spinbutton', { name: 'Height: feet' })).toHaveValue(6);
    expect(screen.getByRole('spinbutton', { name: 'Height: inches' })).toHaveValue(0);
  });

  it('refuses an impossible height and sends nothing', async () => {
    const env = wizardApi();
    const { user } = renderWizard(env);
    const input = await screen.findByRole('spinbutton', { name: 'Height in centimetres' });
    await user.type(input, '300');
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please enter a height between 120 and 230 cm');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/between 120 and 230 cm/);
    expect(env.fake.dispatched).toEqual([]);
    expect(screen.getByRole('heading', { level: 1, name: 'Check your workstation' })).toBeInTheDocument();
  });

  it('without a height, offers to add one instead of targets', async () => {
    const env = wizardApi();
    const { user } = renderWizard(env);
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    expect(env.fake.dispatched).toEqual([]); // nothing changed in the profile
    await answer(user, /arm’s length/, 'No');
    expect(screen.queryByText(/For your height/)).not.toBeInTheDocument();
    for (let i = 0; i < CORE_AREAS.length; i++)
      await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
    await screen.findByRole('heading', { level: 1, name: 'Your workstation results' });
    await user.click(screen.getByRole('button', { name: 'Add my height' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your workstation' })).toHaveFocus();
  });

  it('shows the fix only for "no"', async () => {
    const env = wizardApi();
    const { user } = renderWizard(env);
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    const group = await answer(user, /arm’s length/, 'No');
    expect(within(group).getByText(/fingertips could just touch it/)).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'No' })).toHaveAccessibleDescription(/fingertips/);
    await user.click(within(group).getByRole('radio', { name: 'Not sure' }));
    expect(within(group).queryByText(/fingertips could just touch it/)).not.toBeInTheDocument();
    await user.click(within(group).getByRole('radio', { name: 'Yes' }));
    expect(within(group).queryByText('How to fix it')).not.toBeInTheDocument();
  });

  it('keeps answers when going back, and saves a check only once', async () => {
    const env = wizardApi();
    const { user } = renderWizard(env);
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    await answer(user, /arm’s length/, 'Yes');
    for (let i = 0; i < CORE_AREAS.length; i++)
      await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
    await screen.findByRole('heading', { level: 1, name: 'Your workstation results' });
    await waitFor(() => expect(env.sent('checklist/save')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Change my answers' }));
    await screen.findByRole('heading', { level: 1, name: 'Habits' });
    await user.click(screen.getByRole('button', { name: 'See my results' }));
    await screen.findByRole('heading', { level: 1, name: 'Your workstation results' });
    expect(env.sent('checklist/save')).toHaveLength(1);
    // Going back to the screen page: the answer is still there.
    await user.click(screen.getByRole('button', { name: 'Change my answers' }));
    for (let i = 0; i < CORE_AREAS.length - 1; i++)
      await user.click(await screen.findByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    const group = screen.getByRole('group', { name: /arm’s length/ });
    expect(within(group).getByRole('radio', { name: 'Yes' })).toBeChecked();
  });

  it('prints a one-sheet summary and records a desk move', async () => {
    const print = vi.fn();
    vi.spyOn(window, 'print').mockImplementation(print);
    const env = wizardApi({ profile: { heightCm: 165 } });
    const { user, onClose } = renderWizard(env);
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    await answer(user, /arm’s length/, 'No');
    for (let i = 0; i < CORE_AREAS.length; i++)
      await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
    await screen.findByRole('heading', { level: 1, name: 'Your workstation results' });

    // The print sheet sits directly in <body> (the print CSS shows it alone), hidden from screen readers.
    const sheet = document.body.querySelector(':scope > .sw-print-sheet');
    expect(sheet).not.toBeNull();
    expect(sheet).toHaveAttribute('aria-hidden', 'true');
    expect(sheet).toHaveTextContent('Workstation check');
    expect(sheet).toHaveTextContent('Overall: 0%');
    expect(sheet).toHaveTextContent(/Screen \(no\): Move it until your fingertips/);
    expect(sheet).toHaveTextContent('not medical advice');
    await user.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'I moved desks' }));
    await waitFor(() =>
      expect(env.sent('profile/save')).toEqual([{ type: 'profile/save', profile: { movedDeskAt: NOW.toISOString() } }]),
    );

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('on the start page, says when the last check was and whether a new one is due', async () => {
    const env = wizardApi({
      checklists: [
        { at: '2026-05-01T09:00:00.000Z', answers: { 'screen-arm-length': 'no' } },
        { at: '2026-07-01T09:00:00.000Z', answers: { 'screen-arm-length': 'yes' } },
      ],
      settings: { recheckDays: 90 },
    });
    const { user } = renderWizard(env);
    expect(await screen.findByText(/Last checked on/)).toHaveTextContent('It is time for a fresh check.');
    await user.click(screen.getByRole('button', { name: 'I moved desks' }));
    expect(await screen.findByText(/You have moved desks since then/)).toBeInTheDocument();
    expect(env.profile.movedDeskAt).toBe(NOW.toISOString());
  });

  it('lists past checks newest first with their scores', async () => {
    const env = wizardApi({
      checklists: [
        { at: '2026-05-01T09:00:00.000Z', answers: { 'screen-arm-length': 'no', 'chair-feet-supported': 'yes' } },
        { at: '2026-11-01T09:00:00.000Z', answers: { 'screen-arm-length': 'yes', 'retired-item': 'no' } },
      ],
    });
    const { user } = renderWizard(env);
    expect(await screen.findByText(/The next check is suggested around/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    for (let i = 0; i < CORE_AREAS.length; i++)
      await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
    await screen.findByRole('heading', { level: 1, name: 'Your workstation results' });
    const history = screen.getByRole('heading', { level: 2, name: 'Past checks' }).parentElement!;
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['100%', '50%']);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]!.textContent)).toEqual(['0', '1']);
  });

  it('shows a refusal to save and can try again', async () => {
    const env = wizardApi();
    let refuse = true;
    env.fake.refuseWith((a) => (a.type === 'checklist/save' && refuse ? 'Could not write the history file.' : null));
    const { user } = renderWizard(env);
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    await screen.findByRole('heading', { level: 1, name: 'Screen' });
    await answer(user, /arm’s length/, 'Yes');
    for (let i = 0; i < CORE_AREAS.length; i++)
      await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your answers were not saved: Could not write the history file.',
    );
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect(await screen.findByText(/^Saved /)).toBeInTheDocument();
    expect(env.checklists).toHaveLength(1);
  });
});

describe('with the real engine behind the api', () => {
  it('persists the height, the answers (with their time) and a desk move; the history shows the check', async () => {
    vi.useRealTimers();
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createCompanion } = await import('../../main/core');
    const { handleInvoke } = await import('../../main/ipc');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-setup-'));
    const companion = createCompanion({ dataDir: dir, idleSeconds: () => 0 });
    companion.start();
    const call =
      (channel: string) =>
      async (...args: unknown[]) => {
        const result = handleInvoke(companion, channel, args);
        if (!result.ok) throw new Error(result.error);
        return result.value;
      };
    const channels = ['getState', 'dispatch', 'getProfile', 'getDay', 'weeklySummary', 'getProgress', 'getChecklists'];
    const api = {
      ...Object.fromEntries(channels.map((c) => [c, call(c)])),
      exportData: call('exportData'),
      importData: call('importData'),
      on: () => () => {},
    } as unknown as MovesnackApi;
    try {
      const user = userEvent.setup({ delay: null });
      render(<SetupWizard api={api} />);
      await user.type(await screen.findByRole('spinbutton', { name: 'Height in centimetres' }), '158');
      await user.click(screen.getByRole('button', { name: 'Start the check' }));
      await screen.findByRole('heading', { level: 1, name: 'Screen' });
      await answer(user, /arm’s length/, 'No');
      await answer(user, /only a little down/, 'Yes');
      for (let i = 0; i < CORE_AREAS.length; i++)
        await user.click(screen.getByRole('button', { name: /^(Next|See my results)$/ }));
      await screen.findByRole('heading', { level: 1, name: 'Your workstation results' });
      await screen.findByText(/^Saved /);

      expect(companion.getProfile().heightCm).toBe(158);
      const saved = companion.getChecklists();
      expect(saved).toHaveLength(1);
      expect(saved[0]!.answers).toEqual({ 'screen-arm-length': 'no', 'screen-eyes-ahead': 'yes' });
      expect(Date.parse(saved[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
      const history = screen.getByRole('heading', { level: 2, name: 'Past checks' }).parentElement!;
      await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(2));
      expect(within(history).getAllByRole('row')[1]).toHaveTextContent('50%');

      // 158 cm: seat 0.25·158 + 2.5 + 0.029858·158 (4.72) = 46.72 cm
      const sitting = screen.getAllByRole('table', { name: 'Sitting' })[0]!;
      expect(within(sitting).getByRole('row', { name: /Seat height/ })).toHaveTextContent('47 cm');

      await user.click(screen.getByRole('button', { name: 'I moved desks' }));
      await waitFor(() => expect(companion.getProfile().movedDeskAt).not.toBeNull());
    } finally {
      await companion.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
