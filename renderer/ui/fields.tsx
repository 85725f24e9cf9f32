import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describedBy, Field } from './Field';
import './fields.css';
import { useT } from '../i18n';

/** A labelled row: words on the left (or on top, when narrow), the control on the right. */
export function SettingRow({
  id,
  label,
  help,
  error,
  children,
  note,
}: {
  id: string;
  label: string;
  help?: ReactNode;
  error?: string | null;
  note?: string | null;
  children: ReactNode;
}) {
  return (
    <Field layout="row" id={id} label={label} hint={help} error={error} errorNote={note}>
      {children}
    </Field>
  );
}

export { describedBy };

/**
 * A whole number with a unit. Typing is kept as a draft; it is checked and sent after a short
 * pause, on Enter and when leaving the field. An invalid draft stays visible with its message.
 */
export function NumberInput({
  id,
  value,
  min,
  max,
  unit,
  invalid,
  hasHelp,
  onCommit,
}: {
  id: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  invalid: boolean;
  hasHelp: boolean;
  onCommit: (value: number) => void;
}) {
  const [draft, setDraft] = useState(String(value));
  const [seen, setSeen] = useState(value);
  const [focused, setFocused] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The engine's value changed (here or in another window): show it unless the user is typing.
  if (value !== seen) {
    setSeen(value);
    if (!focused) setDraft(String(value));
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (text: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    onCommit(text.trim() === '' ? Number.NaN : Number(text));
  };

  return (
    <span className="number-field">
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hasHelp, invalid)}
        onFocus={() => setFocused(true)}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(text), 700);
        }}
        onBlur={() => {
          setFocused(false);
          if (timer.current !== undefined || draft !== String(value)) commit(draft);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(draft);
        }}
      />
      <span className="unit" aria-hidden="true">
        {unit}
      </span>
    </span>
  );
}

/** An on/off switch: a button with role="switch", named by its row's label. */
export function Switch({
  id,
  checked,
  onChange,
  disabled,
  hasHelp,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hasHelp: boolean;
}) {
  const { t } = useT();
  return (
    <button
      id={id}
      type="button"
      role="switch"
      className="switch"
      aria-checked={checked}
      aria-labelledby={`${id}-label`}
      aria-describedby={hasHelp ? `${id}-help` : undefined}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-text" aria-hidden="true">
        {checked ? t('app:switch.on') : t('app:switch.off')}
      </span>
    </button>
  );
}
