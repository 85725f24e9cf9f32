import type { z } from 'zod';

/**
 * Reads an object field by field against a shape, so one bad value does not cost the user the
 * good ones. Unknown and invalid fields are reported in `rejected`; missing ones take defaults.
 */
export function salvageFields<T extends object>(
  shape: Record<string, z.ZodType>,
  defaults: Readonly<T>,
  raw: unknown,
): { value: T; rejected: string[] } {
  const value: Record<string, unknown> = { ...defaults };
  const rejected: string[] = [];
  const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  for (const [key, schema] of Object.entries(shape)) {
    if (!(key in input)) continue;
    const parsed = schema.safeParse(input[key]);
    if (parsed.success) value[key] = parsed.data;
    else rejected.push(key);
  }
  for (const key of Object.keys(input)) if (!(key in shape)) rejected.push(key);
  return { value: value as T, rejected };
}
