import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/ipc-contract';
import { errorMessage } from '../../data/api';
import { useCompanionState } from '../../data/companion';
import { Icon } from '../../ui/Icon';
import { formatClock, formatLongDate } from '../../lib/time';

const formatBytes = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The engine's daily copies of the history; restoring one merges it back (never deletes). */
export function BackupsCard() {
  const { api, refreshDay } = useCompanionState();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; text: string; error: boolean } | null>(null);

  useEffect(() => {
    let alive = true;
    api.listBackups().then(
      (list) => {
        if (alive) setBackups(list);
      },
      (e: unknown) => {
        if (alive) setLoadError(errorMessage(e));
      },
    );
    return () => {
      alive = false;
    };
  }, [api]);

  const restore = async (backup: BackupInfo) => {
    setBusy(backup.name);
    setResult(null);
    try {
      const { imported } = await api.restoreBackup(backup.name);
      setResult({
        name: backup.name,
        text:
          imported === 0
            ? 'Nothing was missing: 0 records added back.'
            : `${imported} ${imported === 1 ? 'record' : 'records'} added back.`,
        error: false,
      });
      refreshDay();
    } catch (e) {
      setResult({ name: backup.name, text: `Not restored: ${errorMessage(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="backups-heading">
      <h2 id="backups-heading" className="card-title">
        Backups
      </h2>
      <p className="card-subtitle">
        Movesnack keeps a copy of your history each day (the last seven). Restoring one adds back anything missing from
        it; nothing you have now is changed or deleted.
      </p>
      {loadError ? (
        <p className="field-error" role="alert">
          The backups could not be listed: {loadError}
        </p>
      ) : backups === null ? (
        <p className="empty" role="status">
          Looking for backups…
        </p>
      ) : backups.length === 0 ? (
        <p className="empty">No backups yet. The first one is made today.</p>
      ) : (
        <ul className="backup-list">
          {backups.map((b) => {
            const when = `${formatLongDate(b.createdAt)}, ${formatClock(b.createdAt)}`;
            return (
              <li key={b.name} className="backup">
                <span className="backup-text">
                  <span className="backup-when">{when}</span>
                  <span className="backup-size">{formatBytes(b.bytes)}</span>
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy !== null}
                  aria-label={`Restore the backup from ${when}`}
                  onClick={() => void restore(b)}
                >
                  <Icon name="restore" />
                  {busy === b.name ? 'Restoring…' : 'Restore'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p
        className={result?.error ? 'live-note backup-result backup-result-error' : 'live-note backup-result'}
        role="status"
      >
        {result?.text}
      </p>
    </section>
  );
}
