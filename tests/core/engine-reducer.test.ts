import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { DEFAULT_PROFILE } from '../../shared/profile';
import { reduce, type EngineEvent } from '../../main/core/engine/reducer';
import { newCoreData, newPending, type CoreData } from '../../main/core/engine/model';
import { nextBreakAt } from '../../main/core/engine/next-break';
import { shiftAnchors } from '../../main/core/engine/time-shift';
import type { Inputs } from '../../main/core/engine/step';
import type { Effect } from '../../main/core/engine/effects';
import { emptyAdaptations, type Adaptations } from '../../main/core/store-adaptations';
import { refuseUnlessFits, type FitContext } from '../../main/core/engine/refusals';
import type { Action } from '../../shared/actions';
import type { SmartIntervalView } from '../../shared/ipc-contract';

/**
 * The pure core on its own: no store, no clock, no timers. Each case gives a state and an
 * event and reads the new state and the effects.
 */
const MIN = 60_000;
const T0 = Date.parse('2026-11-23T09:00:00.000Z');

function inputs(idleSeconds = 0, settings: Partial<Settings> = {}): Inputs {
  return {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    profile: { ...DEFAULT_PROFILE },
    idleSeconds: () => idleSeconds,
    recentBreaks: () => [],
    adaptations: emptyAdaptations(),
    smartInterval: () => ({ result: null, dismissedUntil: null, lastRaiseAt: null }),
  };
}

function sitting(start = T0): CoreData {
  return { ...newCoreData(), phase: 'sitting', stretch: { start, discomfortAt: null }, deadline: nextBreakAt(start, 30) };
}

const at = (now: number, body: Record<string, unknown>): EngineEvent => ({ now, mono: now - T0, ...body }) as EngineEvent;
const of = <K extends Effect['kind']>(effects: Effect[], kind: K) =>
  effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);

describe('the pure core', () => {
  it('an idle reading past naturalBreakMin while sitting closes the stretch when input stopped', () => {
    const before = sitting();
    const now = T0 + 20 * MIN;
    const { state, effects } = reduce(before, at(now, { type: 'poll' }), inputs(5 * 60));
    expect(state.phase).toBe('away');
    expect(state.stretch).toBeNull();
    expect(state.awaySince).toBe(now - 5 * MIN);
    expect(of(effects, 'append')).toEqual([
      {
        kind: 'append',
        collection: 'stretches',
        record: { start: new Date(T0).toISOString(), end: new Date(now - 5 * MIN).toISOString(), endedBy: 'natural', discomfortAt: null },
      },
    ]);
    // Away: no event timer, the idle poll every 30 s.
    expect(of(effects, 'arm').at(-1)).toEqual({ kind: 'arm', eventInMs: null, poll: { waitMs: 30_000 } });
    // The state it was given is untouched.
    expect(before.phase).toBe('sitting');
    expect(before.stretch).toEqual({ start: T0, discomfortAt: null });
  });

  it('a short idle reading changes nothing and records nothing', () => {
    const { state, effects } = reduce(sitting(), at(T0 + 10 * MIN, { type: 'poll' }), inputs(30));
    expect(state).toEqual(sitting());
    expect(of(effects, 'append')).toEqual([]);
    expect(of(effects, 'arm')).toEqual([{ kind: 'arm', eventInMs: 20 * MIN, poll: { waitMs: 2 * MIN } }]);
  });

  it('the timer at the deadline makes the break due; a busy meeting holds it instead', () => {
    const due = reduce(sitting(), at(T0 + 30 * MIN, { type: 'timer' }), inputs());
    expect(due.state.phase).toBe('due');
    expect(due.state.pending).toMatchObject({ dueAt: T0 + 30 * MIN, snoozes: 0 });
    const busy = { ...sitting(), busy: ['meeting' as const] };
    const held = reduce(busy, at(T0 + 30 * MIN, { type: 'timer' }), inputs());
    expect(held.state.phase).toBe('deferred');
    expect(held.state.deadline).toBe(T0 + 30 * MIN + 60 * MIN);
  });

  it('a snooze spends one snooze and moves the deadline by snoozeMin; skip records the break as skipped', () => {
    const due = reduce(sitting(), at(T0 + 30 * MIN, { type: 'timer' }), inputs()).state;
    const snoozed = reduce(due, at(T0 + 31 * MIN, { type: 'action', action: { type: 'break/snooze' } }), inputs());
    expect(snoozed.state).toMatchObject({ phase: 'sitting', deadline: T0 + 36 * MIN });
    expect(snoozed.state.pending!.snoozes).toBe(1);
    const skipped = reduce(due, at(T0 + 31 * MIN, { type: 'action', action: { type: 'break/skip' } }), inputs());
    expect(skipped.state).toMatchObject({ phase: 'sitting', pending: null, deadline: T0 + 61 * MIN });
    expect(of(skipped.effects, 'append')[0]).toMatchObject({ collection: 'breaks', record: { outcome: 'skipped', snoozes: 0 } });
  });

  it('pausing closes the stretch as quit and drops a due break unrecorded', () => {
    const due = reduce(sitting(), at(T0 + 30 * MIN, { type: 'timer' }), inputs()).state;
    const until = new Date(T0 + 120 * MIN).toISOString();
    const { state, effects } = reduce(due, at(T0 + 32 * MIN, { type: 'action', action: { type: 'pause', until } }), inputs());
    expect(state).toMatchObject({ phase: 'paused', pausedUntil: T0 + 120 * MIN, pending: null, stretch: null });
    expect(of(effects, 'append').map((e) => [e.collection, (e.record as { endedBy?: string }).endedBy])).toEqual([['stretches', 'quit']]);
  });

  it('a clock jump moves every anchor by the same amount and reschedules the calendar', () => {
    const due = reduce(sitting(), at(T0 + 30 * MIN, { type: 'timer' }), inputs()).state;
    const { state, effects } = reduce(due, at(T0 + 90 * MIN, { type: 'clock-jump', by: 60 * MIN }), inputs());
    expect(state.stretch!.start).toBe(T0 + 60 * MIN);
    expect(state.pending!.dueAt).toBe(T0 + 90 * MIN);
    expect(state.deadline).toBe(T0 + 90 * MIN);
    expect(of(effects, 'schedule-calendar')).toHaveLength(1);
    expect(of(effects, 'append')).toEqual([]);
  });

  it('settings/update asks to save the settings and moves the deadline with the interval', () => {
    const { state, effects } = reduce(
      sitting(),
      at(T0 + 5 * MIN, { type: 'action', action: { type: 'settings/update', settings: { breakIntervalMin: 45 } } }),
      inputs(),
    );
    expect(state.deadline).toBe(T0 + 45 * MIN);
    expect(of(effects, 'save-settings')[0]!.settings.breakIntervalMin).toBe(45);
  });
});

describe('a held break follows its settings at once', () => {
  const held = (): CoreData => ({
    ...newCoreData(),
    phase: 'deferred',
    busy: ['meeting'],
    stretch: null,
    pending: { ...newPending(T0 + 30 * MIN), heldSince: T0 + 30 * MIN, holdStart: T0 + 30 * MIN, everHeld: true },
    deadline: T0 + 90 * MIN, // the default longest hold, 60 min
  });
  const update = (state: CoreData, now: number, settings: Partial<Settings>) =>
    reduce(state, at(now, { type: 'action', action: { type: 'settings/update', settings } }), inputs());

  it('a shorter longest hold moves the end of the hold; past it, the break comes at once', () => {
    const shorter = update(held(), T0 + 35 * MIN, { maxDeferMin: 10 });
    expect(shorter.state.deadline).toBe(T0 + 40 * MIN);
    expect(of(shorter.effects, 'arm').at(-1)!.eventInMs).toBe(5 * MIN);
    // Held 15 minutes already: due at once, in the same transition.
    const over = update(held(), T0 + 45 * MIN, { maxDeferMin: 10 });
    expect(over.state.phase).toBe('due');
    expect(over.state.pending!.holdSpent).toBe(true);
    expect(update(held(), T0 + 45 * MIN, { maxDeferMin: 0 }).state.phase).toBe('due');
  });

  it('a due break is held at once when the reason that is busy is turned on', () => {
    const due: CoreData = { ...held(), phase: 'due', deadline: T0 + 30 * MIN, pending: newPending(T0 + 30 * MIN) };
    const none = { fullscreen: false, dnd: false, meeting: false, app: false };
    const change = (deferFor: typeof none) => at(T0 + 31 * MIN, { type: 'action', action: { type: 'settings/update', settings: { deferFor } } });
    expect(reduce(due, change(none), inputs(0, { deferFor: none })).state.phase).toBe('due');
    const on = reduce(due, change({ ...none, meeting: true }), inputs(0, { deferFor: none }));
    expect(on.state.phase).toBe('deferred');
    expect(on.state.deadline).toBe(T0 + 90 * MIN);
  });

  it('holding turned off for the reason that holds it: due within the minute of grace', () => {
    const off = update(held(), T0 + 35 * MIN, { deferFor: { ...DEFAULT_SETTINGS.deferFor, meeting: false } });
    expect(off.state.deadline).toBe(T0 + 36 * MIN);
    expect(off.state.phase).toBe('deferred');
  });

  it('a change to something else leaves the hold alone', () => {
    expect(update(held(), T0 + 35 * MIN, { snoozeMin: 10 }).state.deadline).toBe(T0 + 90 * MIN);
  });
});

describe('feedback and the smart-interval memory are events of the core too', () => {
  const withAdaptations = (adaptations: Adaptations, offer?: SmartIntervalView): Inputs => ({
    ...inputs(),
    adaptations,
    ...(offer ? { smartInterval: () => offer } : {}),
  });
  const action = (now: number, a: Action) => at(now, { type: 'action', action: a });
  const fits = (a: Action, input: Inputs, now: number) =>
    refuseUnlessFits(a, {
      phase: 'sitting',
      profile: input.profile,
      settings: input.settings,
      snoozes: 0,
      now,
      adaptations: input.adaptations,
      smartInterval: input.smartInterval,
    } satisfies FitContext);

  it('"worse" after a routine remembers its steps; naming one swaps only that step, once saved, with the notice once', () => {
    const routine = { ...newCoreData(), phase: 'routine' as const, routine: {
      id: 'desk-reset', name: 'Desk reset', steps: [
        { id: 'standing-back-bend', name: 'x', seconds: 20, cue: '' },
        { id: 'hip-hinge', name: 'y', seconds: 20, cue: '' },
      ], totalSeconds: 40, startedMono: 0, dueAt: T0, snoozes: 0,
    } } as unknown as CoreData;
    const finished = reduce(routine, action(T0 + MIN, { type: 'routine/complete', feeling: 'worse' }), inputs());
    const learned = of(finished.effects, 'save-adaptations');
    expect(learned).toHaveLength(1);
    expect(learned[0]!.adaptations.lastWorse).toEqual({ at: new Date(T0 + MIN).toISOString(), steps: ['standing-back-bend', 'hip-hinge'] });

    const answered = reduce(finished.state, action(T0 + 2 * MIN, { type: 'routine/worse-step', stepId: 'hip-hinge' }), withAdaptations(learned[0]!.adaptations));
    const saved = of(answered.effects, 'save-adaptations');
    expect(saved).toHaveLength(1);
    expect(Object.keys(saved[0]!.adaptations.swaps)).toEqual(['hip-hinge']);
    expect(saved[0]!.adaptations.lastWorse).toBeNull();
    expect(of(answered.effects, 'notice').map((n) => n.notice.code)).toEqual(['feedback.gentler-move']);
    // The draft it was given is untouched.
    expect(learned[0]!.adaptations.swaps).toEqual({});

    // Once the question is answered, a second answer is refused before any transition.
    expect(() => fits({ type: 'routine/worse-step', stepId: 'hip-hinge' }, withAdaptations(saved[0]!.adaptations), T0 + 3 * MIN)).toThrow(
      /no recent routine that felt worse/,
    );
    // The notice is given once: a later swap says nothing.
    const again = reduce(
      answered.state,
      action(T0 + 5 * MIN, { type: 'routine/worse-step', stepId: 'standing-back-bend' }),
      withAdaptations({ ...saved[0]!.adaptations, lastWorse: { at: new Date(T0 + 4 * MIN).toISOString(), steps: ['standing-back-bend'] } }),
    );
    expect(of(again.effects, 'notice')).toEqual([]);
    expect(Object.keys(of(again.effects, 'save-adaptations')[0]!.adaptations.swaps).sort()).toEqual(['hip-hinge', 'standing-back-bend']);
  });

  it('a step the worse routine did not have, or a step not offered again, is refused', () => {
    const adaptations = { ...emptyAdaptations(), lastWorse: { at: new Date(T0).toISOString(), steps: ['hip-hinge'] } };
    expect(() => fits({ type: 'routine/worse-step', stepId: 'wall-angel' }, withAdaptations(adaptations), T0 + MIN)).toThrow(/was not a step/);
    expect(() => fits({ type: 'routine/reoffer', stepId: 'hip-hinge', accept: true }, withAdaptations(adaptations), T0 + MIN)).toThrow(
      /not being offered again/,
    );
  });

  it('interval/accept takes only the minutes on offer, records a raise and saves the interval; interval/dismiss hides it a week', () => {
    const offer: SmartIntervalView = {
      result: { kind: 'suggest', direction: 'raise', minutes: 35, current: 30, target: 40, max: 60, comfort: 'fine', flare: null, reason: '', reasonParts: [] } as never,
      dismissedUntil: null,
      lastRaiseAt: null,
    };
    const input = withAdaptations(emptyAdaptations(), offer);
    expect(() => fits({ type: 'interval/accept', minutes: 40 }, input, T0)).toThrow(/not what the suggestion offers/);
    fits({ type: 'interval/accept', minutes: 35 }, input, T0);

    const accepted = reduce(sitting(), action(T0 + 10 * MIN, { type: 'interval/accept', minutes: 35 }), input);
    expect(of(accepted.effects, 'save-adaptations')[0]!.adaptations.smartInterval).toEqual({
      lastRaiseAt: new Date(T0 + 10 * MIN).toISOString(),
      dismissedUntil: null,
    });
    expect(of(accepted.effects, 'save-settings')[0]!.settings.breakIntervalMin).toBe(35);
    // The raise is saved before the interval, once.
    const kinds = accepted.effects.map((e) => e.kind);
    expect(kinds.indexOf('save-adaptations')).toBeLessThan(kinds.indexOf('save-settings'));
    expect(of(accepted.effects, 'save-adaptations')).toHaveLength(1);
    expect(accepted.state.deadline).toBe(T0 + 35 * MIN);

    const dismissed = reduce(sitting(), action(T0, { type: 'interval/dismiss' }), input);
    expect(of(dismissed.effects, 'save-adaptations')[0]!.adaptations.smartInterval.dismissedUntil).toBe(new Date(T0 + 7 * 24 * 60 * MIN).toISOString());
    expect(of(dismissed.effects, 'save-settings')).toEqual([]);
    // Nothing to put off: refused.
    expect(() => fits({ type: 'interval/dismiss' }, withAdaptations(emptyAdaptations()), T0)).toThrow(/no interval suggestion/);
  });

  it('a transition that learns nothing asks for no adaptations save', () => {
    const { effects } = reduce(sitting(), at(T0 + MIN, { type: 'poll' }), inputs());
    expect(of(effects, 'save-adaptations')).toEqual([]);
  });
});

describe('the two formulas that exist once', () => {
  it('nextBreakAt: the interval after `from`, never before `notBefore`', () => {
    expect(nextBreakAt(T0, 30)).toBe(T0 + 30 * MIN);
    expect(nextBreakAt(T0, 30, T0 + 40 * MIN)).toBe(T0 + 40 * MIN);
  });

  it('shiftAnchors moves the held stretch of a lock too, and leaves a pause alone', () => {
    const s: CoreData = {
      ...newCoreData(),
      phase: 'away',
      pausedUntil: T0 + 99 * MIN,
      lastStretchEnd: T0,
      systemAway: {
        since: T0 + 10 * MIN,
        kinds: new Set(['lock']),
        held: { stretch: { start: T0, discomfortAt: T0 + 5 * MIN }, pending: null, deadline: T0 + 30 * MIN, phase: 'sitting' },
      },
    };
    shiftAnchors(s, -MIN);
    expect(s.systemAway!.since).toBe(T0 + 9 * MIN);
    expect(s.systemAway!.held).toMatchObject({ stretch: { start: T0 - MIN, discomfortAt: T0 + 4 * MIN }, deadline: T0 + 29 * MIN });
    expect(s.lastStretchEnd).toBe(T0 - MIN);
    expect(s.pausedUntil).toBe(T0 + 99 * MIN);
  });
});
