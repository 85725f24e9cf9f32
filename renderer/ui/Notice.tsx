import type { EngineNotice } from '../../shared/engine-messages';
import { engineMessage } from '../../shared/i18n/text';
import { useT } from '../i18n';
import { Icon } from './Icon';
import './notice.css';

/** An action the engine refused, shown right where it was asked for. */
export function ErrorNote({ message, onDismiss, id }: { message: string | null; onDismiss?: () => void; id?: string }) {
  const { t } = useT();
  if (!message) return null;
  return (
    <div className="error-note" role="alert" id={id}>
      <Icon name="alert" />
      <p>{message}</p>
      {onDismiss && (
        <button type="button" className="icon-button" onClick={onDismiss} aria-label={t('app:notice.dismiss')}>
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}

/**
 * state.warnings: things the engine wants the user to know (a damaged file kept aside, …), said
 * in the user's language from state.notices (the same warnings, with codes); the English text
 * stays the key for dismissing.
 */
export function WarningBanner({
  warnings,
  notices,
  dismissed,
  onDismiss,
}: {
  warnings: readonly string[];
  notices?: readonly EngineNotice[];
  dismissed: ReadonlySet<string>;
  onDismiss: (warning: string) => void;
}) {
  const { t } = useT();
  const said = (warning: string) => {
    const notice = notices?.find((n) => n.text === warning);
    return notice ? engineMessage(t, notice, warning) : warning;
  };
  const visible = warnings.filter((w) => !dismissed.has(w));
  if (visible.length === 0) return null;
  return (
    <section className="warnings" aria-label={t('app:notice.messages')}>
      {visible.map((warning) => (
        <div className="warning" key={warning} role="status">
          <Icon name="alert" />
          <p>{said(warning)}</p>
          <button
            type="button"
            className="icon-button"
            onClick={() => onDismiss(warning)}
            aria-label={t('app:notice.dismiss')}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
    </section>
  );
}
