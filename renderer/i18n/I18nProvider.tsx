/**
 * The language layer in React: one i18next instance for the page, switched live when
 * `language` (settings.language from the engine state) changes, with <html lang dir> kept in
 * step. Screens call `useT()` (see README "Language").
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  createI18n,
  directionOf,
  formattingLocale,
  navigatorPreferences,
  resolveLanguage,
  type I18n,
  type UiLanguage,
} from '../../shared/i18n';

/**
 * `?pseudo=1` in the page's address: tests and development only (the e2e pseudo run opens the
 * app with it; Electron's main process adds it when MOVESNACK_PSEUDO_LOCALE=1).
 */
export function pseudoRequested(): boolean {
  try {
    return new URLSearchParams(globalThis.location?.search ?? '').get('pseudo') === '1';
  } catch {
    return false;
  }
}

/** The language a page should speak for a setting ('system' follows navigator.languages). */
export const pageLanguage = (setting: string | null | undefined): UiLanguage =>
  resolveLanguage(setting, navigatorPreferences(), { pseudo: pseudoRequested() });

export function I18nProvider({
  language,
  children,
  instance,
}: {
  /** settings.language ('system', 'en', 'es', …); undefined before the first state arrives. */
  language: string | null | undefined;
  children: ReactNode;
  /** For tests: a ready instance. */
  instance?: I18n;
}) {
  const lang = pageLanguage(language);
  const [i18n] = useState(() => instance ?? createI18n(lang));
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    const root = globalThis.document?.documentElement;
    if (root) {
      root.lang = lang;
      root.dir = directionOf(lang);
    }
  }, [i18n, lang]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/**
 * The screens' hook: `const { t, lang, locale } = useT();` then t('namespace:key', params).
 * `locale` is the tag for shared/i18n/format.ts (the user's regional variant when it matches).
 */
export function useT() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  const locale = useMemo(() => formattingLocale(lang, navigatorPreferences()), [lang]);
  return { t, i18n, lang, locale };
}
