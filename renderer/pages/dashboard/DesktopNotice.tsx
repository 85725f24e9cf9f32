import { useEffect, useState } from 'react';
import type { DesktopStatus, MovesnackApi } from '../../../shared/ipc-contract';
import { getApi } from '../../data/api';
import { Icon } from '../../ui/Icon';
import './desktop-notice.css';

/**
 * Said only where Movesnack cannot see idle time on this desktop (the shell's desktopStatus
 * answers 'cant-tell'): what that changes, and what the user can do about it. A shell that does
 * not answer the question says nothing, rather than guess.
 */
export function DesktopNotice({ api = getApi() }: { api?: MovesnackApi | null }) {
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
    <section className="warning desktop-notice" aria-label="Stepping away">
      <Icon name="alert" />
      <div>
        <p>
          <strong>Movesnack can't see when you step away on this desktop.</strong> Breaks are timed by the clock alone,
          so time away from your desk is not taken off your sitting time.
        </p>
        <p>When you leave for a while, pause Movesnack here, and resume it when you're back.</p>
      </div>
    </section>
  );
}
