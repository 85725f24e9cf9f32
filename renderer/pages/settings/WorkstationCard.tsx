import { type Settings } from '../../../shared/settings';
import { Icon } from '../../ui/Icon';
import { hrefFor } from '../../router';
import { Errors, Commit } from './settings-commit';
import { NumberSetting } from './NumberSetting';

export function WorkstationCard({
  settings: s,
  errors,
  commit,
}: {
  settings: Settings;
  errors: Errors;
  commit: Commit;
}) {
  return (
    <section className="card settings-card" aria-labelledby="desk-heading">
      <h2 id="desk-heading" className="card-title">
        Workstation
      </h2>
      <NumberSetting
        id="recheck-days"
        label="Check my desk again every"
        help="Movesnack suggests a fresh workstation check after this many days, and sooner when you tell it you moved desks."
        unit="days"
        min={7}
        max={365}
        value={s.recheckDays}
        error={errors.recheckDays}
        onCommit={(v) => void commit('recheckDays', v)}
      />
      <p className="settings-link-row">
        <a className="button button-secondary" href={hrefFor('setup')}>
          <Icon name="monitor" />
          Open the workstation check
        </a>
      </p>
    </section>
  );
}
