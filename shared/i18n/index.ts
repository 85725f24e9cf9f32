/**
 * The language layer: i18next (JSON v4 catalogues, CLDR plurals through Intl.PluralRules),
 * one shared `createI18n(lang)` for Node (CLI, tray, notifications, main process) and the
 * renderer (renderer/i18n wraps it for React).
 *
 * Keys: `<namespace>:<dotted.path>`, e.g. t('engine:safety.flagged'), t('tray:status.sitting').
 * Plurals: a key with `_one` / `_other` (and `_many` where a language needs it) siblings, called
 * with { count }. Placeholders: {{name}}.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { FALLBACK_LANGUAGE, LANGUAGES, NAMESPACES, type Catalogue, type LanguageCode } from './languages';
import { PSEUDO_LANGUAGE, type UiLanguage } from './resolve';
import { pseudoTree } from './pseudo';

export type { I18n, TFunction };
export * from './languages';
export * from './resolve';

let pseudoCatalogue: Catalogue | null = null;
/** The pseudo-locale, built once from English. */
export function pseudoResources(): Catalogue {
  pseudoCatalogue ??= pseudoTree(LANGUAGES.en.resources);
  return pseudoCatalogue;
}

function resourcesFor(lang: UiLanguage): Catalogue {
  return lang === PSEUDO_LANGUAGE ? pseudoResources() : LANGUAGES[lang].resources;
}

/**
 * A ready, independent i18next instance (synchronous: the catalogues are bundled). Every
 * language is loaded, so `changeLanguage` switches at once without a reload.
 */
export function createI18n(lang: UiLanguage = FALLBACK_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  const resources: Record<string, Catalogue> = { [PSEUDO_LANGUAGE]: pseudoResources() };
  for (const code of Object.keys(LANGUAGES) as LanguageCode[]) resources[code] = resourcesFor(code);
  void instance.init({
    resources,
    lng: lang,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...Object.keys(LANGUAGES), PSEUDO_LANGUAGE],
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes; the CLI prints plain text.
    returnNull: false,
  });
  return instance;
}

/** A t function fixed to one language (a fresh instance per call: fine for the CLI and tests). */
export function fixedT(lang: UiLanguage): TFunction {
  return createI18n(lang).t;
}

/** The writing direction, for <html dir>. */
export const directionOf = (lang: UiLanguage): 'ltr' | 'rtl' =>
  lang === PSEUDO_LANGUAGE ? 'ltr' : LANGUAGES[lang].dir;
