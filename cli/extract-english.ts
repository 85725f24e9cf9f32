/**
 * Writes the English catalogues that come from the data in shared/*.ts (routines, checklist,
 * clinical, reminders) to shared/i18n/locales/en/. Run after changing an English text there:
 *   npx tsx cli/extract-english.ts
 * tests/shared/i18n-keys.test.ts fails until the files match.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractEnglish } from '../shared/i18n/extract';

const dir = path.join(__dirname, '..', 'shared', 'i18n', 'locales', 'en');
for (const [ns, tree] of Object.entries(extractEnglish())) {
  fs.writeFileSync(path.join(dir, `${ns}.json`), `${JSON.stringify(tree, null, 2)}\n`);
  console.log(`wrote ${path.join(dir, `${ns}.json`)}`);
}
