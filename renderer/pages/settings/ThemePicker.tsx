import { useState } from 'react';
import { type Theme } from '../../../shared/settings';
import { Icon, type IconName } from '../../ui/Icon';
import { useT } from '../../i18n';
import './theme-picker.css';

const THEMES: { value: Theme; icon: IconName }[] = [
  { value: 'system', icon: 'monitor' },
  { value: 'light', icon: 'sun' },
  { value: 'dark', icon: 'moon' },
];

export function ThemePicker({
  value,
  onChange,
  error,
}: {
  value: Theme;
  onChange: (theme: Theme) => Promise<boolean>;
  error?: string;
}) {
  // Show the choice at once; fall back to the engine's value if it refuses.
  const { t: tr } = useT();
  const [choice, setChoice] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setChoice(value);
  }
  const choose = async (theme: Theme) => {
    setChoice(theme);
    if (!(await onChange(theme))) setChoice(value);
  };
  return (
    <fieldset className={error ? 'setting setting-fieldset setting-invalid' : 'setting setting-fieldset'}>
      <legend className="setting-label">{tr('settings:look.theme')}</legend>
      <div className="setting-control">
        <div className="segmented theme-segmented">
          {THEMES.map((t) => (
            <label key={t.value} className="segment">
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={choice === t.value}
                onChange={() => void choose(t.value)}
              />
              <span className="segment-face">
                <Icon name={t.icon} />
                {tr(`settings:look.themes.${t.value}`)}
              </span>
            </label>
          ))}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}
