import { useId, type ReactNode } from 'react';

/** What a control inside a Field needs to be named and described: spread or pick these. */
export interface FieldControl {
  /** The control's id (a row's <label> points at it). */
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldProps {
  /** The words that name the control: a <label> in a row, a <legend> in a group. */
  label: ReactNode;
  /** A sentence under the label; the control is described by it. */
  hint?: ReactNode;
  /** What is wrong with the value, announced when it appears; the control is described by it too. */
  error?: ReactNode | null;
  /** A quieter second sentence after the error. */
  errorNote?: ReactNode | null;
  /** The control's id; the hint and error take `${id}-help` and `${id}-error`. Default: a fresh id. */
  id?: string;
  /**
   * row: one control, label and hint beside it (beneath on a narrow window), as on the main
   * screens' cards. group: several controls under one legend, as in the guided flows.
   */
  layout?: 'row' | 'group';
  className?: string;
  children: ReactNode | ((control: FieldControl) => ReactNode);
}

/** The ids a control's aria-describedby lists: its hint, then its error. */
export const describedBy = (id: string, hint: boolean, error: boolean) =>
  [hint ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/**
 * A label, a control, a hint and an error, with their ids wired together so a screen reader
 * reads the name, then the hint, then what is wrong. One component for every screen.
 */
export function Field({ label, hint, error, errorNote, id, layout = 'row', className, children }: FieldProps) {
  const fallback = useId();
  const controlId = id ?? fallback;
  const hasHint = Boolean(hint);
  const hasError = Boolean(error);
  const control: FieldControl = {
    id: controlId,
    'aria-describedby': describedBy(controlId, hasHint, hasError),
    'aria-invalid': hasError ? true : undefined,
  };
  const body = typeof children === 'function' ? children(control) : children;

  if (layout === 'group') {
    return (
      <fieldset className={['flow-fieldset', className].filter(Boolean).join(' ')}>
        <legend className="flow-legend">{label}</legend>
        {hasHint && (
          <p className="flow-help" id={`${controlId}-help`}>
            {hint}
          </p>
        )}
        {body}
        {hasError && (
          <p className="flow-error" id={`${controlId}-error`} role="alert">
            {error}
            {errorNote && <span className="field-error-note"> {errorNote}</span>}
          </p>
        )}
      </fieldset>
    );
  }

  return (
    <div className={['setting', hasError ? 'setting-invalid' : null, className].filter(Boolean).join(' ')}>
      <div className="setting-text">
        <label className="setting-label" htmlFor={controlId} id={`${controlId}-label`}>
          {label}
        </label>
        {hasHint && (
          <p className="setting-help" id={`${controlId}-help`}>
            {hint}
          </p>
        )}
      </div>
      <div className="setting-control">
        {body}
        {hasError && (
          <p className="field-error" id={`${controlId}-error`} role="alert">
            {error}
            {errorNote && <span className="field-error-note"> {errorNote}</span>}
          </p>
        )}
      </div>
    </div>
  );
}
