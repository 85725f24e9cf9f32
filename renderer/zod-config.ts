import { z } from 'zod';

/**
 * Zod compiles fast object parsers with `new Function` and probes for it when a schema is
 * built; the strict CSP (script-src 'self', no 'unsafe-eval') refuses that and reports a
 * violation. Plain parsing is fast enough here. This module must be imported before anything
 * that builds a schema (main.tsx imports it first).
 */
z.config({ jitless: true });
