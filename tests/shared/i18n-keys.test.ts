import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../shared/checklist';
import { CSV_COLUMNS } from '../../shared/csv';
import { WARNING_TEXT, type WarningCode } from '../../shared/engine-messages';
import { createI18n, LANGUAGE_CODES, LANGUAGES, NAMESPACES, PSEUDO_LANGUAGE, pseudoResources } from '../../shared/i18n';
import { extractEnglish } from '../../shared/i18n/extract';
import { isPseudoText } from '../../shared/i18n/pseudo';
import { checklistItemText, engineMessage, exerciseText, redFlagText, routineText } from '../../shared/i18n/text';
import { RED_FLAGS } from '../../shared/red-flags';
import { EXERCISES, PLAIN_ROUTINE, ROUTINES } from '../../shared/routines';
import { SUPPORTED_LANGUAGES } from '../../shared/settings';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flat "ns:dotted.key" -> string, arrays as .0 .1 … */
function flatten(tree: unknown, prefix: string, out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (Array.isArray(tree)) tree.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  else if (tree && typeof tree === 'object')
    for (const [k, v] of Object.entries(tree)) flatten(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, out);
  return out;
}

function flatCatalogue(lang: keyof typeof LANGUAGES): Map<string, string> {
  const out = new Map<string, string>();
  for (const ns of NAMESPACES) flatten(LANGUAGES[lang].resources[ns], `${ns}:`, out);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** Base key -> { forms: plural categories present (or ['']), placeholders across forms (count aside) }. */
function grouped(flat: Map<string, string>) {
  const groups = new Map<string, { forms: Set<string>; placeholders: Set<string> }>();
  for (const [key, text] of flat) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, -m[0].length) : key;
    const g = groups.get(base) ?? { forms: new Set(), placeholders: new Set() };
    g.forms.add(m ? m[1]! : '');
    for (const p of placeholders(text)) if (!(m && p === 'count')) g.placeholders.add(p);
    groups.set(base, g);
  }
  return groups;
}

describe('catalogues', () => {
  const en = grouped(flatCatalogue('en'));

  it('the registry and settings.language agree on the languages', () => {
    expect([...LANGUAGE_CODES].sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it('the English data catalogues are exactly the English in shared/*.ts (run `npx tsx cli/extract-english.ts` after editing it)', () => {
    const extracted = extractEnglish();
    for (const [ns, tree] of Object.entries(extracted)) {
      expect(LANGUAGES.en.resources[ns as keyof typeof extracted], ns).toEqual(tree);
    }
  });

  for (const lang of LANGUAGE_CODES.filter((l) => l !== 'en')) {
    it(`${lang} has every English key, no other key, and the same placeholders`, () => {
      const other = grouped(flatCatalogue(lang));
      expect([...other.keys()].filter((k) => !en.has(k)), 'keys English does not have').toEqual([]);
      expect([...en.keys()].filter((k) => !other.has(k)), 'missing keys').toEqual([]);
      for (const [key, g] of en) {
        expect([...other.get(key)!.placeholders].sort(), key).toEqual([...g.placeholders].sort());
      }
    });
  }

  for (const lang of LANGUAGE_CODES) {
    it(`${lang}: every plural has each form the language needs (CLDR, through Intl.PluralRules)`, () => {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const groups = grouped(flatCatalogue(lang));
      const plurals = [...groups].filter(([, g]) => !g.forms.has(''));
      expect(plurals.length).toBeGreaterThan(5);
      for (const [key, g] of plurals) {
        for (const form of needed) {
          // i18next falls back to _other for a missing form; "many" (es/fr: millions) must still be there.
          expect(g.forms.has(form), `${lang} ${key}_${form}`).toBe(true);
        }
      }
      // No empty strings anywhere.
      for (const [key, text] of flatCatalogue(lang)) expect(text.trim(), key).not.toBe('');
    });
  }

  it('every engine refusal and warning code has a sentence in every language', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../shared/engine-messages.ts'), 'utf8');
    const refusals = [...source.matchAll(/\|\s*'([a-z-]+\.[a-z-]+)'/g)].map((m) => m[1]!);
    expect(refusals).toContain('safety.flagged');
    const codes = [...refusals, ...Object.keys(WARNING_TEXT)];
    expect(codes.length).toBeGreaterThan(50);
    for (const lang of LANGUAGE_CODES) {
      const flat = flatCatalogue(lang);
      const keys = new Set([...flat.keys()].map((k) => k.replace(PLURAL, '')));
      for (const code of codes) expect(keys.has(`engine:${code}`), `${lang} engine:${code}`).toBe(true);
    }
  });

  it('every routine, exercise, checklist item, red flag and CSV column has its text in every language', () => {
    for (const lang of LANGUAGE_CODES) {
      const { t } = createI18n(lang);
      for (const r of [...ROUTINES, PLAIN_ROUTINE]) expect(routineText(t, r.id).name).not.toMatch(/^routines:/);
      for (const e of EXERCISES) {
        const text = exerciseText(t, e.id);
        expect(text.cues).toHaveLength(e.cues.length);
        if (lang === 'en') expect(text).toEqual({ name: e.name, cues: e.cues });
      }
      for (const item of CHECKLIST.flatMap((a) => a.items)) {
        const text = checklistItemText(t, item.id);
        expect(text.note === undefined, item.id).toBe(item.note === undefined);
        if (lang === 'en') expect(text).toEqual({ question: item.question, fix: item.fix, ...(item.note ? { note: item.note } : {}) });
      }
      for (const flag of RED_FLAGS) {
        const text = redFlagText(t, flag.id);
        if (lang === 'en') expect(text).toEqual({ label: flag.label, detail: flag.detail });
        else expect(text.label).not.toBe(flag.label);
      }
      for (const c of CSV_COLUMNS) expect(t(`csv:columns.${c}`)).not.toMatch(/^columns\./);
    }
  });

  it('every warning, rendered in English from its code, is exactly the engine’s English text', () => {
    const en = createI18n('en').t;
    const samples = (n: number, kept: number) => ({
      owner: '4242', aside: 'settings.json.bad-1', records: n, name: 'history', kind: 'folder', error: 'EACCES: permission denied',
      fields: 'theme, language', dataDir: '/home/me/.config/Movesnack', month: '2026-11', bytes: n, count: n, kept,
      reason: 'the disk is full', text: 'A plain message.', first: 'breaks[3]: at is not a date',
    });
    let checked = 0;
    for (const code of Object.keys(WARNING_TEXT) as WarningCode[]) {
      for (const [n, kept] of [[1, 0], [3, 1], [7, 2]] as const) {
        const params = samples(n, kept);
        expect(engineMessage(en, { code, params }), `${code} ${n} ${kept}`).toBe(WARNING_TEXT[code](params));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // And in other languages the plural and the optional part follow the numbers.
    const fr = createI18n('fr').t;
    expect(engineMessage(fr, { code: 'quit.records-unsaved', params: { records: 1 } })).toMatch(/^1 enregistrement n’a pas pu/);
    expect(engineMessage(fr, { code: 'quit.records-unsaved', params: { records: 4 } })).toMatch(/^4 enregistrements n’ont pas pu/);
    expect(engineMessage(createI18n('de').t, { code: 'history.out-of-range', params: { name: 'x', count: 2, kept: 1, aside: 'y' } })).toContain(
      '2 Einträge mit einer Zeit, die Movesnack nicht verwenden kann (außerhalb der Jahre 2000 bis 2100) und 1 verwendbaren, der jetzt in seinem Monat abgelegt ist.',
    );
  });

  it('engine messages render from code and parameters', () => {
    const de = createI18n('de').t;
    expect(engineMessage(de, { code: 'phase.refused', params: { action: 'break/snooze', phase: 'paused' } })).toBe(
      'Du kannst gerade nicht schlummern: Movesnack ist pausiert.',
    );
    expect(engineMessage(createI18n('es').t, { code: 'routine.unfit', params: { routineId: 'meeting-safe' } })).toContain(
      '«Minuto sentado, apto para reuniones»',
    );
    expect(engineMessage(createI18n('fr').t, { code: 'snooze.none-left', params: { limit: 2 } })).toBe(
      'Plus aucun report possible pour cette pause (la limite est de 2). Commencez la routine ou passez-la.',
    );
    expect(engineMessage(de, { code: 'no.such-code', params: {} }, 'English text')).toBe('English text');
  });
});

describe('the pseudo-locale', () => {
  it('is every English string, bracketed, accented, about 35% longer, placeholders intact', () => {
    const en = flatCatalogue('en');
    const pseudo = new Map<string, string>();
    for (const ns of NAMESPACES) flatten(pseudoResources()[ns], `${ns}:`, pseudo);
    expect([...pseudo.keys()]).toEqual([...en.keys()]);
    for (const [key, text] of pseudo) {
      const source = en.get(key)!;
      expect(text.startsWith('⟦') && text.endsWith('⟧'), key).toBe(true);
      expect(placeholders(text), key).toEqual(placeholders(source));
      const bare = (x: string) => x.replace(/\{\{[^}]*\}\}/g, '').length;
      expect(bare(text), key).toBeGreaterThanOrEqual(Math.floor(bare(source) * 1.3));
      expect(isPseudoText(text)).toBe(true);
    }
    const { t } = createI18n(PSEUDO_LANGUAGE);
    expect(t('tray:status.nextIn', { left: '5 min', time: '14:05' })).toMatch(/^⟦Ñéẋţ ƀŕéáķ íñ 5 min \(14:05\) ~+⟧$/);
  });

  it('the detector fails text that bypassed the layer, and passes numbers alone', () => {
    expect(isPseudoText('Next break in 5 min')).toBe(false);
    expect(isPseudoText('⟦Ñéẋţ⟧')).toBe(true);
    expect(isPseudoText('14:05 · 73%')).toBe(true);
  });
});
