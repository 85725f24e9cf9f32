import { type Settings } from '../../../shared/settings';
import { useT } from '../../i18n';
import { SettingRow } from '../../ui/fields';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { Commit, Errors } from './settings-commit';

/** settings.language: 'system' (saying which language that is now) or one language, named in itself. */
export function LanguageSelect({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: Settings['language'];
  error?: string;
  onChange: (language: Settings['language']) => void;
}) {
  const { t } = useT();
  return (
    <SettingRow id={id} label={t('settings:language.label')} help={t('settings:language.help')} error={error}>
      <select
        id={id}
        className="select"
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(e.target.value as Settings['language'])}
      >
        <LanguageOptions />
      </select>
    </SettingRow>
  );
}

export function LanguageCard({ settings, errors, commit }: { settings: Settings; errors: Errors; commit: Commit }) {
  const { t } = useT();
  return (
    <section className="card settings-card" aria-labelledby="language-heading">
      <h2 id="language-heading" className="card-title">
        {t('settings:language.heading')}
      </h2>
      <LanguageSelect
        id="language"
        value={settings.language}
        error={errors.language}
        onChange={(language) => void commit('language', language)}
      />
    </section>
  );
}
