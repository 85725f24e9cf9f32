import { useId, useRef, useState } from 'react';
import type { MovesnackApi } from '../../../shared/ipc-contract';
import { exportCsv } from '../../../shared/csv';
import { errorMessage } from '../../data/api';

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
      const counts = `${data.stretches.length} stretches, ${data.breaks.length} breaks, ${data.checkins.length} check-ins`;
      setStatus(`Exported ${counts} as ${kind === 'json' ? 'JSON' : 'CSV'}.`);
    } catch (e) {
      setError(`Export failed: ${errorMessage(e)}`);
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
        throw new Error(
          `That file is ${Math.round(file.size / 1024 / 1024)} MB; a Movesnack export is much smaller. Nothing was imported.`,
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(`"${file.name}" is not a Movesnack export: it is not JSON. Nothing was imported.`);
      }
      const { imported } = await api.importData(parsed);
      setStatus(
        imported === 0
          ? `Nothing new in "${file.name}": everything in it is already here.`
          : `Imported ${imported} new record${imported === 1 ? '' : 's'} from "${file.name}".`,
      );
      if (imported > 0) onImported();
    } catch (e) {
      const message = errorMessage(e);
      setError(/Nothing was imported/.test(message) ? message : `${message} Nothing was imported.`);
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <section className="ms-card ms-data" aria-labelledby="ms-data-title">
      <h2 className="ms-card-title" id="ms-data-title">
        Your data
      </h2>
      <p className="ms-muted">
        Everything stays on this computer. Export a copy to keep, to move to another computer, or to open in a
        spreadsheet.
      </p>
      <div className="ms-actions">
        <button
          type="button"
          className="ms-button ms-button-secondary"
          disabled={busy !== null}
          onClick={() => exportAs('json')}
        >
          Export (JSON)
        </button>
        <button
          type="button"
          className="ms-button ms-button-secondary"
          disabled={busy !== null}
          onClick={() => exportAs('csv')}
        >
          Export for a spreadsheet (CSV)
        </button>
        <button type="button" className="ms-button ms-button-secondary" onClick={onOpenReport}>
          Report for your physical therapist
        </button>
      </div>
      <div className="ms-import">
        <label htmlFor={inputId} className="ms-label">
          Import a Movesnack export (JSON)
        </label>
        <p className="ms-muted" id={`${inputId}-help`}>
          Records you already have are skipped; settings in the file are not applied.
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
