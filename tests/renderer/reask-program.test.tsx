import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safetyReask } from '../../main/core/program-service-adapter';
import type { Profile } from '../../shared/profile';
import { NOW, addProgram, createFakeApi, makeState } from './fake-api';
import { freezeDate, renderApp } from './render';

const MIN = 60_000;
const iso = (offsetMin: number) => new Date(NOW.getTime() + offsetMin * MIN).toISOString();
const due = () => makeState({ phase: 'due', stretchStart: iso(-32), nextBreakAt: iso(0) });
/** Answered an hour ago with nothing to report: no re-ask from the answer itself. */
const SCREENED = {
  redFlags: { answeredAt: iso(-60), present: [], clearedAt: null, ageBand: '20-49', newPain: false },
} as const satisfies Partial<Profile>;

/** A break prompt over the real program service; the engine's re-ask read, as runner-reads.ts gives it. */
function setup(worseSessions: number) {
  const fake = createFakeApi(due(), { profile: SCREENED });
  const program = addProgram(fake, { start: NOW.getTime() - 50 * MIN });
  program.service.dispatch({ type: 'program/start' });
  for (let i = 0; i < worseSessions; i++) {
    program.service.dispatch({ type: 'program/session-start' });
    program.service.dispatch({ type: 'program/session-end', answer: 'worse', legWorse: false, soreness: false });
    program.clock.advance(10 * MIN);
  }
  const calls: number[] = [];
  fake.api.getSafetyReask = async () => {
    calls.push(program.clock.now());
    return safetyReask(fake.profile, [], program.service, program.clock.now());
  };
  return { fake, program, calls };
}

beforeEach(() => {
  freezeDate();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Re-asking the safety questions counts home program setbacks', { timeout: 30_000 }, () => {
  it('three program sessions that felt worse bring the safety check back on the break prompt', async () => {
    const { fake, program, calls } = setup(3);
    try {
      expect(program.service.setbacks(NOW.getTime() - 7 * 24 * 60 * MIN)).toHaveLength(3);
      renderApp(fake, '#/prompt');
      expect(await screen.findByText(/Several routines felt worse this week/)).toBeInTheDocument();
      expect(calls.length).toBeGreaterThan(0);
    } finally {
      program.cleanup();
    }
  });

  it('two are not enough', async () => {
    const { fake, program } = setup(2);
    try {
      renderApp(fake, '#/prompt');
      expect(await screen.findByRole('button', { name: /Start the 60-second routine/ })).toBeInTheDocument();
      expect(screen.queryByText(/Several routines felt worse this week/)).toBeNull();
    } finally {
      program.cleanup();
    }
  });
});
