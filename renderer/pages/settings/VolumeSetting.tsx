import { useEffect, useRef, useState } from 'react';
import { SettingRow } from '../../ui/fields';
import { useT } from '../../i18n';
import { formatPercent } from '../../../shared/i18n/format';

export function VolumeSetting({
  value,
  enabled,
  error,
  onCommit,
}: {
  value: number;
  enabled: boolean;
  error?: string;
  onCommit: (v: number) => void;
}) {
  const { t, locale } = useT();
  const [draft, setDraft] = useState(Math.round(value * 100));
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (value !== seen) {
    setSeen(value);
    setDraft(Math.round(value * 100));
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <SettingRow id="volume" label={t('settings:look.volume')} error={error}>
      <span className="range-field">
        <input
          id="volume"
          type="range"
          min={0}
          max={100}
          step={5}
          value={draft}
          disabled={!enabled}
          aria-valuetext={formatPercent(locale, draft / 100)}
          onChange={(e) => {
            const next = Number(e.target.value);
            setDraft(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => onCommit(next / 100), 250);
          }}
        />
        <output htmlFor="volume" className="range-value">
          {formatPercent(locale, draft / 100)}
        </output>
      </span>
    </SettingRow>
  );
}
