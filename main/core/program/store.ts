/**
 * program.json in the data folder: the home program's state and records, written through the
 * project's safe-write helpers (temporary file, fsync, rename). A file that cannot be parsed or
 * does not validate is kept aside (never wiped) and the user is told; the program starts afresh.
 */
import path from 'node:path';
import { ProgramStateSchema, emptyProgramState, type ProgramState } from '../../../shared/program/state';
import { describeWriteError, needRetry, readJsonFile, replaceLink, retryDone, setAside, writeJsonFileAtomic } from '../store-files';

export const PROGRAM_FILE = 'program.json';

export interface ProgramStore {
  readonly file: string;
  load(): ProgramState;
  save(state: ProgramState): boolean;
  /** Messages for the user (a file kept aside, a failed write); taken once. */
  takeNotices(): string[];
}

export function createProgramStore(dataDir: string): ProgramStore {
  const file = path.join(dataDir, PROGRAM_FILE);
  const notices: string[] = [];
  /** False when the file exists but cannot be read: never overwrite what we could not read. */
  let writable = true;

  const write = (state: ProgramState): boolean => {
    if (!writable) return false;
    try {
      writeJsonFileAtomic(file, state);
      retryDone(dataDir, 'program');
      return true;
    } catch (error) {
      notices.push(`Your home program could not be saved (${describeWriteError(error)}). Movesnack keeps it and tries again.`);
      needRetry(dataDir, 'program', () => {
        try {
          writeJsonFileAtomic(file, state);
          return true;
        } catch {
          return false;
        }
      });
      return false;
    }
  };

  return {
    file,
    load() {
      const link = replaceLink(file, 'file', dataDir);
      if (link) notices.push(link);
      const read = readJsonFile(file);
      if (read.kind === 'missing') return emptyProgramState();
      if (read.kind === 'unreadable') {
        writable = false;
        notices.push(`Your home program file could not be read (${read.error}). It is left as it is, and changes are not saved until it can be read.`);
        return emptyProgramState();
      }
      if (read.kind === 'unparsable') {
        const kept = setAside(false, file, 'corrupt');
        notices.push(`Your home program file was damaged. It was kept as ${kept} and the program starts afresh.`);
        return emptyProgramState();
      }
      const version = (read.value as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && version > 1) {
        const kept = setAside(false, file, 'newer');
        notices.push(`Your home program was saved by a newer Movesnack. It was kept as ${kept}; this version starts the program afresh.`);
        return emptyProgramState();
      }
      const parsed = ProgramStateSchema.safeParse(read.value);
      if (!parsed.success) {
        const kept = setAside(false, file, 'invalid');
        notices.push(`Your home program file did not make sense to Movesnack. It was kept as ${kept} and the program starts afresh.`);
        return emptyProgramState();
      }
      return parsed.data;
    },
    save: write,
    takeNotices() {
      return notices.splice(0);
    },
  };
}
