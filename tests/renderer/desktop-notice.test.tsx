import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopStatus, MovesnackApi } from '../../shared/ipc-contract';
import { DesktopNotice } from '../../renderer/pages/dashboard/DesktopNotice';
import { createFakeApi, makeState } from './fake-api';
import { freezeDate, renderApp } from './render';

beforeEach(freezeDate);
afterEach(() => {
  vi.useRealTimers();
  delete (window as { movesnack?: MovesnackApi }).movesnack;
});

/** The fake engine, with the shell's answer to "can you tell when I step away?". */
function withDesktop(status: DesktopStatus | null) {
  const fake = createFakeApi(makeState());
  const asked = vi.fn(async () => status!);
  const api: MovesnackApi = status ? { ...fake.api, desktopStatus: asked } : fake.api;
  // The page's API is window.movesnack (preload or browser shell); App gets the same object.
  Object.defineProperty(window, 'movesnack', { value: api, configurable: true, writable: true });
  return { fake: { ...fake, api }, asked };
}

/** Long enough for an answer to arrive and render (timers are real; only Date is frozen). */
const settled = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

const NOTICE = /Movesnack can't see when you step away on this desktop/;

describe('dashboard: when the desktop does not show idle time', () => {
  it('says so plainly, what it changes, and what to do', async () => {
    const { fake, asked } = withDesktop({ idle: 'cant-tell', source: 'none' });
    renderApp(fake);
    const notice = await screen.findByRole('region', { name: 'Stepping away' });
    expect(notice).toHaveTextContent(NOTICE);
    expect(notice).toHaveTextContent(/Breaks are timed by the clock alone, so time away from your desk is not taken off your sitting time\./);
    expect(notice).toHaveTextContent(/pause Movesnack here, and resume it when you're back/);
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(asked).toHaveBeenCalledWith();
  });

  it('says nothing where idle time is known', async () => {
    const { fake, asked } = withDesktop({ idle: 'ok', source: 'electron-powerMonitor' });
    renderApp(fake);
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await waitFor(() => expect(asked).toHaveBeenCalled());
    await settled();
    expect(screen.queryByText(NOTICE)).toBeNull();
  });

  it('says nothing (rather than guess) when the shell does not answer the question', async () => {
    const { fake } = withDesktop(null);
    renderApp(fake);
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    expect(screen.queryByText(NOTICE)).toBeNull();
  });

  it('says nothing when the question fails', async () => {
    const api = { desktopStatus: () => Promise.reject(new Error('lost')) } as unknown as MovesnackApi;
    render(<DesktopNotice api={api} />);
    await settled();
    expect(screen.queryByText(NOTICE)).toBeNull();
  });
});
