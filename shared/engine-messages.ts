/**
 * The engine's refusals carry a stable code and parameters beside their English text
 * (DESIGN.md "Language"), so a UI can say them in the user's language. The English text stays
 * the Error's message: logs, the CLI and older callers keep working.
 */
import { programRefusalOf } from './program/messages';

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

/** The code and parameters of anything thrown (the engine's or the home program's refusals), for the IPC answer. */
export function refusalOf(error: unknown): { code: string; params: MessageParams } | null {
  if (error instanceof EngineRefusal) return { code: error.code, params: { ...error.params } };
  return programRefusalOf(error);
}

/**
 * The engine's warnings (state.warnings) as stable codes with parameters (state.notices), so a
 * UI can say them in the user's language. The English text of each is made here, from its
 * code and parameters, and is exactly what state.warnings shows.
 */
type P = MessageParams;
const plural = (n: string | number, one: string, many: string) => (Number(n) === 1 ? one : many);

export const WARNING_TEXT = {
  'lock.other-owner': (p: P) =>
    `Another Movesnack (process ${p.owner}) is using this data folder, so this one will not save anything. Quit one of them.`,
  'lock.folder-moved': (p: P) => `The lock file was a folder; it was moved aside as ${p.aside}.`,
  'lock.folder-stuck': () =>
    'The lock file is a folder and could not be moved aside, so Movesnack cannot tell whether another copy is running. Quit any other Movesnack.',
  'quit.records-unsaved': (p: P) =>
    `${p.records} record${plural(p.records!, '', 's')} could not be saved before quitting (the disk refused the write). Keep Movesnack open and free some space: it saves them as soon as it can.`,
  'quit.settings-unsaved': () => 'Your settings could not be saved before quitting (the disk refused the write).',
  'feedback.gentler-move': () =>
    'Next time you get a gentler move in place of the one that felt worse. If any move sends pain down your leg, stop it and talk to your clinician or physical therapist.',
  'link.replaced': (p: P) =>
    `${p.name} was a link to a place outside Movesnack's data folder. It was replaced by a real ${p.kind} holding a copy, so Movesnack never writes outside its folder.`,
  'link.not-replaced': (p: P) =>
    `${p.name} is a link to a place outside Movesnack's data folder and could not be replaced (${p.error}). Movesnack will not write there.`,
  'adaptations.unreadable': (p: P) =>
    `Movesnack's notes on which moves felt worse could not be read (${p.error}); they start afresh for now.`,
  'adaptations.set-aside': (p: P) =>
    `Movesnack's notes on which moves felt worse could not be read; they were kept as ${p.aside} and start afresh.`,
  'adaptations.unsaved': () => 'Movesnack could not save which moves felt worse; it will try again after the next routine.',
  'backup.unwritten': (p: P) => `A backup of your history could not be written (${p.error}). Movesnack will try again tomorrow.`,
  'runtime.unreadable': (p: P) =>
    `The record of your current sitting stretch could not be read (${p.error}); a new stretch started.`,
  'runtime.set-aside': (p: P) =>
    `The record of your current sitting stretch could not be read; it was kept as ${p.aside} and a new stretch started.`,
  'settings.unreadable': (p: P) =>
    `Your settings file could not be read (${p.error}). It was kept as ${p.aside} and Movesnack started with default settings.`,
  'settings.stray-bytes': (p: P) =>
    `Your settings file had stray bytes after the settings. They were read in full; the original file was kept as ${p.aside}.`,
  'settings.not-settings': (p: P) =>
    `Your settings file did not hold settings. It was kept as ${p.aside} and Movesnack started with default settings.`,
  'settings.newer': () =>
    'Your settings were saved by a newer version of Movesnack. This version reads what it understands and will not change that file; update Movesnack to edit settings again.',
  'settings.reset-some': (p: P) =>
    `Some saved settings were not valid (${p.fields}) and were reset to their defaults. The original file was kept as ${p.aside}.`,
  'settings.unsaved': (p: P) => `Settings cannot be saved right now (${p.error}). Changes apply until Movesnack quits.`,
  'settings.unsaved-retrying': (p: P) =>
    `Settings could not be saved (${p.error}). They apply now, and Movesnack saves them as soon as writing works again.`,
  'import.records-skipped': (p: P) =>
    `${p.count} record${plural(p.count!, '', 's')} in the file could not be used and ${plural(p.count!, 'was', 'were')} left out (${p.first}${Number(p.count) > 1 ? ', …' : ''}). Everything else was added.`,
  'settings.saved-again': () => 'Saving works again: your settings are on disk.',
  'history.data-folder-is-file': (p: P) =>
    `Movesnack's data folder (${p.dataDir}) is a file, not a folder, so nothing can be saved. Movesnack runs and keeps what you do in memory until it quits.`,
  'history.folder-is-file-kept': () =>
    `A file named "history" is where Movesnack keeps its history folder and could not be moved aside, so new history is kept in memory only.`,
  'history.folder-is-file-moved': (p: P) =>
    `A file named "history" was where Movesnack keeps its history folder. It was kept as ${p.aside}, and new history is saved in a fresh folder.`,
  'history.folder-unreadable': (p: P) =>
    `Your history folder could not be read (${p.error}). Movesnack runs, keeps new records in memory and will not write there.`,
  'history.month-unreadable': (p: P) =>
    `History for ${p.month} could not be read (${p.error}). The file was kept as history/${p.aside}; other months are fine.`,
  'history.month-malformed': (p: P) => `History for ${p.month} was not in the expected form. The file was kept as history/${p.aside}.`,
  'history.month-newer': (p: P) =>
    `History for ${p.month} was saved by a newer version of Movesnack. It is shown as far as this version understands it and will not be changed.`,
  'history.month-stray-bytes': (p: P) =>
    `History for ${p.month} had ${p.bytes} stray byte${plural(p.bytes!, '', 's')} after its records. Every record was read; the original file was kept as history/${p.aside}.`,
  'history.journal-unreadable': (p: P) =>
    `Recent history for ${p.month} could not be read (${p.error}). It was kept as history/${p.aside}.`,
  'history.journal-unreadable-kept': (p: P) => `Recent history for ${p.month} could not be read (${p.error}). Other months are fine.`,
  'history.records-dropped-kept': (p: P) =>
    `${p.count} record${plural(p.count!, '', 's')} in the history for ${p.month} could not be read and ${plural(p.count!, 'was', 'were')} left out. The original file was kept as history/${p.aside}.`,
  'history.journal-records-dropped': (p: P) =>
    `${p.count} recent record${plural(p.count!, '', 's')} for ${p.month} could not be read and ${plural(p.count!, 'was', 'were')} left out.`,
  'history.discomfort-repaired': (p: P) =>
    `${p.count} sitting stretch${plural(p.count!, '', 'es')} in ${p.month} had a "back complaining" time outside the stretch; it was moved to the nearest edge.`,
  'history.out-of-range': (p: P) =>
    `history/${p.name} held ${p.count} record${plural(p.count!, '', 's')} with a time Movesnack cannot use (outside the years 2000 to 2100)${Number(p.kept) ? ` and ${p.kept} usable one${plural(p.kept!, '', 's')}, now filed in ${plural(p.kept!, 'its', 'their')} month` : ''}. They were left out of your history; the file was kept as history/${p.aside}.`,
  'history.memory-only': (p: P) => `New history is kept in memory only, because the history folder cannot be used (${p.error}).`,
  'history.folder-removed': () => "Movesnack's data folder was removed while it was running. Everything it knew has been written back.",
  'history.month-memory-only': (p: P) => `A new record for ${p.month} is kept in memory only, because ${p.reason}.`,
  'history.unsaved': (p: P) =>
    `Your history could not be saved (${p.error}). Nothing is lost yet: it is kept in memory and saved as soon as writing works again, so please keep Movesnack running until this message goes away.`,
  'history.saved-again': () => 'Saving works again: all of your history is on disk.',
  /** A message from a part that has no code of its own yet (its English text is the one parameter). */
  'message.text': (p: P) => String(p.text),
} satisfies Record<string, (params: P) => string>;

export type WarningCode = keyof typeof WARNING_TEXT;

export interface EngineNotice {
  code: WarningCode;
  params: MessageParams;
  /** The English text, exactly as state.warnings shows it. */
  text: string;
}

export function notice(code: WarningCode, params: MessageParams = {}): EngineNotice {
  return { code, params: { ...params }, text: WARNING_TEXT[code](params) };
}

/** A warning given as plain text (older callers) becomes a notice that carries the text. */
export const asNotice = (warning: string | EngineNotice): EngineNotice =>
  typeof warning === 'string' ? notice('message.text', { text: warning }) : warning;

/** How the stores report: the English text first (older callers read only that), the notice beside it. */
export type Warn = (text: string, notice?: EngineNotice) => void;
export const tell = (warn: Warn, warning: EngineNotice): void => warn(warning.text, warning);
