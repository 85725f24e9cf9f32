import { Icon } from './Icon';

/** An action the engine refused, shown right where it was asked for. */
export function ErrorNote({ message, onDismiss, id }: { message: string | null; onDismiss?: () => void; id?: string }) {
  if (!message) return null;
  return (
    <div className="error-note" role="alert" id={id}>
      <Icon name="alert" />
      <p>{message}</p>
      {onDismiss && (
        <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss this message">
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}

/** state.warnings: things the engine wants the user to know (a damaged file kept aside, …). */
export function WarningBanner({
  warnings,
  dismissed,
  onDismiss,
}: {
  warnings: readonly string[];
  dismissed: ReadonlySet<string>;
  onDismiss: (warning: string) => void;
}) {
  const visible = warnings.filter((w) => !dismissed.has(w));
  if (visible.length === 0) return null;
  return (
    <section className="warnings" aria-label="Messages from Movesnack">
      {visible.map((warning) => (
        <div className="warning" key={warning} role="status">
          <Icon name="alert" />
          <p>{warning}</p>
          <button
            type="button"
            className="icon-button"
            onClick={() => onDismiss(warning)}
            aria-label="Dismiss this message"
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
    </section>
  );
}
