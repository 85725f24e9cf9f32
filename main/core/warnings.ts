/**
 * The engine's warnings: each message once, the newest last, the oldest dropping off past
 * MAX_WARNINGS. Kept twice in step: as English text (state.warnings, the contract) and as
 * notices with a stable code and parameters (state.notices, DESIGN.md "Language").
 */
import { asNotice, type EngineNotice } from '../../shared/engine-messages';
import { MAX_WARNINGS } from '../../shared/time-rules';

export class WarningList {
  private readonly list: EngineNotice[] = [];
  /** Bumped on every warning, so the state fingerprint notices it. */
  version = 0;

  add(warning: string | EngineNotice): void {
    const entry = asNotice(warning);
    const seen = this.list.findIndex((n) => n.text === entry.text);
    if (seen !== -1) this.list.splice(seen, 1);
    this.list.push(entry);
    this.version++;
    if (this.list.length > MAX_WARNINGS) this.list.splice(0, this.list.length - MAX_WARNINGS);
  }

  texts(): string[] {
    return this.list.map((n) => n.text);
  }

  notices(): EngineNotice[] {
    return this.list.map((n) => ({ code: n.code, params: { ...n.params }, text: n.text }));
  }
}
