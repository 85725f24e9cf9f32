import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebShellExtras } from '../../renderer/web-shell/transport';
import { ShellBar } from '../../renderer/web-shell/ShellBar';
import { createFakeApi, makeState } from './fake-api';

const extras: WebShellExtras = {
  onReminder: () => () => undefined,
  onConnection: () => () => undefined,
  navigate: () => undefined,
};

function install(fake: ReturnType<typeof createFakeApi>) {
  Object.defineProperty(window, 'movesnack', { value: fake.api, configurable: true, writable: true });
}

describe('the browser shell strip: the notification offer', () => {
  beforeEach(() => {
    vi.stubGlobal('Notification', { permission: 'default', requestPermission: vi.fn(async () => 'default') });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(window, 'movesnack');
  });

  it('"No thanks" is saved in the engine\'s settings, not in the browser', async () => {
    const fake = createFakeApi(makeState());
    install(fake);
    const user = userEvent.setup();
    const { unmount } = render(<ShellBar extras={extras} />);
    const offer = await screen.findByRole('complementary', { name: 'Break notifications' });
    await user.click(screen.getByRole('button', { name: 'No thanks' }));
    expect(offer).not.toBeInTheDocument();
    await waitFor(() =>
      expect(fake.dispatched).toContainEqual({ type: 'settings/update', settings: { browserNotifications: 'declined' } }),
    );
    expect(fake.state.settings.browserNotifications).toBe('declined');
    expect(window.localStorage.length).toBe(0);

    // Another page (or a reload) reads the answer from the engine and stays quiet.
    unmount();
    render(<ShellBar extras={extras} />);
    await act(async () => {}); // the engine's answer arrives
    expect(fake.dispatched).toHaveLength(1);
    expect(screen.queryByRole('complementary', { name: 'Break notifications' })).not.toBeInTheDocument();
  });

  it('offers again when the answer is cleared in the engine', async () => {
    const fake = createFakeApi(makeState({ settings: { browserNotifications: 'declined' } }));
    install(fake);
    render(<ShellBar extras={extras} />);
    await act(async () => {}); // the engine's answer arrives
    expect(screen.queryByRole('complementary', { name: 'Break notifications' })).not.toBeInTheDocument();
    act(() => fake.emit({ ...fake.state, settings: { ...fake.state.settings, browserNotifications: 'ask' } }));
    expect(await screen.findByRole('complementary', { name: 'Break notifications' })).toBeVisible();
  });
});
