import type { TFunction } from 'i18next';
import type { MovesnackApi } from '../../shared/ipc-contract';
import { engineMessage } from '../../shared/i18n/text';
import { refusalFromMessage } from '../../shared/ipc-refusal';

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

/** An Error that carries the engine's refusal code and parameters (set by the transports). */
export type CodedError = Error & { code?: string; params?: Record<string, string | number> };

/** An Error for an IPC failure, with its code and parameters kept for the user's language. */
export function refusalError(failure: {
  error: string;
  code?: string;
  params?: Record<string, string | number>;
}): CodedError {
  const error: CodedError = new Error(failure.error);
  if (failure.code) {
    error.code = failure.code;
    error.params = failure.params ?? {};
  }
  return error;
}

/**
 * One sentence to show the user: the renderer's one error formatter, for the main screens and
 * the guided flows alike. A refusal with a code is said in the user's language (pass `t` from
 * useT()); otherwise only the engine's own words are kept: Electron wraps errors that cross IPC
 * as "Error invoking remote method 'x': Error: …".
 */
export function errorMessage(error: unknown, t?: TFunction): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // From Electron's preload, a refusal's code rides at the end of the message (ipc-contract).
  const carried = refusalFromMessage(raw);
  const message = carried.message
    .replace(/^Error invoking remote method '[^']*':\s*/, '')
    .replace(/^Error:\s*/, '')
    .trim();
  const coded = (carried.code ? { code: carried.code, params: carried.params } : error) as Partial<CodedError> | null;
  if (t && coded && typeof coded === 'object' && typeof coded.code === 'string') {
    // The browser shell's own connection messages (renderer/web-shell/transport.ts).
    if (coded.code.startsWith('web-shell.')) return t(`app:errors.${coded.code}`, { defaultValue: message });
    return engineMessage(t, { code: coded.code, params: coded.params ?? {} }, message || undefined);
  }
  if (message) return message;
  return t ? t('app:errors.generic') : 'Something went wrong. Please try again.';
}
