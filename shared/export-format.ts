import { z } from 'zod';
import { BreakRecordSchema, CheckinSchema, ChecklistSchema, DiscomfortSchema, StretchSchema, isoDateTime } from './history';

export const EXPORT_FORMAT = 'movesnack-export';
/** The version this app writes. It reads every version in READABLE_EXPORT_VERSIONS. */
export const EXPORT_VERSION = 2;
export const READABLE_EXPORT_VERSIONS = [1, 2] as const;

/**
 * The export file (and each daily backup):
 *
 * - version 1: format, version, exportedAt, settings, profile, stretches, breaks, checkins, checklists.
 * - version 2: adds `discomforts` ("my back is complaining" reports, `{ at, inStretch }`); break
 *   records may carry `deferredMin` (whole minutes the break was held while the user was busy).
 *
 * Extensible: any other top-level key is an optional section, an object owned by one feature
 * (for example `smartInterval` or `homeProgram`). Readers keep the sections they know
 * (`readSection`) and ignore the rest, so adding a section needs no new version; a new version is
 * only for changes an older reader would get wrong.
 */
export const MovesnackExportSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT, { error: `not a Movesnack export (format must be "${EXPORT_FORMAT}")` }),
  version: z.union([z.literal(1), z.literal(2)], {
    error: `unsupported export version (this app reads versions ${READABLE_EXPORT_VERSIONS.join(' and ')})`,
  }),
  exportedAt: isoDateTime,
  // Ignored on import (only history is merged), so files without them are fine.
  settings: z.record(z.string(), z.unknown()).optional(),
  profile: z.record(z.string(), z.unknown()).optional(),
  stretches: z.array(StretchSchema),
  breaks: z.array(BreakRecordSchema),
  checkins: z.array(CheckinSchema),
  checklists: z.array(ChecklistSchema),
  /** Version 2 and later; absent in version 1. */
  discomforts: z.array(DiscomfortSchema).optional(),
});
export type MovesnackExport = z.infer<typeof MovesnackExportSchema>;

/**
 * The file's frame, checked before any record: a file that fails here is not an export at all
 * and is refused whole. Records are checked one by one afterwards (a bad record costs that record).
 */
export const ExportEnvelopeSchema = z.looseObject({
  format: MovesnackExportSchema.shape.format,
  version: MovesnackExportSchema.shape.version,
  exportedAt: isoDateTime,
  settings: z.record(z.string(), z.unknown()).optional(),
  profile: z.record(z.string(), z.unknown()).optional(),
  stretches: z.array(z.unknown()),
  breaks: z.array(z.unknown()),
  checkins: z.array(z.unknown()),
  checklists: z.array(z.unknown()),
  discomforts: z.array(z.unknown()).optional(),
});

/** The record lists of an export and the schema of each record. */
export const EXPORT_RECORD_SCHEMAS = {
  stretches: StretchSchema,
  breaks: BreakRecordSchema,
  checkins: CheckinSchema,
  checklists: ChecklistSchema,
  discomforts: DiscomfortSchema,
} as const;

/** Keys of the core format; everything else at the top level is an optional section. */
export const CORE_EXPORT_KEYS = ['format', 'version', 'exportedAt', 'settings', 'profile', ...Object.keys(EXPORT_RECORD_SCHEMAS)];

/** An optional section by name, validated; undefined when absent or not valid (never a reason to refuse the file). */
export function readSection<T>(file: Record<string, unknown>, name: string, schema: z.ZodType<T>): T | undefined {
  if (CORE_EXPORT_KEYS.includes(name) || !(name in file)) return undefined;
  const parsed = schema.safeParse(file[name]);
  return parsed.success ? parsed.data : undefined;
}
