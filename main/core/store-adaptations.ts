import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic, setAside } from './store-files';

/** What the engine learns from the user's feedback; not a setting, so kept apart from them. */
export const AdaptationsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** "Worse" ratings per exercise id; two or more swap the exercise for its gentler one. */
  worse: z.record(z.string(), z.number().int().min(0)),
  /** The "stop any move that sends pain down the leg" notice is given once. */
  worseNoticeGiven: z.boolean(),
});
export type Adaptations = z.infer<typeof AdaptationsSchema>;

export class AdaptationsStore {
  readonly file: string;
  value: Adaptations = { schemaVersion: 1, worse: {}, worseNoticeGiven: false };

  constructor(
    dataDir: string,
    private readonly warn: (message: string) => void,
    private readOnly = false,
  ) {
    this.file = path.join(dataDir, 'adaptations.json');
  }

  load(): void {
    const read = readJsonFile(this.file);
    if (read.kind === 'missing') return;
    const parsed = read.kind === 'ok' ? AdaptationsSchema.safeParse(read.value) : null;
    if (parsed?.success) {
      this.value = parsed.data;
      return;
    }
    if (read.kind === 'unreadable' && !read.directory) {
      this.readOnly = true; // never write over a file we could not read
      this.warn(`Movesnack's notes on which moves felt worse could not be read (${read.error}); they start afresh for now.`);
      return;
    }
    const aside = setAside(this.readOnly, this.file, read.kind === 'ok' ? 'invalid' : 'corrupt');
    this.warn(`Movesnack's notes on which moves felt worse could not be read; they were kept as ${aside} and start afresh.`);
  }

  save(): boolean {
    if (this.readOnly) return false;
    try {
      writeJsonFileAtomic(this.file, this.value);
      return true;
    } catch {
      this.warn('Movesnack could not save which moves felt worse; it will try again after the next routine.');
      return false;
    }
  }
}
