import { NumberInput, SettingRow } from '../../ui/fields';
import { useT } from '../../i18n';

export function NumberSetting(props: {
  id: string;
  label: string;
  help: string;
  unit: string;
  min: number;
  max: number;
  value: number;
  error?: string;
  onCommit: (value: number) => void;
}) {
  const { id, label, help, unit, min, max, value, error, onCommit } = props;
  const { t } = useT();
  return (
    <SettingRow id={id} label={label} help={help} error={error} note={error ? t('settings:stillUsing', { value: `${value} ${unit}` }) : null}>
      <NumberInput
        id={id}
        value={value}
        min={min}
        max={max}
        unit={unit}
        invalid={!!error}
        hasHelp
        onCommit={onCommit}
      />
    </SettingRow>
  );
}
