import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../renderer/App';
import { NOW, createFakeApi } from './fake-api';

/** Date is frozen at NOW; timers stay real so Testing Library can wait. */
export function freezeDate() {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
}

export function renderApp(fake: ReturnType<typeof createFakeApi>, hash = '#/') {
  window.location.hash = hash;
  const user = userEvent.setup();
  const utils = render(<App api={fake.api} />);
  return { ...utils, user };
}
