import { type Settings } from '../../../shared/settings';
import { SettingRow, Switch } from '../../ui/fields';
import { Errors, Commit } from './settings-commit';
import { ThemePicker } from './ThemePicker';
import { VolumeSetting } from './VolumeSetting';

export function LookAndSoundCard({
  settings: s,
  errors,
  commit,
}: {
  settings: Settings;
  errors: Errors;
  commit: Commit;
}) {
  return (
    <section className="card settings-card" aria-labelledby="look-heading">
      <h2 id="look-heading" className="card-title">
        Look and sound
      </h2>
      <ThemePicker value={s.theme} onChange={(theme) => commit('theme', theme)} error={errors.theme} />
      <SettingRow
        id="sound"
        label="Sound"
        help="A soft chime when a break starts and ends."
        error={errors.soundEnabled}
      >
        <Switch id="sound" checked={s.soundEnabled} hasHelp onChange={(on) => void commit('soundEnabled', on)} />
      </SettingRow>
      <VolumeSetting
        value={s.soundVolume}
        enabled={s.soundEnabled}
        error={errors.soundVolume}
        onCommit={(v) => void commit('soundVolume', v)}
      />
    </section>
  );
}
