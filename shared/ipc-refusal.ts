/**
 * How a refusal's code crosses Electron's context bridge. The bridge keeps only an Error's
 * message, so the preload carries a refusal's code and parameters after this mark, as JSON; the
 * renderer's one error formatter reads them. No imports: the sandboxed preload bundles this.
 */
export const REFUSAL_MARK = '\u2063refusal:';

export function messageWithRefusal(failure: {
  error: string;
  code?: string;
  params?: Record<string, string | number>;
}): string {
  return failure.code
    ? `${failure.error}${REFUSAL_MARK}${JSON.stringify({ code: failure.code, params: failure.params ?? {} })}`
    : failure.error;
}

/** The plain message and, when present, the refusal carried by messageWithRefusal. */
export function refusalFromMessage(message: string): {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
} {
  const at = message.indexOf(REFUSAL_MARK);
  if (at < 0) return { message };
  try {
    const carried = JSON.parse(message.slice(at + REFUSAL_MARK.length)) as { code?: unknown; params?: unknown };
    const params =
      carried.params && typeof carried.params === 'object' ? (carried.params as Record<string, string | number>) : {};
    return typeof carried.code === 'string'
      ? { message: message.slice(0, at), code: carried.code, params }
      : { message: message.slice(0, at) };
  } catch {
    return { message: message.slice(0, at) };
  }
}
