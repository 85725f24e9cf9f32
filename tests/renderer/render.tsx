import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../renderer/App';
import { NOW, createFakeApi } from './fake-api';

/** Date is frozen at NOW; timers stay real so Testing Library can wait. */
export function freezeDate() {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
}

/**
 * Controlled time: every timer is faked, starting at NOW. The clock still moves with real time
 * (so Testing Library's findBy/waitFor keep polling), and `vi.advanceTimersByTimeAsync` jumps
 * it forward at once instead of sleeping. Pass `{ advanceTimers: true }` to renderApp with it.
 */
export function controlTime() {
  vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
}

export function renderApp(
  fake: ReturnType<typeof createFakeApi>,
  hash = '#/',
  options: { advanceTimers?: boolean } = {},
) {
  window.location.hash = hash;
  // user-event waits between keystrokes with setTimeout: under controlTime() it moves the fake clock.
  const user = userEvent.setup(options.advanceTimers ? { advanceTimers: vi.advanceTimersByTime } : {});
  const utils = render(<App api={fake.api} />);
  return { ...utils, user };
}
