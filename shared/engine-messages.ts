/**
 * The engine's refusals carry a stable code and parameters beside their English text
 * (DESIGN.md "Language"), so a UI can say them in the user's language. The English text stays
 * the Error's message: logs, the CLI and older callers keep working.
 */
export type RefusalCode =
  | 'action.invalid'
  | 'phase.refused'
  | 'resume.not-paused'
  | 'safety.unanswered'
  | 'safety.flagged'
  | 'routine.unknown'
  | 'routine.unfit'
  | 'snooze.off'
  | 'snooze.none-left'
  | 'pause.not-future'
  | 'feedback.none'
  | 'feedback.step-unknown'
  | 'feedback.not-offered'
  | 'interval.not-offered';

export type MessageParams = Record<string, string | number>;

export class EngineRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly params: MessageParams,
    text: string,
  ) {
    super(text);
    this.name = 'EngineRefusal';
  }
}

export const refuse = (code: RefusalCode, params: MessageParams, text: string): never => {
  throw new EngineRefusal(code, params, text);
};

/** The code and parameters of anything thrown, for the IPC answer. */
export function refusalOf(error: unknown): { code: string; params: MessageParams } | null {
  return error instanceof EngineRefusal ? { code: error.code, params: { ...error.params } } : null;
}
