import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/ipc-contract';
import { errorMessage } from '../../data/api';
import { useCompanionState } from '../../data/companion';
import { Icon } from '../../ui/Icon';
import { useT } from '../../i18n';
import { formatDate, formatNumber, formatTime } from '../../../shared/i18n/format';
import type { TFunction } from 'i18next';
import { Button } from '../../ui/Button';
import './backups.css';

const formatBytes = (t: TFunction, locale: string, bytes: number) =>
  bytes < 1024
    ? t('settings:backups.bytes', { count: bytes })
    : bytes < 1024 * 1024
      ? t('settings:backups.kb', { n: formatNumber(locale, Math.round(bytes / 1024)) })
      : t('settings:backups.mb', {
          n: formatNumber(locale, bytes / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        });

/** The engine's daily copies of the history; restoring one merges it back (never deletes). */
export function BackupsCard() {
  const { api, refreshDay } = useCompanionState();
  const { t, locale } = useT();
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
        text: imported === 0 ? t('settings:backups.nothingMissing') : t('settings:backups.added', { count: imported }),
        error: false,
      });
      refreshDay();
    } catch (e) {
      setResult({ name: backup.name, text: t('settings:backups.notRestored', { error: errorMessage(e) }), error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="backups-heading">
      <h2 id="backups-heading" className="card-title">
        {t('settings:backups.heading')}
      </h2>
      <p className="card-subtitle">
        {t('settings:backups.intro')}
      </p>
      {loadError ? (
        <p className="field-error" role="alert">
          {t('settings:backups.loadError', { error: loadError })}
        </p>
      ) : backups === null ? (
        <p className="empty" role="status">
          {t('settings:backups.looking')}
        </p>
      ) : backups.length === 0 ? (
        <p className="empty">{t('settings:backups.none')}</p>
      ) : (
        <ul className="backup-list">
          {backups.map((b) => {
            const when = t('settings:backups.when', {
              date: formatDate(locale, b.createdAt, { weekday: 'long', day: 'numeric', month: 'long' }),
              time: formatTime(locale, b.createdAt),
            });
            return (
              <li key={b.name} className="backup">
                <span className="backup-text">
                  <span className="backup-when">{when}</span>
                  <span className="backup-size">{formatBytes(t, locale, b.bytes)}</span>
                </span>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy !== null}
                  aria-label={t('settings:backups.restoreFrom', { when })}
                  onClick={() => void restore(b)}
                >
                  <Icon name="restore" />
                  {busy === b.name ? t('settings:backups.restoring') : t('settings:backups.restore')}
                </Button>
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
