import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Feeling } from '../../shared/history';
import { buildActiveRoutine } from '../../shared/routine-selection';
import { routineById } from '../../shared/routines';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { ActiveRoutine, RoutineStepView } from '../../shared/state';
import type { Chime, ChimeKind } from '../../renderer/pages/routine/chime';
import { RoutinePlayer } from '../../renderer/pages/routine/RoutinePlayer';

const step = (over: Partial<RoutineStepView> & Pick<RoutineStepView, 'id' | 'name'>): RoutineStepView => ({
  seconds: 20,
  cues: [`${over.name}: first cue`, `${over.name}: second cue`],
  posture: 'standing',
  bias: 'neutral',
  sides: false,
  illustration: 'march',
  swappedFrom: null,
  ...over,
});

/** 20 s march, 20 s two-sided leg swing, 20 s back bend. */
const ROUTINE: ActiveRoutine = {
  id: 'test-minute',
  steps: [
    step({ id: 'march-in-place', name: 'March in place', illustration: 'march' }),
    step({ id: 'leg-swing', name: 'Easy leg swings', illustration: 'leg-swing', sides: true }),
    step({ id: 'standing-back-bend', name: 'Gentle standing back bend', illustration: 'back-bend', bias: 'extension' }),
  ],
};

function fakeChime() {
  const played: [ChimeKind, number][] = [];
  const chime: Chime = { play: (kind, volume) => void played.push([kind, volume]), close: () => {} };
  return { chime, played, kinds: () => played.map(([k]) => k) };
}

function setup(
  options: { routine?: ActiveRoutine; soundEnabled?: boolean; soundVolume?: number; nextBreakAt?: string } = {},
) {
  const onComplete = vi.fn<(feeling: Feeling) => void>();
  const onAbandon = vi.fn<(secondsDone: number) => void>();
  const sound = fakeChime();
  const settings = {
    ...DEFAULT_SETTINGS,
    soundEnabled: options.soundEnabled ?? true,
    soundVolume: options.soundVolume ?? 0.6,
  };
  const utils = render(
    <RoutinePlayer
      routine={options.routine ?? ROUTINE}
      settings={settings}
      onComplete={onComplete}
      onAbandon={onAbandon}
      routineName="Test minute"
      nextBreakAt={options.nextBreakAt ?? null}
      chime={sound.chime}
    />,
  );
  return { ...utils, onComplete, onAbandon, sound };
}

/**
 * Moves the clock in steps of at most a second, rendering in between as a browser would (one
 * act() for a whole minute would batch every tick into one render). Steps and sides last at
 * least 10 s, so no change of step or side is ever folded into another.
 */
function advance(ms: number) {
  for (let left = ms; left > 0; left -= 1_000) act(() => void vi.advanceTimersByTime(Math.min(1_000, left)));
}
/** The display tick has stopped: once React's own pending work has run, no timer is left. */
function expectNoTicking() {
  act(() => void vi.advanceTimersByTime(1_000));
  expect(vi.getTimerCount()).toBe(0);
}
const stepName = () => screen.getByRole('heading', { level: 1 }).textContent;
const press = (key: string, target: Element | Window = window) => act(() => void fireEvent.keyDown(target, { key }));
const liveText = () => screen.getByRole('status').textContent;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RoutinePlayer timing', () => {
  it('changes step at the right second, with a chime and an announcement', () => {
    const { sound } = setup();
    expect(stepName()).toBe('March in place');
    expect(liveText()).toMatch(/Step 1 of 3: March in place, 20 seconds/);
    expect(sound.played).toEqual([]); // no chime for the first step: the user just pressed start

    advance(19_750);
    expect(stepName()).toBe('March in place');
    advance(250);
    expect(stepName()).toBe('Easy leg swings');
    expect(sound.kinds()).toEqual(['step']);
    expect(sound.played[0]![1]).toBe(0.6);
    expect(liveText()).toMatch(/Step 2 of 3: Easy leg swings, 10 seconds each side, first side now/);

    advance(20_000);
    expect(stepName()).toBe('Gentle standing back bend');
    expect(sound.kinds()).toEqual(['step', 'side', 'step']);
  });

  it('counts down the step and the minute, and previews what comes next', () => {
    setup();
    advance(5_000);
    const ring = document.querySelector('.rp-count')!;
    expect(ring.textContent).toBe('15s');
    expect(screen.getByText('0:55')).toBeInTheDocument();
    const next = document.querySelector('.rp-next')!;
    expect(within(next as HTMLElement).getByText('Easy leg swings')).toBeInTheDocument();
    const [stepRing, minuteRing] = [...document.querySelectorAll('.rp-ring-value')].reverse();
    expect(Number(stepRing!.getAttribute('data-value'))).toBeCloseTo(0.75, 3);
    expect(Number(minuteRing!.getAttribute('data-value'))).toBeCloseTo(55 / 60, 3);
    advance(35_000); // 40 s: the last step
    expect(within(document.querySelector('.rp-next') as HTMLElement).getByText('Last move')).toBeInTheDocument();
  });

  it('cues the switch of sides halfway through a two-sided step', () => {
    const { sound } = setup();
    advance(20_000);
    expect(screen.getByText(/First side/)).toBeInTheDocument();
    advance(9_750);
    expect(screen.queryByText('Switch sides')).not.toBeInTheDocument();
    advance(250);
    expect(screen.getByText('Switch sides')).toBeInTheDocument();
    expect(liveText()).toBe('Switch sides.');
    expect(sound.kinds()).toEqual(['step', 'side']);
    advance(3_000);
    expect(screen.getByText('Other side')).toBeInTheDocument();
  });

  it('pause holds time, and resume carries on from the same second', () => {
    setup();
    advance(5_000);
    fireEvent.click(screen.getByRole('button', { name: /pause/i }));
    expect(screen.getByRole('button', { name: /resume/i })).toHaveAttribute('aria-pressed', 'true');
    expect(liveText()).toBe('Paused.');
    expectNoTicking(); // no tick while paused
    advance(120_000);
    expect(stepName()).toBe('March in place');
    expect(document.querySelector('.rp-count')!.textContent).toBe('15s');

    fireEvent.click(screen.getByRole('button', { name: /resume/i }));
    expect(liveText()).toBe('Going again.');
    advance(14_750);
    expect(stepName()).toBe('March in place');
    advance(250);
    expect(stepName()).toBe('Easy leg swings');
  });

  it('Space pauses and resumes from the keyboard', () => {
    setup();
    advance(2_000);
    press(' ');
    expect(screen.getByRole('button', { name: /resume/i })).toBeInTheDocument();
    advance(30_000);
    expect(stepName()).toBe('March in place');
    press(' ');
    expect(screen.getByRole('button', { name: /pause/i })).toBeInTheDocument();
    advance(18_000);
    expect(stepName()).toBe('Easy leg swings');
  });

  it('→ skips to the next step at once, and "Skip step" does the same', () => {
    const { sound } = setup();
    advance(3_000);
    press('ArrowRight');
    expect(stepName()).toBe('Easy leg swings');
    expect(document.querySelector('.rp-count')!.textContent).toBe('20s');
    expect(sound.kinds()).toEqual(['step']);
    fireEvent.click(screen.getByRole('button', { name: /skip step/i }));
    expect(stepName()).toBe('Gentle standing back bend');
  });

  it('Esc ends early with the seconds actually spent moving (skipped time does not count)', () => {
    const { onAbandon, onComplete } = setup();
    advance(5_000);
    press('ArrowRight'); // skips the 15 s left of the march
    advance(8_000);
    press('Escape');
    expect(onAbandon).toHaveBeenCalledTimes(1);
    expect(onAbandon).toHaveBeenCalledWith(13);
    expect(onComplete).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'That still counts' })).toHaveFocus();
    expectNoTicking();
    press('Escape');
    expect(onAbandon).toHaveBeenCalledTimes(1);
  });

  it('"End early" ends with the seconds done', () => {
    const { onAbandon } = setup();
    advance(21_000);
    fireEvent.click(screen.getByRole('button', { name: /end early/i }));
    expect(onAbandon).toHaveBeenCalledWith(21);
  });

  it('asks how the back feels at the end, then sends the user back to work', () => {
    const { onComplete, onAbandon, sound } = setup({ nextBreakAt: '2026-11-23T09:31:00.000Z' });
    advance(59_750);
    expect(screen.queryByText('How does your back feel now?')).not.toBeInTheDocument();
    advance(250);
    const question = screen.getByRole('heading', { name: 'How does your back feel now?' });
    expect(question).toHaveFocus();
    expect(sound.kinds()).toEqual(['step', 'side', 'step', 'end']);
    expect(liveText()).toMatch(/How does your back feel now/);
    expectNoTicking();
    press('Escape'); // nothing to end any more
    expect(onAbandon).not.toHaveBeenCalled();

    const group = screen.getByRole('group', { name: 'How does your back feel now?' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Better', 'About the same', 'Worse']);
    fireEvent.click(within(group).getByRole('button', { name: 'Better' }));
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith('better');
    expect(screen.getByRole('heading', { name: 'Back to work' })).toHaveFocus();
    expect(screen.getByText(/Next break around/)).toBeInTheDocument();
  });

  it('answers "worse" with care and no diagnosis', () => {
    const { onComplete } = setup();
    advance(60_000);
    fireEvent.click(screen.getByRole('button', { name: 'Worse' }));
    expect(onComplete).toHaveBeenCalledWith('worse');
    expect(screen.getByText(/gentler one/)).toBeInTheDocument();
    expect(screen.getByText(/stop it and talk to your clinician/)).toBeInTheDocument();
  });

  it('skipping the last step goes to the feeling question', () => {
    setup();
    press('ArrowRight');
    press('ArrowRight');
    press('ArrowRight');
    expect(screen.getByRole('heading', { name: 'How does your back feel now?' })).toBeInTheDocument();
  });

  it('keeps quiet when sound is off or the volume is zero', () => {
    const off = setup({ soundEnabled: false });
    advance(60_000);
    expect(off.sound.played).toEqual([]);
    off.unmount();
    const silent = setup({ soundVolume: 0.25 });
    advance(20_000);
    expect(silent.sound.played).toEqual([['step', 0.25]]);
  });

  it('leaves typing and modified keys alone, and lets a focused button answer Space itself', () => {
    setup();
    press('ArrowRight', window);
    expect(stepName()).toBe('Easy leg swings');
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight', ctrlKey: true }));
    expect(stepName()).toBe('Easy leg swings');
    const skip = screen.getByRole('button', { name: /skip step/i });
    press(' ', skip); // the browser turns Space on a button into its click; we must not also pause
    expect(screen.getByRole('button', { name: /pause/i })).toBeInTheDocument();
  });
});

describe('RoutinePlayer content', () => {
  it('shows the step illustration (an image with a description), the cues and the keyboard hints', () => {
    setup();
    const figure = screen.getByRole('img');
    expect(figure).toHaveAttribute('data-illustration', 'march');
    expect(figure.getAttribute('aria-label')).toMatch(/marching/i);
    expect(screen.getByText('March in place: first cue')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /pause/i })).toHaveAttribute('aria-keyshortcuts', 'Space');
    expect(screen.getByRole('button', { name: /skip step/i })).toHaveAttribute('aria-keyshortcuts', 'ArrowRight');
    expect(screen.getByRole('button', { name: /end early/i })).toHaveAttribute('aria-keyshortcuts', 'Escape');
    advance(20_000);
    expect(screen.getByRole('img')).toHaveAttribute('data-illustration', 'leg-swing');
  });

  it('freezes the figure while paused', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: /pause/i }));
    expect(screen.getByRole('img')).toHaveClass('ms-fig-paused');
  });

  it('says when a step is the gentler version of one that felt worse twice', () => {
    const routine = buildActiveRoutine(routineById('classic-snack')!, { 'march-in-place': 2 });
    setup({ routine });
    expect(stepName()).toBe('Seated march');
    expect(screen.getByText(/gentler version of “March in place”/)).toBeInTheDocument();
    expect(screen.getByText(/in your chair/)).toBeInTheDocument();
  });

  it('uses no inline styles anywhere (the CSP forbids them)', () => {
    const { container } = setup();
    advance(30_000);
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
    advance(30_000);
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('plays a real catalogue routine to the end', () => {
    const { onComplete } = setup({ routine: buildActiveRoutine(routineById('hip-opener')!, {}) });
    const names: string[] = [];
    for (let s = 0; s < 60; s++) {
      const name = stepName()!;
      if (names.at(-1) !== name) names.push(name);
      advance(1_000);
    }
    expect(names).toEqual(['Side-to-side weight shift', 'Easy leg swings', 'Standing hip flexor stretch']);
    fireEvent.click(screen.getByRole('button', { name: 'About the same' }));
    expect(onComplete).toHaveBeenCalledWith('same');
  }, 45_000); // sixty renders of the whole player: slow only on a loaded machine

  it('runs its display tick only while playing', () => {
    const { unmount } = setup();
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expectNoTicking();
  });
});
