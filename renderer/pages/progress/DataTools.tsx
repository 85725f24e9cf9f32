import { useId, useRef, useState } from 'react';
import type { MovesnackApi } from '../../../shared/ipc-contract';
import { exportCsv } from '../../../shared/csv';
import { errorMessage } from '../../data/api';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';

/** Files bigger than this are refused before reading: years of history are a few megabytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Saves text as a file through a temporary link (Electron shows its save dialog). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataTools({
  api,
  onImported,
  onOpenReport,
}: {
  api: MovesnackApi;
  onImported: () => void;
  onOpenReport: () => void;
}) {
  const { t } = useT();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<null | 'json' | 'csv' | 'import'>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (kind: 'json' | 'csv') => {
    setBusy(kind);
    setError(null);
    setStatus(null);
    try {
      const data = await api.exportData();
      if (kind === 'json') {
        downloadText(`${JSON.stringify(data, null, 2)}\n`, `movesnack-export-${today()}.json`, 'application/json');
      } else {
        downloadText(exportCsv(data, { bom: true }), `movesnack-${today()}.csv`, 'text/csv;charset=utf-8');
      }
      setStatus(
        t('progress:data.exported', {
          stretches: data.stretches.length,
          breaks: data.breaks.length,
          checkins: data.checkins.length,
          kind: kind === 'json' ? 'JSON' : 'CSV',
        }),
      );
    } catch (e) {
      setError(t('progress:data.exportFailed', { error: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File) => {
    setBusy('import');
    setError(null);
    setStatus(null);
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(t('progress:data.tooBig', { mb: Math.round(file.size / 1024 / 1024) }));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(t('progress:data.notJson', { name: file.name }));
      }
      const { imported } = await api.importData(parsed);
      setStatus(
        imported === 0
          ? t('progress:data.nothingNew', { name: file.name })
          : t('progress:data.imported', { count: imported, name: file.name }),
      );
      if (imported > 0) onImported();
    } catch (e) {
      const message = errorMessage(e);
      const nothing = t('progress:data.nothingImported', { message: '' }).trim();
      setError(
        /Nothing was imported/.test(message) || message.includes(nothing)
          ? message
          : t('progress:data.nothingImported', { message }),
      );
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <section className="ms-card ms-data" aria-labelledby="ms-data-title">
      <h2 className="ms-card-title" id="ms-data-title">
        {t('progress:data.title')}
      </h2>
      <p className="ms-muted">
        {t('progress:data.intro')}
      </p>
      <div className="ms-actions">
        <Button type="button" variant="secondary" disabled={busy !== null} onClick={() => exportAs('json')}>
          {t('progress:data.exportJson')}
        </Button>
        <Button type="button" variant="secondary" disabled={busy !== null} onClick={() => exportAs('csv')}>
          {t('progress:data.exportCsv')}
        </Button>
        <Button type="button" variant="secondary" onClick={onOpenReport}>
          {t('progress:data.report')}
        </Button>
      </div>
      <div className="ms-import">
        <label htmlFor={inputId} className="ms-label">
          {t('progress:data.importLabel')}
        </label>
        <p className="ms-muted" id={`${inputId}-help`}>
          {t('progress:data.importHelp')}
        </p>
        <input
          ref={fileInput}
          id={inputId}
          className="ms-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={`${inputId}-help`}
          disabled={busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
          }}
        />
      </div>
      <div aria-live="polite" className="ms-live">
        {status && <p className="ms-status">{status}</p>}
      </div>
      {error && (
        <p className="ms-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
