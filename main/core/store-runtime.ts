import { notice, tell, type Warn } from '../../shared/engine-messages';
import path from 'node:path';
import { z } from 'zod';
import { isoDateTime } from '../../shared/history';
import { readJsonFile, writeJsonFileAtomic, setAside, retryPendingWrites } from './store-files';

/** What a restart needs to carry on: the open stretch, a pending break, a pause. */
export const RuntimeSchema = z.strictObject({
  schemaVersion: z.literal(1),
  savedAt: isoDateTime,
  stretch: z.strictObject({ start: isoDateTime, discomfortAt: isoDateTime.nullable() }).nullable(),
  pending: z
    .strictObject({
      dueAt: isoDateTime,
      snoozes: z.number().int().min(0),
      // A break held while the user was busy (optional: files from before presence lack them).
      heldSince: isoDateTime.nullable().optional(),
      holdStart: isoDateTime.nullable().optional(),
      heldMs: z.number().min(0).optional(),
      holdSpent: z.boolean().optional(),
      everHeld: z.boolean().optional(),
    })
    .nullable(),
  deadline: isoDateTime.nullable(),
  pausedUntil: isoDateTime.nullable(),
});
export type Runtime = z.infer<typeof RuntimeSchema>;

export class RuntimeStore {
  readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly warn: Warn,
    private readonly readOnly = false,
  ) {
    this.file = path.join(dataDir, 'runtime.json');
  }

  load(): Runtime | null {
    const read = readJsonFile(this.file);
    if (read.kind === 'missing') return null;
    const parsed = read.kind === 'ok' ? RuntimeSchema.safeParse(read.value) : null;
    if (parsed?.success) return parsed.data;
    if (read.kind === 'unreadable' && !read.directory) {
      tell(this.warn, notice('runtime.unreadable', { error: read.error }));
      return null;
    }
    const aside = setAside(this.readOnly, this.file, read.kind === 'ok' ? 'invalid' : 'corrupt');
    tell(this.warn, notice('runtime.set-aside', { aside }));
    return null;
  }

  /**
   * Best effort: losing this file costs at most the current stretch, never history. A heartbeat
   * (`heartbeat`: only savedAt moved since the last save) skips the folder fsync: should a power
   * cut lose that rename, the previous copy, a few minutes older, is still whole.
   */
  save(runtime: Runtime, heartbeat = false): boolean {
    if (this.readOnly) return false;
    try {
      writeJsonFileAtomic(this.file, runtime, { durableRename: !heartbeat });
      // The disk takes writes again: save whatever another store is holding (settings changed during an outage).
      retryPendingWrites(this.dataDir);
      return true;
    } catch {
      return false;
    }
  }
}
