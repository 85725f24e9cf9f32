/**
 * The languages Movesnack speaks: ONE line per language (DESIGN.md "Language"; README "How to
 * add a language"). Each line names the language in itself, its writing direction and its
 * catalogue folder (shared/i18n/locales/<code>/, one JSON file per namespace).
 */
import de from './locales/de';
import en from './locales/en';
import es from './locales/es';
import fr from './locales/fr';

export type Catalogue = typeof en;

export interface LanguageEntry {
  /** The language's own name, for the language picker. */
  name: string;
  dir: 'ltr' | 'rtl';
  resources: Catalogue;
}

export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr', resources: en },
  es: { name: 'Español', dir: 'ltr', resources: es },
  de: { name: 'Deutsch', dir: 'ltr', resources: de },
  fr: { name: 'Français', dir: 'ltr', resources: fr },
} as const satisfies Record<string, LanguageEntry>;

export type LanguageCode = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as LanguageCode[];
export const FALLBACK_LANGUAGE: LanguageCode = 'en';
/** The namespaces every language has (the English folder is the reference). */
export const NAMESPACES = Object.keys(en) as (keyof Catalogue)[];
export type Namespace = keyof Catalogue;
