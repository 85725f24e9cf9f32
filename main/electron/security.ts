/**
 * Electron security defaults that are not window options: CSP header, no permissions, no
 * remote requests, no navigation, no new windows, no webviews, and the IPC sender check.
 */
import { app, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import { RENDERER_CSP, devCsp, isAllowedRequest, isTrustedRendererUrl, type RendererLocation } from '../web-security';

export function hardenSession(location: RendererLocation & { indexPath: string }): void {
  const ses = session.defaultSession;
  const rendererDir = pathToFileURL(dirname(location.indexPath)).href;
  const devOrigin = location.devOrigin ?? null;

  // No camera, microphone, notifications, geolocation, clipboard… for any page.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  // No remote content: only our renderer's own files (and the dev server while developing).
  const where = { ...location, rendererDirUrl: rendererDir, caseInsensitive: process.platform === 'win32' };
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed = isAllowedRequest(url, where);
    if (!allowed) console.warn(`[movesnack] blocked request to ${url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });

  // The CSP as a response header (renderer/index.html carries the same policy as a meta tag,
  // which is what file:// pages are guaranteed to honour).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const isDev = devOrigin !== null && details.url.startsWith(devOrigin + '/');
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [isDev && devOrigin ? devCsp(devOrigin) : RENDERER_CSP],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}

/** Every webContents the app ever creates: no popups, no navigation away, no webviews. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Our pages are loaded by main (loadFile/loadURL do not emit these); the renderer routes
    // with the URL hash (in-page, no event). Anything else is refused.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * An IPC call is answered only when it comes from the main frame of one of our windows,
 * showing our renderer page (file:// in the app, the dev server's origin in development).
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  isOurWindow: (contents: WebContents) => boolean,
  location: RendererLocation,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return false;
  if (!isOurWindow(event.sender)) return false;
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.routingId !== main.routingId || frame.processId !== main.processId) return false;
  return isTrustedRendererUrl(frame.url, location);
}
