import { type Settings } from '../../../shared/settings';
import { SettingRow, Switch } from '../../ui/fields';
import { Errors, Commit } from './settings-commit';
import { ThemePicker } from './ThemePicker';
import { VolumeSetting } from './VolumeSetting';
import { useT } from '../../i18n';

export function LookAndSoundCard({
  settings: s,
  errors,
  commit,
}: {
  settings: Settings;
  errors: Errors;
  commit: Commit;
}) {
  const { t } = useT();
  return (
    <section className="card settings-card" aria-labelledby="look-heading">
      <h2 id="look-heading" className="card-title">
        {t('settings:look.heading')}
      </h2>
      <ThemePicker value={s.theme} onChange={(theme) => commit('theme', theme)} error={errors.theme} />
      <SettingRow
        id="sound"
        label={t('settings:look.sound.label')}
        help={t('settings:look.sound.help')}
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
