import { NumberInput, SettingRow } from '../../ui/fields';

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
  return (
    <SettingRow id={id} label={label} help={help} error={error} note={error ? `Still using ${value} ${unit}.` : null}>
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
