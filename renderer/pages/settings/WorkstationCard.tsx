import { type Settings } from '../../../shared/settings';
import { Icon } from '../../ui/Icon';
import { hrefFor } from '../../router';
import { Errors, Commit } from './settings-commit';
import { NumberSetting } from './NumberSetting';
import { useT } from '../../i18n';
import { buttonClass } from '../../ui/Button';

export function WorkstationCard({
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
    <section className="card settings-card" aria-labelledby="desk-heading">
      <h2 id="desk-heading" className="card-title">
        {t('settings:workstation.heading')}
      </h2>
      <NumberSetting
        id="recheck-days"
        label={t('settings:workstation.recheck.label')}
        help={t('settings:workstation.recheck.help')}
        unit={t('settings:units.days', { count: s.recheckDays })}
        min={7}
        max={365}
        value={s.recheckDays}
        error={errors.recheckDays}
        onCommit={(v) => void commit('recheckDays', v)}
      />
      <p className="settings-link-row">
        <a className={buttonClass('secondary')} href={hrefFor('setup')}>
          <Icon name="monitor" />
          {t('settings:workstation.open')}
        </a>
      </p>
    </section>
  );
}
