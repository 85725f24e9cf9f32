import { useTranslation } from 'react-i18next';
import type { ProgramData, ProgramView, ProgramViewChange } from '../../data/program';
import { useT } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { changeWords } from './words';
import { Button } from '../../ui/Button';

/** One explained change; the newest one still in effect can be undone. */
export function ChangeItem({ change, program }: { change: ProgramViewChange; program: ProgramData }) {
  const { t } = useTranslation('program');
  const { locale } = useT();
  const when = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(change.at));
  const kind =
    change.code.startsWith('backup.') || change.code === 'stage.early'
      ? 'back'
      : change.code === 'progress.step' || change.code === 'lane.forward' || change.code === 'stage.later'
        ? 'up'
        : 'plain';
  return (
    <li className={`program-change program-change-${kind}${change.undone ? ' program-change-undone' : ''}`}>
      <div className="program-change-text">
        <p>{changeWords(t, change)}</p>
        <p className="program-change-when">
          <time dateTime={change.at}>{when}</time>
          {change.undone && <> · {t('changes.undone')}</>}
        </p>
      </div>
      {change.undoable && !change.undone && (
        <Button
          type="button"
          variant="secondary"
          className="program-undo"
          disabled={program.pending}
          onClick={() => void program.run({ type: 'program/undo', changeId: change.id })}
        >
          <Icon name="restore" />
          {t('changes.undo')}
        </Button>
      )}
    </li>
  );
}

export function ChangesCard({ view, program }: { view: ProgramView; program: ProgramData }) {
  const { t } = useTranslation('program');
  return (
    <section className="card" aria-labelledby="program-changes-title">
      <h2 id="program-changes-title" className="card-title">
        {t('changes.title')}
      </h2>
      <p className="card-subtitle">{t('changes.lead')}</p>
      {view.changes.length === 0 ? (
        <p className="empty">{t('changes.none')}</p>
      ) : (
        <ul className="program-changes">
          {view.changes.map((c) => (
            <ChangeItem key={c.id} change={c} program={program} />
          ))}
        </ul>
      )}
    </section>
  );
}
