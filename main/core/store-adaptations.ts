import { notice, tell, type Warn } from '../../shared/engine-messages';
import path from 'node:path';
import { z } from 'zod';
import { isoDateTime } from '../../shared/history';
import { swapsFromWorseCounts, type StepSwaps } from '../../shared/routine-selection';
import { readJsonFile, writeJsonFileAtomic, setAside } from './store-files';

const SwapSchema = z.strictObject({ at: isoDateTime, goodRuns: z.number().int().min(0).max(10_000) });

/** The routine that was just rated worse: the user may say which step (routine/worse-step). */
const LastWorseSchema = z.strictObject({ at: isoDateTime, steps: z.array(z.string().max(64)).max(20) });

export const SmartIntervalMemorySchema = z.strictObject({
  lastRaiseAt: isoDateTime.nullable(),
  dismissedUntil: isoDateTime.nullable(),
});
export type SmartIntervalMemory = z.infer<typeof SmartIntervalMemorySchema>;

/** What the engine learns from the user's feedback; not a setting, so kept apart from them. */
export const AdaptationsSchema = z.strictObject({
  schemaVersion: z.literal(2),
  /** Swapped steps by exercise id (shared/routine-selection.ts StepSwaps). */
  swaps: z.record(z.string().max(64), SwapSchema),
  /** The "stop any move that sends pain down the leg" notice is given once. */
  worseNoticeGiven: z.boolean(),
  lastWorse: LastWorseSchema.nullable(),
  /** The smart-interval offer's memory: the last accepted raise (one a week) and "not now". */
  smartInterval: SmartIntervalMemorySchema.default({ lastRaiseAt: null, dismissedUntil: null }),
});
export type Adaptations = z.infer<typeof AdaptationsSchema>;

/** Version 1 counted "worse" per exercise; two or more were a swap. */
const AdaptationsV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  worse: z.record(z.string(), z.number().int().min(0)),
  worseNoticeGiven: z.boolean(),
});

export const emptyAdaptations = (): Adaptations => ({
  schemaVersion: 2,
  swaps: {},
  worseNoticeGiven: false,
  lastWorse: null,
  smartInterval: { lastRaiseAt: null, dismissedUntil: null },
});

/** Reads either version; version 1 is migrated (its counts of two or more become swaps). */
export function parseAdaptations(raw: unknown, now: string): Adaptations | null {
  const v2 = AdaptationsSchema.safeParse(raw);
  if (v2.success) return v2.data;
  const v1 = AdaptationsV1Schema.safeParse(raw);
  if (!v1.success) return null;
  return {
    schemaVersion: 2,
    swaps: swapsFromWorseCounts(v1.data.worse, now) as StepSwaps as Adaptations['swaps'],
    worseNoticeGiven: v1.data.worseNoticeGiven,
    lastWorse: null,
    smartInterval: { lastRaiseAt: null, dismissedUntil: null },
  };
}

export class AdaptationsStore {
  readonly file: string;
  value: Adaptations = emptyAdaptations();

  constructor(
    dataDir: string,
    private readonly warn: Warn,
    private readOnly = false,
  ) {
    this.file = path.join(dataDir, 'adaptations.json');
  }

  load(now: string): void {
    const read = readJsonFile(this.file);
    if (read.kind === 'missing') return;
    const parsed = read.kind === 'ok' ? parseAdaptations(read.value, now) : null;
    if (parsed) {
      this.value = parsed;
      return;
    }
    if (read.kind === 'unreadable' && !read.directory) {
      this.readOnly = true; // never write over a file we could not read
      tell(this.warn, notice('adaptations.unreadable', { error: read.error }));
      return;
    }
    const aside = setAside(this.readOnly, this.file, read.kind === 'ok' ? 'invalid' : 'corrupt');
    tell(this.warn, notice('adaptations.set-aside', { aside }));
  }

  save(): boolean {
    if (this.readOnly) return false;
    try {
      writeJsonFileAtomic(this.file, this.value);
      return true;
    } catch {
      tell(this.warn, notice('adaptations.unsaved'));
      return false;
    }
  }
}
