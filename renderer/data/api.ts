import type { MovesnackApi } from '../../shared/ipc-contract';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the browser test harness. Never built here. */
    movesnack?: MovesnackApi;
  }
}

/** The typed bridge to the engine, or null when the page runs without one. */
export function getApi(): MovesnackApi | null {
  if (typeof window === 'undefined') return null;
  return window.movesnack ?? null;
}

/**
 * One sentence to show the user: the renderer's one error formatter, for the main screens and
 * the guided flows alike. Electron wraps errors that cross IPC as
 * "Error invoking remote method 'x': Error: …"; only the engine's own words are kept.
 */
export function errorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const message = raw
    .replace(/^Error invoking remote method '[^']*':\s*/, '')
    .replace(/^Error:\s*/, '')
    .trim();
  return message || 'Something went wrong. Please try again.';
}
