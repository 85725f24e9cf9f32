import { type Settings } from '../../../shared/settings';
import { SettingRow, Switch } from '../../ui/fields';
import { Errors, Commit } from './settings-commit';

export function StartupCard({ settings: s, errors, commit }: { settings: Settings; errors: Errors; commit: Commit }) {
  return (
    <section className="card settings-card" aria-labelledby="startup-heading">
      <h2 id="startup-heading" className="card-title">
        Startup
      </h2>
      <SettingRow
        id="launch-at-login"
        label="Open at login"
        help="Movesnack starts quietly in the tray when you sign in to your computer."
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
