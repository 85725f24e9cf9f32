import { useState } from 'react';
import { SettingRow } from '../../ui/fields';
import { Commit } from './settings-commit';
import { useT } from '../../i18n';
import type { TFunction } from '../../../shared/i18n';
import { Button } from '../../ui/Button';
import './shortcut.css';

const isMac = () => typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/**
 * "CommandOrControl+Alt+B" as the keys read on this computer: "Ctrl+Alt+B", "⌘+⌥+B"; with `t`,
 * in the keyboard's own words ("Strg+Alt+B" in German).
 */
export function describeAccelerator(accelerator: string, t?: TFunction): string {
  const mac = isMac();
  const key = (id: 'ctrl' | 'alt' | 'shift' | 'super', english: string) => (t ? t(`settings:shortcut.keys.${id}`) : english);
  return accelerator
    .split('+')
    .map((part) => {
      switch (part) {
        case 'CommandOrControl':
        case 'CmdOrCtrl':
          return mac ? '⌘' : key('ctrl', 'Ctrl');
        case 'Control':
        case 'Ctrl':
          return mac ? '⌃' : key('ctrl', 'Ctrl');
        case 'Alt':
        case 'Option':
          return mac ? '⌥' : key('alt', 'Alt');
        case 'Shift':
          return mac ? '⇧' : key('shift', 'Shift');
        case 'Command':
        case 'Cmd':
        case 'Super':
        case 'Meta':
          return mac ? '⌘' : key('super', 'Super');
        default:
          return part;
      }
    })
    .join('+');
}

/**
 * A key press as an Electron accelerator, or null when it is not a usable shortcut (a modifier
 * alone, or a plain key without Ctrl/Alt/Cmd, which would swallow ordinary typing).
 */
export function acceleratorFor(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>,
): string | null {
  if (['Control', 'Alt', 'Shift', 'Meta', 'OS', 'AltGraph'].includes(event.key)) return null;
  if (!event.ctrlKey && !event.altKey && !event.metaKey) return null;
  let key: string | null = null;
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3);
  else if (/^Digit[0-9]$/.test(event.code)) key = event.code.slice(5);
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(event.code)) key = event.code;
  else if (event.code === 'Space') key = 'Space';
  if (!key) return null;
  const mac = isMac();
  const parts: string[] = [];
  if (mac ? event.metaKey : event.ctrlKey) parts.push('CommandOrControl');
  if (mac && event.ctrlKey) parts.push('Control');
  if (!mac && event.metaKey) parts.push('Super');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

export function ShortcutSetting({ value, error, commit }: { value: string; error?: string; commit: Commit }) {
  const { t } = useT();
  const [recording, setRecording] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  // Focus stays on the button throughout: recording ends with a shortcut, Esc, or leaving it.
  const stop = () => {
    setRecording(false);
    setHint(null);
  };
  return (
    <SettingRow
      id="shortcut"
      label={t('settings:shortcut.label')}
      help={t('settings:shortcut.help')}
      error={error}
    >
      <p className="shortcut-value" id="shortcut-current">
        {value ? <kbd>{describeAccelerator(value, t)}</kbd> : t('settings:shortcut.off')}
      </p>
      <span className="inline-fields">
        <Button
          id="shortcut"
          type="button"
          variant="secondary"
          className={recording ? 'shortcut-recording' : undefined}
          aria-labelledby="shortcut-label shortcut-action"
          aria-describedby="shortcut-help shortcut-current"
          onClick={() => {
            setRecording(true);
            setHint(t('settings:shortcut.pressNew'));
          }}
          onBlur={() => recording && stop()}
          onKeyDown={(event) => {
            if (!recording) return;
            if (event.key === 'Tab') return;
            event.preventDefault();
            event.stopPropagation();
            if (event.key === 'Escape') return stop();
            const accelerator = acceleratorFor(event.nativeEvent);
            if (!accelerator) {
              if (!['Control', 'Alt', 'Shift', 'Meta'].includes(event.key))
                setHint(t('settings:shortcut.useModifier'));
              return;
            }
            void commit('discomfortShortcut', accelerator);
            stop();
          }}
        >
          <span id="shortcut-action">{recording ? t('settings:shortcut.pressing') : value ? t('settings:shortcut.change') : t('settings:shortcut.set')}</span>
        </Button>
        {value && !recording && (
          <Button type="button" variant="quiet" onClick={() => void commit('discomfortShortcut', '')}>
            {t('settings:shortcut.turnOff')}
          </Button>
        )}
      </span>
      <p className="shortcut-hint" role="status">
        {hint}
      </p>
    </SettingRow>
  );
}
