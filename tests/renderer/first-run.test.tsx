import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../shared/actions';
import type { MovesnackApi } from '../../shared/ipc-contract';
import { DEFAULT_PROFILE, ProfileSchema, routinesHeldBack, salvageProfile, type Profile } from '../../shared/profile';
import { RED_FLAGS } from '../../shared/red-flags';
import type { Settings } from '../../shared/settings';
import { BackProfileSettings, FirstRun, HeldBackNotice } from '../../renderer/pages/first-run';
import { createFakeApi, makeState, NOW } from './fake-api';

// Long click-through flows on a shared, busy machine.
vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

const HELD_MESSAGE =
  'Movement routines are switched off until you confirm a clinician has cleared you.';

/**
 * The fake engine of tests/renderer/fake-api.ts, plus a profile that profile/save updates (checked
 * with the real schema) and the engine's rule that break/start is refused while routines are held
 * back.
 */
function flowApi(options: { profile?: Partial<Profile>; settings?: Partial<Settings> } = {}) {
  const fake = createFakeApi(makeState({ settings: options.settings }));
  let profile: Profile = { ...DEFAULT_PROFILE, ...options.profile };
  fake.refuseWith((action) => (action.type === 'break/start' && routinesHeldBack(profile) ? HELD_MESSAGE : null));
  const api: MovesnackApi = {
    ...fake.api,
    dispatch: async (raw) => {
      const next = await fake.api.dispatch(raw);
      const action = fake.dispatched[fake.dispatched.length - 1]!;
      if (action.type === 'profile/save') profile = ProfileSchema.parse({ ...profile, ...action.profile });
      return next;
    },
    getProfile: async () => profile,
  };
  return {
    api,
    fake,
    get profile() {
      return profile;
    },
    sent: (type: Action['type']) => fake.dispatched.filter((a) => a.type === type),
  };
}

function renderFirstRun(env: ReturnType<typeof flowApi>) {
  const onFinish = vi.fn();
  const onOpenSetup = vi.fn();
  const user = userEvent.setup({ delay: null });
  render(<FirstRun api={env.api} onFinish={onFinish} onOpenSetup={onOpenSetup} />);
  return { user, onFinish, onOpenSetup };
}

async function toSafetyStep(
  user: ReturnType<typeof userEvent.setup>,
  age = '20 to 49',
  pain = 'More than six weeks ago',
) {
  await user.click(await screen.findByRole('button', { name: 'Get started' }));
  expect(await screen.findByRole('heading', { level: 1, name: /quick safety check/ })).toHaveFocus();
  await answerAge(user, age, pain);
}

/** The two questions every answer needs: the age group and when this back pain started. */
async function answerAge(user: ReturnType<typeof userEvent.setup>, age = '20 to 49', pain = 'More than six weeks ago') {
  await user.click(within(screen.getByRole('group', { name: 'How old are you?' })).getByRole('radio', { name: age }));
  await user.click(
    within(screen.getByRole('group', { name: 'When did this bout of back pain start?' })).getByRole('radio', {
      name: pain,
    }),
  );
}
/** What a clean answer from toSafetyStep's defaults adds to the saved screen. */
const AGE = { ageBand: '20-49', newPain: false } as const;

describe('first run', () => {
  it('welcomes the user and says it is not medical advice before anything else', async () => {
    const env = flowApi();
    renderFirstRun(env);
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Movesnack' })).toBeInTheDocument();
    expect(screen.getByText(/is not medical advice/)).toBeInTheDocument();
    expect(screen.getByText('Step 1 of 4')).toBeInTheDocument();
    expect(env.fake.dispatched).toEqual([]);
  });

  it('with no red flag: saves the answer with its date, then the profile and settings, and finishes', async () => {
    const env = flowApi();
    const { user, onFinish, onOpenSetup } = renderFirstRun(env);
    await toSafetyStep(user);

    const flags = screen.getByRole('group', { name: /Do any of these apply/ });
    expect(within(flags).getAllByRole('checkbox')).toHaveLength(13); // 12 signs and “None of these”
    await user.click(screen.getByRole('checkbox', { name: 'None of these' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'A little about you' })).toHaveFocus();
    expect(env.sent('profile/save')).toEqual([
      {
        type: 'profile/save',
        profile: { redFlags: { answeredAt: NOW.toISOString(), clearedAt: null, present: [], ...AGE } },
      },
    ]);

    await user.click(screen.getByRole('radio', { name: /Bending forwards/ }));
    const legs = screen.getByRole('group', { name: /travels down into a leg/ });
    await user.click(within(legs).getByRole('radio', { name: 'Yes' }));
    const stand = screen.getByRole('group', { name: /stand up at your desk/ });
    await user.click(within(stand).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('radio', { name: /Only during my working hours/ }));
    await user.click(screen.getByRole('button', { name: 'Fri' })); // Mon–Thu
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '08:30' } });
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '16:00' } });
    await user.click(screen.getByRole('radio', { name: '40 min' }));
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'You’re all set' })).toHaveFocus();
    expect(env.fake.dispatched.slice(1)).toEqual([
      {
        type: 'settings/update',
        settings: { breakIntervalMin: 40, workingHours: { days: [1, 2, 3, 4], start: '08:30', end: '16:00' } },
      },
      {
        type: 'profile/save',
        profile: { directionalPreference: 'flexion', legSymptoms: true, canStand: false, firstRunDone: true },
      },
    ]);
    expect(env.profile.firstRunDone).toBe(true);
    expect(routinesHeldBack(env.profile)).toBe(false);
    await expect(env.api.dispatch({ type: 'break/start' })).resolves.toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Check my workstation' }));
    expect(onOpenSetup).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Go to today' }));
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('with a red flag: advises a medical check first, holds routines back and saves the right profile', async () => {
    const env = flowApi();
    const { user } = renderFirstRun(env);
    await toSafetyStep(user);

    // Ticked in a different order from the list: saved in the profile's order.
    await user.click(screen.getByRole('checkbox', { name: /A fever/ }));
    await user.click(screen.getByRole('checkbox', { name: /saddle/ }));
    // An emergency sign: the advice shows at once, before anything is sent.
    expect(screen.getByRole('alert')).toHaveTextContent(/Get emergency help now\. Go to an emergency department now/);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Please get emergency help now' })).toHaveFocus();
    expect(env.sent('profile/save')).toEqual([
      {
        type: 'profile/save',
        profile: {
          redFlags: { answeredAt: NOW.toISOString(), clearedAt: null, present: ['saddle-numbness', 'fever'], ...AGE },
        },
      },
    ]);
    expect(routinesHeldBack(env.profile)).toBe(true);
    // The engine refuses a routine now.
    await expect(env.api.dispatch({ type: 'break/start' })).rejects.toThrow(/switched off/);

    // Each sign under its urgency, the most urgent first.
    const now = screen.getByRole('list', { name: /Get emergency help now: what you told us/ });
    expect(
      within(now)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Numbness in the “saddle” area']);
    const today = screen.getByRole('list', { name: /See a doctor today: what you told us/ });
    expect(
      within(today)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['A fever, or feeling generally unwell']);
    expect(screen.getByText(/guided movement routines stay switched off/)).toBeInTheDocument();
    // Nothing is named or diagnosed.
    expect(document.body.textContent).not.toMatch(/cauda|syndrome|infection|fracture|tumou?r/i);

    await user.click(screen.getByRole('button', { name: 'Continue setting up' }));
    await user.click(await screen.findByRole('button', { name: 'Save and finish' }));
    expect(await screen.findByText(/Guided routines stay off until/)).toBeInTheDocument();
    expect(env.profile).toMatchObject({
      firstRunDone: true,
      redFlags: { present: ['saddle-numbness', 'fever'], clearedAt: null },
    });
    expect(routinesHeldBack(env.profile)).toBe(true);
  });

  it('does not show the emergency or same-day advice for signs that need an appointment', async () => {
    const env = flowApi();
    const { user } = renderFirstRun(env);
    await toSafetyStep(user);
    await user.click(screen.getByRole('checkbox', { name: /Losing weight without trying/ }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Please get checked before exercising' });
    expect(screen.getByText(/Book an appointment with your doctor\./)).toBeInTheDocument();
    expect(screen.queryByText(/emergency|today/i)).not.toBeInTheDocument();
  });

  it('works out the age sign: new back pain at 50 or over needs an appointment; the same at 20–49 does not', async () => {
    const env = flowApi();
    const { user } = renderFirstRun(env);
    await toSafetyStep(user, '50 to 69', 'In the last six weeks');
    await user.click(screen.getByRole('checkbox', { name: 'None of these' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Please get checked before exercising' });
    expect(env.profile.redFlags).toMatchObject({ present: ['age-new-pain'], ageBand: '50-69', newPain: true });
    expect(screen.getByText('New back pain under 20 or from 50 on')).toBeInTheDocument();

    // Change the answer: 20–49 with the same new pain raises nothing.
    await user.click(screen.getByRole('button', { name: 'Change my answers' }));
    await answerAge(user, '20 to 49', 'In the last six weeks');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'A little about you' });
    expect(env.profile.redFlags).toMatchObject({ present: [], ageBand: '20-49', newPain: true });
    expect(routinesHeldBack(env.profile)).toBe(false);
  });

  it('turns routines back on only after the user confirms a clinician cleared them', async () => {
    const env = flowApi();
    const { user } = renderFirstRun(env);
    await toSafetyStep(user);
    await user.click(screen.getByRole('checkbox', { name: /A leg or foot getting weaker/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'I’ve been checked and cleared' }));

    // A second, explicit step: "Not yet" changes nothing.
    expect(screen.getByText(/Please confirm: a doctor or physiotherapist/)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(env.sent('profile/save')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'I’ve been checked and cleared' }));
    vi.setSystemTime(new Date(NOW.getTime() + 60_000));
    await user.click(screen.getByRole('button', { name: 'Yes, turn routines on' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'A little about you' })).toBeInTheDocument();
    expect(env.sent('profile/save')[1]).toEqual({
      type: 'profile/save',
      profile: {
        redFlags: {
          answeredAt: NOW.toISOString(),
          clearedAt: new Date(NOW.getTime() + 60_000).toISOString(),
          present: ['significant-weakness'],
          ...AGE,
        },
      },
    });
    expect(routinesHeldBack(env.profile)).toBe(false);
    await expect(env.api.dispatch({ type: 'break/start' })).resolves.toBeTruthy();
  });

  it('asks for an answer instead of assuming "none", and "None of these" clears the others', async () => {
    const env = flowApi();
    const { user } = renderFirstRun(env);
    await user.click(await screen.findByRole('button', { name: 'Get started' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please choose your age group.');
    await user.click(screen.getByRole('radio', { name: '70 or older' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please say when this back pain started.');
    await user.click(screen.getByRole('radio', { name: 'I have no back pain at the moment' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please tick the ones that apply, or “None of these”.');
    expect(env.fake.dispatched).toEqual([]);

    const fever = screen.getByRole('checkbox', { name: /A fever/ });
    await user.click(fever);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'None of these' }));
    expect(fever).not.toBeChecked();
    await user.click(fever);
    expect(screen.getByRole('checkbox', { name: 'None of these' })).not.toBeChecked();
  });

  it('refuses a break interval outside 10–120 minutes and sends nothing', async () => {
    const env = flowApi();
    const { user } = renderFirstRun(env);
    await toSafetyStep(user);
    await user.click(screen.getByRole('checkbox', { name: 'None of these' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'Other' }));
    await user.type(screen.getByRole('spinbutton'), '5');
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));
    expect(await screen.findByText(/between 10 and 120 minutes/)).toBeInTheDocument();
    expect(screen.getByRole('spinbutton')).toHaveAttribute('aria-invalid', 'true');
    expect(env.sent('settings/update')).toEqual([]);
  });

  it('starts from the current settings: the interval, and always-on reminders', async () => {
    const env = flowApi({ settings: { breakIntervalMin: 35 } });
    const { user } = renderFirstRun(env);
    await toSafetyStep(user);
    await user.click(screen.getByRole('checkbox', { name: 'None of these' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('radio', { name: '35 min' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Reminders whenever I’m at the computer' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));
    await screen.findByRole('heading', { level: 1, name: 'You’re all set' });
    expect(env.sent('settings/update')).toEqual([
      { type: 'settings/update', settings: { breakIntervalMin: 35, workingHours: null } },
    ]);
  });

  it('shows the engine’s refusal and stays on the step', async () => {
    const env = flowApi();
    env.fake.refuseWith((a) => (a.type === 'profile/save' ? 'The profile could not be saved: disk full.' : null));
    const { user } = renderFirstRun(env);
    await toSafetyStep(user);
    await user.click(screen.getByRole('checkbox', { name: 'None of these' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The profile could not be saved: disk full.');
    expect(screen.getByRole('heading', { level: 1, name: /quick safety check/ })).toBeInTheDocument();
  });
});

describe('revisiting from Settings', () => {
  const held: Partial<Profile> = {
    firstRunDone: true,
    redFlags: { answeredAt: '2026-11-20T09:00:00.000Z', present: ['night-pain'], clearedAt: null },
  };

  function renderSettings(env: ReturnType<typeof flowApi>) {
    const user = userEvent.setup({ delay: null });
    render(<BackProfileSettings api={env.api} />);
    return { user };
  }

  it('shows that routines are held back and lets the user confirm clearance', async () => {
    const env = flowApi({ profile: held });
    const { user } = renderSettings(env);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Please get checked before exercising' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I’ve been checked and cleared' }));
    await user.click(screen.getByRole('button', { name: 'Yes, turn routines on' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Safety check' })).toBeInTheDocument();
    expect(screen.getByText(/you confirmed that a clinician checked/)).toBeInTheDocument();
    expect(env.sent('profile/save')).toEqual([
      {
        type: 'profile/save',
        profile: { redFlags: { ...held.redFlags, clearedAt: NOW.toISOString() } },
      },
    ]);
  });

  it('answers the safety questions again with a new date', async () => {
    const env = flowApi({
      profile: {
        firstRunDone: true,
        redFlags: { answeredAt: '2026-10-01T09:00:00.000Z', present: [], clearedAt: null },
      },
    });
    const { user } = renderSettings(env);
    expect(await screen.findByText(/you told us none of the warning signs applied/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Answer the safety questions again' }));
    expect(screen.getByRole('checkbox', { name: 'None of these' })).toBeChecked();
    await answerAge(user);
    await user.click(screen.getByRole('checkbox', { name: /serious accident/ }));
    await user.click(screen.getByRole('button', { name: 'Save answers' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Please see a doctor today' })).toBeInTheDocument();
    expect(env.profile.redFlags).toEqual({
      answeredAt: NOW.toISOString(),
      present: ['recent-major-trauma'],
      clearedAt: null,
      ...AGE,
    });
  });

  it('saves "about you" without touching firstRunDone', async () => {
    const env = flowApi({
      profile: { firstRunDone: true, directionalPreference: 'extension' },
      settings: { breakIntervalMin: 45, workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } },
    });
    const { user } = renderSettings(env);
    expect(await screen.findByRole('radio', { name: /Bending backwards/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: '45 min' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Sat' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('radio', { name: '30 min' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(env.fake.dispatched).toEqual([
      {
        type: 'settings/update',
        settings: { breakIntervalMin: 30, workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } },
      },
      {
        type: 'profile/save',
        profile: { directionalPreference: 'extension', legSymptoms: false, canStand: true },
      },
    ]);
    await waitFor(() => expect(env.profile.firstRunDone).toBe(true));
  });
});

describe('with the real engine behind the api', () => {
  /** window.movesnack as the preload builds it, answered by main/ipc.ts from a real companion. */
  async function realEngine() {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createCompanion } = await import('../../main/core');
    const { handleInvoke } = await import('../../main/ipc');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-first-run-'));
    const companion = createCompanion({ dataDir: dir, idleSeconds: () => 0 });
    companion.start();
    const call =
      (channel: string) =>
      async (...args: unknown[]) => {
        const result = handleInvoke(companion, channel, args);
        if (!result.ok) throw new Error(result.error);
        return result.value;
      };
    const api = {
      getState: call('getState'),
      dispatch: call('dispatch'),
      getProfile: call('getProfile'),
      getDay: call('getDay'),
      weeklySummary: call('weeklySummary'),
      getProgress: call('getProgress'),
      getChecklists: call('getChecklists'),
      exportData: call('exportData'),
      importData: call('importData'),
      on: () => () => {},
    } as unknown as MovesnackApi;
    return {
      api,
      companion,
      async close() {
        await companion.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('a reported red flag makes the engine refuse routines until the user confirms clearance', async () => {
    vi.useRealTimers();
    const engine = await realEngine();
    try {
      const user = userEvent.setup({ delay: null });
      render(<FirstRun api={engine.api} onFinish={() => {}} />);
      await user.click(await screen.findByRole('button', { name: 'Get started' }));
      await answerAge(user);
      await user.click(await screen.findByRole('checkbox', { name: /bladder, bowels or sex/ }));
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await screen.findByRole('heading', { level: 1, name: 'Please get emergency help now' });

      expect(engine.companion.getProfile().redFlags).toMatchObject({
        present: ['bladder-bowel-change'],
        clearedAt: null,
      });
      expect(() => engine.companion.dispatch({ type: 'break/start' })).toThrow(/safety check/);
      // The plain walking break is still allowed, and counts as taken.
      expect(engine.companion.dispatch({ type: 'break/start', routineId: 'plain-break' }).routine?.id).toBe(
        'plain-break',
      );
      engine.companion.dispatch({ type: 'routine/complete', feeling: 'same' });

      await user.click(screen.getByRole('button', { name: 'I’ve been checked and cleared' }));
      await user.click(screen.getByRole('button', { name: 'Yes, turn routines on' }));
      await screen.findByRole('heading', { level: 1, name: 'A little about you' });
      await user.click(screen.getByRole('button', { name: 'Save and finish' }));
      await screen.findByRole('heading', { level: 1, name: 'You’re all set' });

      const profile = engine.companion.getProfile();
      expect(profile.firstRunDone).toBe(true);
      expect(profile.redFlags!.clearedAt).not.toBeNull();
      expect(engine.companion.dispatch({ type: 'break/start' }).phase).toBe('routine');
    } finally {
      await engine.close();
    }
  });
});

describe('every warning sign: its wording and its urgency', () => {
  const EXPECTED_URGENCY: Record<string, 'emergency' | 'today' | 'appointment'> = {
    'saddle-numbness': 'emergency',
    'bladder-bowel-change': 'emergency',
    'significant-weakness': 'emergency',
    'both-legs': 'emergency',
    fever: 'today',
    'recent-major-trauma': 'today',
    'cancer-history': 'today',
    'progressive-numbness': 'today',
    'unexplained-weight-loss': 'appointment',
    immunosuppression: 'appointment',
    'osteoporosis-steroids': 'appointment',
    'night-pain': 'appointment',
    'age-new-pain': 'appointment',
  };
  const HEADING = {
    emergency: 'Please get emergency help now',
    today: 'Please see a doctor today',
    appointment: 'Please get checked before exercising',
  };
  const ADVICE = {
    emergency: /^Get emergency help now\. Go to an emergency department now, or call your local emergency number/,
    today: /^See a doctor today\. Please contact a doctor or an urgent care service today/,
    appointment: /^Book an appointment with your doctor\. Please book an appointment/,
  };

  it('covers the whole list, each sign with one of the three urgencies and at least one source', () => {
    expect(RED_FLAGS.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED_URGENCY).sort());
    for (const flag of RED_FLAGS) {
      expect(flag.urgency, flag.id).toBe(EXPECTED_URGENCY[flag.id]);
      expect(flag.sources.length, flag.id).toBeGreaterThan(0);
    }
  });

  it.each(RED_FLAGS.map((f) => [f.id, f] as const))(
    '%s: its words, under its urgency, with what to do',
    async (_, flag) => {
      const screenAnswer = {
        answeredAt: NOW.toISOString(),
        present: [flag.id],
        clearedAt: null,
        ageBand: '50-69' as const,
        newPain: flag.id === 'age-new-pain',
      };
      render(
        <HeldBackNotice
          screen={screenAnswer}
          level={1}
          pending={false}
          error={null}
          onCleared={() => {}}
          onChangeAnswers={() => {}}
        />,
      );
      const urgency = EXPECTED_URGENCY[flag.id]!;
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(HEADING[urgency]);
      const box = document.querySelector(`[data-urgency="${urgency}"]`) as HTMLElement;
      expect(box.querySelector('p')!.textContent).toMatch(ADVICE[urgency]);
      expect(within(box).getByRole('listitem')).toHaveTextContent(flag.label);
      // Exactly one urgency shown, and emergency wording says "now", never "today".
      expect(document.querySelectorAll('[data-urgency]')).toHaveLength(1);
      if (urgency === 'emergency') {
        expect(box).toHaveAttribute('role', 'alert');
        expect(box.textContent).toMatch(/\bnow\b/);
        expect(box.textContent).not.toMatch(/\btoday\b/);
      }
      // The label and detail are plain words, never a diagnosis.
      expect(`${flag.label} ${flag.detail}`).not.toMatch(/cauda|syndrome|infection|fracture|tumou?r|metasta|equina/i);
    },
  );

  it('shows the most urgent first when signs of several urgencies are reported', () => {
    render(
      <HeldBackNotice
        screen={{
          answeredAt: NOW.toISOString(),
          present: ['night-pain', 'fever', 'both-legs'],
          clearedAt: null,
          ageBand: '20-49',
          newPain: false,
        }}
        level={1}
        pending={false}
        error={null}
        onCleared={() => {}}
        onChangeAnswers={() => {}}
      />,
    );
    expect([...document.querySelectorAll('[data-urgency]')].map((e) => e.getAttribute('data-urgency'))).toEqual([
      'emergency',
      'today',
      'appointment',
    ]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Please get emergency help now');
  });
});

describe('answers saved before the full list', () => {
  it('keep their ticked signs (old ids) and ask the new questions again', async () => {
    const old = {
      answeredAt: '2026-10-01T09:00:00.000Z',
      present: ['progressive-numbness'],
      clearedAt: '2026-10-02T09:00:00.000Z',
    };
    // The stored profile still validates: the old answer and its clearance are kept.
    const { profile } = salvageProfile({ ...DEFAULT_PROFILE, firstRunDone: true, redFlags: old });
    expect(profile.redFlags).toEqual(old);
    const env = flowApi({ profile: { firstRunDone: true, redFlags: profile.redFlags } });
    const user = userEvent.setup({ delay: null });
    render(<BackProfileSettings api={env.api} />);
    expect(
      await screen.findByText(/The safety check has a few new questions, including your age group/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Answer the safety questions again' }));
    // The earlier tick is still there; only the new questions are open.
    expect(screen.getByRole('checkbox', { name: /keeps spreading/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Under 20' })).not.toBeChecked();
  });
});
