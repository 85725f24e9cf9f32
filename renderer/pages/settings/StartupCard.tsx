import { type Settings } from '../../../shared/settings';
import { SettingRow, Switch } from '../../ui/fields';
import { Errors, Commit } from './settings-commit';
import { useT } from '../../i18n';

export function StartupCard({ settings: s, errors, commit }: { settings: Settings; errors: Errors; commit: Commit }) {
  const { t } = useT();
  return (
    <section className="card settings-card" aria-labelledby="startup-heading">
      <h2 id="startup-heading" className="card-title">
        {t('settings:startup.heading')}
      </h2>
      <SettingRow
        id="launch-at-login"
        label={t('settings:startup.login.label')}
        help={t('settings:startup.login.help')}
        error={errors.launchAtLogin}
      >
        <Switch
          id="launch-at-login"
          checked={s.launchAtLogin}
          hasHelp
          onChange={(on) => void commit('launchAtLogin', on)}
        />
      </SettingRow>
    </section>
  );
}
