import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWebTransport, servedByWebShell } from './transport';
import { startBrowserShell } from './shell';
import { ShellBar } from './ShellBar';

/**
 * In the browser shell (main/web-shell), gives the page its `window.movesnack` over the
 * loopback connection, plus the shell's title, notifications and strip. Does nothing where a
 * preload already exposed the API (Electron) or where no browser shell served the page.
 */
export function installWebShell(): void {
  if (typeof window === 'undefined' || window.movesnack || !servedByWebShell()) return;
  const { api, extras } = createWebTransport();
  Object.defineProperty(window, 'movesnack', { value: api, enumerable: true, configurable: false, writable: false });
  startBrowserShell(api, extras);

  const container = document.createElement('div');
  container.id = 'shell-bar';
  document.body.insertBefore(container, document.body.firstChild);
  createRoot(container).render(
    <StrictMode>
      <ShellBar extras={extras} />
    </StrictMode>,
  );
}
