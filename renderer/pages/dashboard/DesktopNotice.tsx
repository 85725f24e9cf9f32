import { useEffect, useState } from 'react';
import type { DesktopStatus, MovesnackApi } from '../../../shared/ipc-contract';
import { getApi } from '../../data/api';
import { Icon } from '../../ui/Icon';
import { useT } from '../../i18n';
import './desktop-notice.css';

/**
 * Said only where Movesnack cannot see idle time on this desktop (the shell's desktopStatus
 * answers 'cant-tell'): what that changes, and what the user can do about it. A shell that does
 * not answer the question says nothing, rather than guess.
 */
export function DesktopNotice({ api = getApi() }: { api?: MovesnackApi | null }) {
  const { t } = useT();
  const [status, setStatus] = useState<DesktopStatus | null>(null);
  useEffect(() => {
    let alive = true;
    api
      ?.desktopStatus?.()
      .then((answer) => {
        if (alive) setStatus(answer);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [api]);
  if (status?.idle !== 'cant-tell') return null;
  return (
    <section className="warning desktop-notice" aria-label={t('dashboard:desktop.label')}>
      <Icon name="alert" />
      <div>
        <p>
          <strong>{t('dashboard:desktop.cantSee')}</strong> {t('dashboard:desktop.clockAlone')}
        </p>
        <p>{t('dashboard:desktop.pauseHere')}</p>
      </div>
    </section>
  );
}
