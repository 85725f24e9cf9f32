import { bestMatch, LANGUAGE_CODES, LANGUAGES, navigatorPreferences } from '../../shared/i18n';
import { useT } from '../i18n';

/**
 * The choices of settings.language for a <select>: "the system's" (saying which language that
 * is now), then each language named in itself.
 */
export function LanguageOptions() {
  const { t } = useT();
  const system = LANGUAGES[bestMatch(navigatorPreferences())].name;
  return (
    <>
      <option value="system">{t('settings:language.system', { name: system })}</option>
      {LANGUAGE_CODES.map((code) => (
        <option key={code} value={code} lang={code} translate="no">
          {LANGUAGES[code].name}
        </option>
      ))}
    </>
  );
}
