/**
 * The English source of the data catalogues (routines, checklist, clinical, reminders) lives
 * beside the data in shared/*.ts, where the tests hold it to its rules. This builds the English
 * catalogue files from it, so translators get plain JSON and no key exists only in code:
 * tests/shared/i18n-keys.test.ts fails when shared/i18n/locales/en/*.json and this output differ.
 *
 *   npx tsx cli/extract-english.ts   (after changing an English text in shared/*.ts)
 */
import { CHECKLIST } from '../checklist';
import { RED_FLAGS, URGENCY_ADVICE, reaskText, type ReaskReason } from '../red-flags';
import { REMINDER_TEXT } from '../reminders';
import { EXERCISES, PLAIN_ROUTINE, ROUTINES } from '../routines';

export function extractEnglish() {
  const clinical = {
    flags: Object.fromEntries(RED_FLAGS.map((f) => [f.id, { label: f.label, detail: f.detail }])),
    urgency: Object.fromEntries(
      Object.entries(URGENCY_ADVICE).map(([u, a]) => [u, { title: a.title, action: a.action }]),
    ),
    reask: Object.fromEntries(
      (['never', 'new-questions', 'weeks', 'worse'] as ReaskReason[]).map((r) => [r, reaskText(r)]),
    ),
  };
  const routines = {
    exercises: Object.fromEntries(EXERCISES.map((e) => [e.id, { name: e.name, cues: [...e.cues] }])),
    routines: Object.fromEntries(
      [...ROUTINES, PLAIN_ROUTINE].map((r) => [r.id, { name: r.name, summary: r.summary }]),
    ),
  };
  const checklist = {
    areas: Object.fromEntries(CHECKLIST.map((a) => [a.id, { title: a.title, intro: a.intro }])),
    items: Object.fromEntries(
      CHECKLIST.flatMap((a) => a.items).map((i) => [
        i.id,
        { question: i.question, fix: i.fix, ...(i.note ? { note: i.note } : {}) },
      ]),
    ),
  };
  const reminders = Object.fromEntries(
    Object.entries(REMINDER_TEXT).map(([k, v]) => [k, { title: v.title, body: v.body }]),
  );
  return { clinical, routines, checklist, reminders };
}
