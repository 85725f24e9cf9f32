import { z } from 'zod';
import { BreakRecordSchema, CheckinSchema, ChecklistSchema, StretchSchema, isoDateTime } from './history';

export const EXPORT_FORMAT = 'movesnack-export';
export const EXPORT_VERSION = 1;

export const MovesnackExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `not a Movesnack export (format must be "${EXPORT_FORMAT}")` }),
  version: z.literal(EXPORT_VERSION, { error: `unsupported export version (this app reads version ${EXPORT_VERSION})` }),
  exportedAt: isoDateTime,
  // Ignored on import (only history is merged), so files without them are fine.
  settings: z.record(z.string(), z.unknown()).optional(),
  profile: z.record(z.string(), z.unknown()).optional(),
  stretches: z.array(StretchSchema),
  breaks: z.array(BreakRecordSchema),
  checkins: z.array(CheckinSchema),
  checklists: z.array(ChecklistSchema),
});
export type MovesnackExport = z.infer<typeof MovesnackExportSchema>;
