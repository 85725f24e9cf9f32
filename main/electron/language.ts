/**
 * The main process's language: what the tray, the notifications and the dialogs speak.
 * settings.language is 'system' or a code; 'system' follows the OS's preferred languages
 * (app.getPreferredSystemLanguages, then the POSIX variables), resolved by shared/i18n. One
 * i18next instance holds every language, so a change of setting switches at once (no restart).
 * MOVESNACK_PSEUDO_LOCALE=1 turns the pseudo-locale on here and (?pseudo=1) in the windows.
 */
import { app } from 'electron';
import {
  createI18n,
  envPreferences,
  formattingLocale,
  pseudoFromEnv,
  resolveLanguage,
  type TFunction,
  type UiLanguage,
} from '../../shared/i18n';

export interface ShellLanguage {
  readonly t: TFunction;
  /** The language in use ('en', 'de', … or the pseudo-locale). */
  readonly lang: UiLanguage;
  /** The tag for Intl formatting (the user's regional variant when it is of this language). */
  readonly locale: string;
  /** Whether the windows are opened with ?pseudo=1. */
  readonly pseudo: boolean;
  /** Follows settings.language; true when the language in use changed. */
  follow(setting: string | null | undefined): boolean;
}

/** The OS's preferred languages, most important first. */
export function systemPreferences(env: NodeJS.ProcessEnv = process.env): string[] {
  const preferred: string[] = [];
  try {
    preferred.push(...(app.getPreferredSystemLanguages?.() ?? []));
  } catch {
    // Older Electron or an unusual platform: the POSIX variables below still count.
  }
  try {
    const locale = app.getLocale?.();
    if (locale) preferred.push(locale);
  } catch {
    // not ready yet
  }
  return [...preferred, ...envPreferences(env)];
}

export function createShellLanguage(
  initialSetting: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ShellLanguage {
  const pseudo = pseudoFromEnv(env);
  const pick = (setting: string | null | undefined) => {
    const system = systemPreferences(env);
    const lang = resolveLanguage(setting, system, { pseudo });
    return { lang, locale: formattingLocale(lang, system) };
  };
  let current = pick(initialSetting);
  const i18n = createI18n(current.lang);
  return {
    get t() {
      return i18n.t;
    },
    get lang() {
      return current.lang;
    },
    get locale() {
      return current.locale;
    },
    pseudo,
    follow(setting) {
      const next = pick(setting);
      const changed = next.lang !== current.lang || next.locale !== current.locale;
      current = next;
      if (i18n.language !== next.lang) void i18n.changeLanguage(next.lang);
      return changed;
    },
  };
}
