/**
 * Which language to speak. `settings.language` is 'system' or a code; 'system' looks at the
 * user's preferences: navigator.languages in a page, LC_ALL, LC_MESSAGES, LANG (POSIX order)
 * and LANGUAGE in Node. The best supported match wins, else English.
 */
import { FALLBACK_LANGUAGE, LANGUAGES, type LanguageCode } from './languages';

/** The pseudo-locale: tests and development only (see pseudo.ts). */
export const PSEUDO_LANGUAGE = 'en-XA';
export type UiLanguage = LanguageCode | typeof PSEUDO_LANGUAGE;

export const isSupported = (code: string): code is LanguageCode => Object.hasOwn(LANGUAGES, code);

/** "de_DE.UTF-8" / "de-AT" / "DE" / "C" -> "de" / "de" / "de" / null. */
export function languageOfTag(tag: string | undefined | null): LanguageCode | null {
  if (!tag) return null;
  const base = tag.trim().split(/[.@]/)[0]!.replace('_', '-').toLowerCase();
  if (!base || base === 'c' || base === 'posix') return null;
  if (isSupported(base)) return base;
  const primary = base.split('-')[0]!;
  return isSupported(primary) ? primary : null;
}

/** The first supported language among preferences, in order. */
export function bestMatch(preferences: readonly (string | undefined | null)[]): LanguageCode {
  for (const tag of preferences) {
    const code = languageOfTag(tag);
    if (code) return code;
  }
  return FALLBACK_LANGUAGE;
}

/**
 * The user's preferences in Node, most important first. POSIX: LC_ALL overrides LC_MESSAGES,
 * which overrides LANG; GNU's LANGUAGE (a colon list) is honoured before them unless the
 * locale is C.
 */
export function envPreferences(env: Record<string, string | undefined>): string[] {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const list = locale && !/^(C|POSIX)(\.|$)/i.test(locale) && env.LANGUAGE ? env.LANGUAGE.split(':') : [];
  return [...list, locale].filter(Boolean);
}

/** The preferences of the page (navigator.languages), or [] outside a browser. */
export function navigatorPreferences(): string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  if (!nav) return [];
  return [...(nav.languages ?? []), ...(nav.language ? [nav.language] : [])];
}

/**
 * settings.language -> the language to use. `pseudo` (an env var or query the test harness
 * sets, never a setting) wins over everything.
 */
export function resolveLanguage(
  setting: string | undefined | null,
  system: readonly string[],
  options: { pseudo?: boolean } = {},
): UiLanguage {
  if (options.pseudo) return PSEUDO_LANGUAGE;
  if (setting && setting !== 'system' && isSupported(setting)) return setting;
  return bestMatch(system);
}

/** Node: MOVESNACK_PSEUDO_LOCALE=1 turns the pseudo-locale on (tests and development). */
export const pseudoFromEnv = (env: Record<string, string | undefined>): boolean =>
  env.MOVESNACK_PSEUDO_LOCALE === '1' || env.MOVESNACK_PSEUDO_LOCALE === 'true';

/**
 * The tag for Intl formatting: the user's own regional variant when it is of the language in
 * use (LANG=en_GB -> "en-GB": day before month; navigator "de-AT"), else the language code.
 */
export function formattingLocale(lang: UiLanguage, preferences: readonly (string | undefined | null)[]): string {
  if (lang === PSEUDO_LANGUAGE) return 'en';
  for (const tag of preferences) {
    if (languageOfTag(tag) !== lang) continue;
    const bcp = tag!.trim().split(/[.@]/)[0]!.replace(/_/g, '-');
    try {
      return Intl.getCanonicalLocales(bcp)[0] ?? lang;
    } catch {
      return lang;
    }
  }
  return lang;
}
