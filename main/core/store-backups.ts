import { notice, tell, type Warn } from '../../shared/engine-messages';
import fs from 'node:fs';
import path from 'node:path';
import type { MovesnackExport } from '../../shared/export-format';
import type { BackupInfo } from '../../shared/ipc-contract';
import { readJsonFile, writeJsonFileAtomic, describeWriteError, replaceLinkNotice } from './store-files';

export type { BackupInfo };

const NAME = /^history-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json$/;
export const BACKUPS_KEPT = 7;

const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
const dateOf = (stamp: string) => stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

/**
 * Rotating copies of the whole history in export format (`backups/history-TIME.json`), the last
 * BACKUPS_KEPT kept. Each copy is written from validated in-memory data, so it is a good copy;
 * restoring merges it back like an import, so it can only add what is missing.
 */
export class BackupStore {
  readonly dir: string;

  constructor(
    private readonly dataDir: string,
    private readonly warn: Warn,
    private readonly readOnly = false,
  ) {
    this.dir = path.join(dataDir, 'backups');
  }

  list(): BackupInfo[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    return names
      .map((name) => NAME.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: m[0], createdAt: dateOf(m[1]!), bytes: this.sizeOf(m[0]) }))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  private sizeOf(name: string): number {
    try {
      return fs.statSync(path.join(this.dir, name)).size;
    } catch {
      return 0;
    }
  }

  newestAt(): number | null {
    const newest = this.list()[0];
    return newest ? Date.parse(newest.createdAt) : null;
  }

  create(data: MovesnackExport, now = new Date()): boolean {
    if (this.readOnly) return false;
    // A link here would put the copies outside the data folder: replace it by a real folder.
    const link = replaceLinkNotice(this.dir, 'folder', this.dataDir);
    if (link) tell(this.warn, link);
    try {
      writeJsonFileAtomic(path.join(this.dir, `history-${stampOf(now)}.json`), data);
    } catch (error) {
      tell(this.warn, notice('backup.unwritten', { error: describeWriteError(error) }));
      return false;
    }
    for (const old of this.list().slice(BACKUPS_KEPT)) {
      try {
        fs.rmSync(path.join(this.dir, old.name));
      } catch {
        // An old backup that cannot be removed does no harm.
      }
    }
    return true;
  }

  read(name: string): unknown {
    if (!NAME.test(name)) throw new Error(`There is no backup called ${JSON.stringify(name)}.`);
    const read = readJsonFile(path.join(this.dir, name));
    if (read.kind === 'missing') throw new Error(`There is no backup called ${JSON.stringify(name)}.`);
    if (read.kind === 'unparsable' || read.kind === 'unreadable') throw new Error(`The backup ${name} cannot be read (${read.error}).`);
    return read.value;
  }
}
