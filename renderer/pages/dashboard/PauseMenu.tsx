import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { WorkingHours } from '../../../shared/settings';
import { formatMoment, pausePresets } from '../../lib/time';
import { Icon } from '../../ui/Icon';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import './pause-menu.css';

interface PauseMenuProps {
  workingHours: WorkingHours | null;
  disabled?: boolean;
  onPause: (until: Date) => void;
  now: number;
}

/**
 * "Pause ▸ 30 min / 1 h / 2 h / until tomorrow" as a disclosure: a button that shows a short
 * list of buttons. Arrow keys move between them, Escape closes and returns focus.
 */
export function PauseMenu({ workingHours, disabled, onPause, now }: PauseMenuProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const fmt = useT();
  const presets = pausePresets(workingHours, fmt);

  useEffect(() => {
    if (!open) return;
    const first = wrapper.current?.querySelector<HTMLButtonElement>('.menu-item');
    first?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      trigger.current?.focus();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const items = Array.from(wrapper.current?.querySelectorAll<HTMLButtonElement>('.menu-item') ?? []);
      const index = items.indexOf(document.activeElement as HTMLButtonElement);
      const next = event.key === 'ArrowDown' ? (index + 1) % items.length : (index - 1 + items.length) % items.length;
      items[next]?.focus();
    }
  };

  const onBlur = (event: FocusEvent) => {
    if (open && !wrapper.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
  };

  return (
    <div className="menu" ref={wrapper} onKeyDown={onKeyDown} onBlur={onBlur}>
      <Button
        ref={trigger}
        type="button"
        variant="secondary"
        aria-expanded={open}
        aria-controls={listId}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="pause" />
        {fmt.t('dashboard:pause.button')}
        <Icon name="chevronDown" className="icon-trailing" />
      </Button>
      <ul className="menu-list" id={listId} hidden={!open}>
        {presets.map((preset) => {
          const until = preset.until(now);
          return (
            <li key={preset.id}>
              <button
                type="button"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  trigger.current?.focus();
                  onPause(preset.until(Date.now()));
                }}
              >
                <span>{preset.label}</span>
                <span className="menu-hint">
                  {fmt.t('dashboard:pause.until', { moment: formatMoment(until, now, fmt) })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
