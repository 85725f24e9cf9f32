import { describe, expect, it } from 'vitest';
import { createI18n, envPreferences, formattingLocale, languageOfTag, resolveLanguage } from '../../shared/i18n';
import {
  formatDate,
  formatDistance,
  formatLength,
  formatList,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatTime,
} from '../../shared/i18n/format';
import { dueNotificationText, holdText, reaskMessage, urgencyText } from '../../shared/i18n/text';
import { trayTexts } from '../../shared/i18n/tray';

describe('language resolution', () => {
  it('reads POSIX locale names and browser tags', () => {
    expect(languageOfTag('de_DE.UTF-8')).toBe('de');
    expect(languageOfTag('es-MX')).toBe('es');
    expect(languageOfTag('fr_CA@euro')).toBe('fr');
    expect(languageOfTag('EN')).toBe('en');
    expect(languageOfTag('C.UTF-8')).toBeNull();
    expect(languageOfTag('pt_BR')).toBeNull();
  });

  it("'system' follows LC_ALL, then LC_MESSAGES, then LANG, with GNU LANGUAGE first; else English", () => {
    expect(resolveLanguage('system', envPreferences({ LANG: 'de_DE.UTF-8' }))).toBe('de');
    expect(resolveLanguage('system', envPreferences({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }))).toBe('fr');
    expect(
      resolveLanguage('system', envPreferences({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR', LC_ALL: 'es_ES' })),
    ).toBe('es');
    expect(resolveLanguage('system', envPreferences({ LANG: 'pt_BR.UTF-8', LANGUAGE: 'pt_BR:fr:en' }))).toBe('fr');
    expect(resolveLanguage('system', envPreferences({ LANG: 'C', LANGUAGE: 'de' }))).toBe('en');
    expect(resolveLanguage('system', envPreferences({}))).toBe('en');
    expect(resolveLanguage('system', envPreferences({ LANG: 'ja_JP.UTF-8' }))).toBe('en');
  });

  it('a chosen language wins over the system; navigator.languages pick the first supported one', () => {
    expect(resolveLanguage('fr', ['de-DE'])).toBe('fr');
    expect(resolveLanguage('system', ['pt-BR', 'es-419', 'de'])).toBe('es');
    expect(resolveLanguage('xx', ['de'])).toBe('de');
    expect(resolveLanguage('de', ['de'], { pseudo: true })).toBe('en-XA');
  });

  it('formatting keeps the user’s region when it is of the same language', () => {
    expect(formattingLocale('en', ['en_GB.UTF-8'])).toBe('en-GB');
    expect(formattingLocale('de', ['de-AT'])).toBe('de-AT');
    expect(formattingLocale('fr', ['de-DE'])).toBe('fr');
    expect(formattingLocale('en-XA', ['de'])).toBe('en');
  });
});

describe('plurals in each language', () => {
  const forms = (lang: 'en' | 'es' | 'de' | 'fr', key: string) =>
    [0, 1, 2, 5, 1_000_000].map((count) => createI18n(lang).t(key, { count }));

  it('follow CLDR rules (French 0 is singular; Spanish and French millions use "de")', () => {
    expect(forms('en', 'cli:breaks')).toEqual(['0 breaks', '1 break', '2 breaks', '5 breaks', '1000000 breaks']);
    expect(forms('de', 'cli:checkins')).toEqual([
      '0 Einträge',
      '1 Eintrag',
      '2 Einträge',
      '5 Einträge',
      '1000000 Einträge',
    ]);
    expect(forms('fr', 'cli:breaks')).toEqual(['0 pause', '1 pause', '2 pauses', '5 pauses', '1000000 pauses']);
    expect(forms('es', 'common:duration.minutes')).toEqual([
      '0 minutos',
      '1 minuto',
      '2 minutos',
      '5 minutos',
      '1000000 minutos',
    ]);
  });

  it('switch language at once on the same instance', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('tray:status.away')).toBe('Away from the desk');
    await i18n.changeLanguage('es');
    expect(i18n.t('tray:status.away')).toBe('Fuera del puesto');
  });
});

describe('Intl formatting', () => {
  const monday = new Date(2026, 10, 9, 14, 5);
  it('dates and times', () => {
    expect(formatDate('en-GB', monday)).toMatch(/^Mon,? 9 Nov 2026$/);
    expect(formatDate('de', monday)).toBe('Mo., 9. Nov. 2026');
    expect(formatDate('fr', monday)).toBe('lun. 9 nov. 2026');
    expect(formatTime('de', monday)).toBe('14:05');
    expect(formatTime('en', monday)).toMatch(/^2:05\sPM$/);
  });
  it('numbers, percentages and lists', () => {
    expect(formatNumber('de', 1234.5)).toBe('1.234,5');
    expect(formatNumber('fr', 1234.5)).toMatch(/^1\s234,5$/);
    expect(formatPercent('en', 0.73)).toBe('73%');
    expect(formatPercent('de', 0.73)).toMatch(/^73\s%$/);
    expect(formatList('es', ['a', 'b', 'c'])).toBe('a, b y c');
  });
  it('minutes and hours', () => {
    expect(formatMinutes('en', 45)).toBe('45 min');
    expect(formatMinutes('de', 65)).toBe('1 Std. 5 Min.');
    expect(formatMinutes('fr', 120)).toMatch(/^2\sh$/);
  });
  it('lengths follow the profile: centimetres or inches', () => {
    expect(formatLength('en', 48, 'metric')).toBe('48 cm');
    expect(formatLength('en', 48, 'imperial')).toBe('18.9 in');
    expect(formatLength('de', 48, 'imperial')).toBe('18,9 in');
    expect(formatLength('fr', 48, 'imperial')).toMatch(/^18,9\spo$/);
    expect(formatLength('es', 47.6, 'metric')).toBe('48 cm');
  });
  it('walking distances: metres under a kilometre, then kilometres to one decimal', () => {
    expect(formatDistance('en', 850)).toBe('850 m');
    expect(formatDistance('en', 1500)).toBe('1.5 km');
    expect(formatDistance('de', 2440)).toBe('2,4 km');
  });
  it('formatters are reused, but a time follows the machine to a new time zone', () => {
    const before = process.env.TZ;
    const instant = Date.UTC(2026, 10, 9, 14, 5);
    try {
      process.env.TZ = 'Europe/London';
      expect(formatTime('de', instant)).toBe('14:05');
      expect(formatTime('de', instant)).toBe('14:05');
      process.env.TZ = 'America/New_York';
      expect(formatTime('de', instant)).toBe('9:05');
      expect(formatDate('de', Date.UTC(2026, 10, 9, 2), { weekday: 'long' })).toBe('Sonntag');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('texts outside the screens', () => {
  it('the emergency advice says "now" in every language', () => {
    const now = { en: /\bnow\b/i, es: /\bahora\b/i, de: /\bjetzt\b/i, fr: /\bmaintenant\b/i } as const;
    for (const [lang, word] of Object.entries(now)) {
      const { title, action } = urgencyText(createI18n(lang as keyof typeof now).t, 'emergency');
      expect(title, lang).toMatch(word);
      expect(action, lang).toMatch(word);
      expect(action, lang).toMatch(/112/);
    }
    expect(reaskMessage(createI18n('de').t, 'weeks')).toMatch(/sechs Wochen/);
  });

  it('the tray and the due notification', () => {
    const de = createI18n('de').t;
    const now = new Date(2026, 10, 9, 14, 0);
    const state = {
      phase: 'sitting' as const,
      nextBreakAt: new Date(2026, 10, 9, 14, 12).toISOString(),
      snoozesLeft: 2,
      busy: [],
      pausedUntil: null,
    };
    expect(trayTexts(de, 'de', state, now)).toEqual({
      statusLine: 'Nächste Pause in 12 Min. (14:12)',
      tooltip: 'Movesnack – nächste Pause in 12 Min.',
      title: '12 Min.',
    });
    expect(trayTexts(createI18n('fr').t, 'fr', { ...state, phase: 'due' }, now).statusLine).toBe(
      'C’est l’heure d’une pause active (2 reports restants)',
    );
    expect(
      trayTexts(createI18n('es').t, 'es', { ...state, phase: 'deferred', busy: ['dnd', 'meeting'] }, now).statusLine,
    ).toBe('Pausa en espera: estás en una llamada (llega de todos modos a las 14:12)');
    expect(holdText(createI18n('en').t, [])).toBe('Break held for a moment');
    expect(dueNotificationText(createI18n('es').t, 1).body).toMatch(/Puedes posponerla una vez más\.$/);
    expect(dueNotificationText(createI18n('en').t, 0).body).toBe(
      'A minute of gentle movement now keeps your back happier later.',
    );
  });
});
