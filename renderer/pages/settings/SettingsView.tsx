import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../shared/ipc-contract';
import type { Profile } from '../../../shared/profile';
import { offeredRoutines } from '../../../shared/routine-selection';
import { routineById } from '../../../shared/routines';
import { SettingsShape, type Settings, type SettingsPatch, type Theme, type WorkingHours } from '../../../shared/settings';
import type { CompanionState } from '../../../shared/state';
import { errorMessage } from '../../data/api';
import { useCompanionState } from '../../data/companion';
import { describedBy, NumberInput, SettingRow, Switch } from '../../ui/fields';
import { Icon, type IconName } from '../../ui/Icon';
import { BackProfileSettings } from '../first-run';
import { DAY_NAMES, dayShort, describeWorkingHours, formatClock, formatLongDate, WEEK_ORDER } from '../../lib/time';
import { hrefFor } from '../../router';
import { PageHeading } from '../../ui/PageHeading';
import { HoldBreaksCard } from './HoldBreaksCard';

type FieldKey = keyof Settings | 'workingHours.days' | 'workingHours.time';
type Errors = Partial<Record<FieldKey, string>>;

const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' };

const sentence = (text: string) => {
  if (!text) return text;
  const s = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks one setting with the shared zod schema; only a valid value is sent, as one
 * settings/update. The engine may still refuse: its message is shown the same way.
 */
function useSettingsCommit(state: CompanionState | null) {
  const { dispatch } = useCompanionState();
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(0);
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  }, [state]);

  const setError = useCallback((field: FieldKey, message: string | null) => {
    setErrors((e) => {
      if ((e[field] ?? null) === message) return e;
      const next = { ...e };
      if (message) next[field] = message;
      else delete next[field];
      return next;
    });
  }, []);

  const commit = useCallback(
    async <K extends keyof Settings>(
      key: K,
      value: unknown,
      fieldFor: (path: PropertyKey[]) => FieldKey = () => key,
    ): Promise<boolean> => {
      const parsed = SettingsShape[key].safeParse(value);
      const fields =
        key === 'workingHours'
          ? (['workingHours.days', 'workingHours.time', 'workingHours'] as FieldKey[])
          : [key as FieldKey];
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        for (const f of fields) setError(f, null);
        setError(fieldFor(issue?.path ?? []), sentence(issue?.message ?? 'That value is not allowed.'));
        return false;
      }
      for (const f of fields) setError(f, null);
      if (current.current && same(current.current.settings[key], parsed.data)) return true;
      try {
        await dispatch({ type: 'settings/update', settings: { [key]: parsed.data } as SettingsPatch });
        setSaved((n) => n + 1);
        return true;
      } catch (error) {
        setError(fieldFor([]), errorMessage(error));
        return false;
      }
    },
    [dispatch, setError],
  );

  return { errors, commit, saved };
}

export function SettingsView() {
  const { state, api, dispatch, profile } = useCompanionState();
  const { errors, commit, saved } = useSettingsCommit(state);
  if (!state) return null;
  const s = state.settings;

  return (
    <div className="settings">
      <PageHeading
        title="Settings"
        subtitle="Changes are saved as you make them."
        aside={
          <p className="saved-note" role="status" aria-live="polite">
            {saved > 0 ? (
              <>
                <Icon name="check" /> Saved
              </>
            ) : null}
          </p>
        }
      />

      <section className="card settings-card" aria-labelledby="breaks-heading">
        <h2 id="breaks-heading" className="card-title">
          Breaks
        </h2>
        <NumberSetting
          id="break-interval"
          label="Break interval"
          help="How long you sit before a break is suggested. Many backs like 30 to 45 minutes."
          unit="min"
          min={10}
          max={120}
          value={s.breakIntervalMin}
          error={errors.breakIntervalMin}
          onCommit={(v) => void commit('breakIntervalMin', v)}
        />
        <NumberSetting
          id="snooze-length"
          label="Snooze length"
          help="How long a snooze puts the break off."
          unit="min"
          min={1}
          max={30}
          value={s.snoozeMin}
          error={errors.snoozeMin}
          onCommit={(v) => void commit('snoozeMin', v)}
        />
        <NumberSetting
          id="snooze-limit"
          label="Snoozes per break"
          help="After this many, the break can be taken or skipped. 0 turns snoozing off."
          unit={s.maxSnoozes === 1 ? 'snooze' : 'snoozes'}
          min={0}
          max={10}
          value={s.maxSnoozes}
          error={errors.maxSnoozes}
          onCommit={(v) => void commit('maxSnoozes', v)}
        />
        <NumberSetting
          id="natural-break"
          label="Natural break"
          help="Time away from the keyboard and mouse that counts as a break on its own."
          unit="min"
          min={1}
          max={30}
          value={s.naturalBreakMin}
          error={errors.naturalBreakMin}
          onCommit={(v) => void commit('naturalBreakMin', v)}
        />
        <RoutinePreference
          value={s.routineId}
          profile={profile}
          error={errors.routineId}
          onChange={(id) => void commit('routineId', id)}
        />
      </section>

      <HoldBreaksCard settings={s} errors={errors} commit={commit} />

      <WorkingHoursSection value={s.workingHours} errors={errors} commit={commit} />

      {/* The first-run answers: the safety check, and about you and your back (two cards). */}
      <div className="settings-back">
        <BackProfileSettings api={api} dispatch={dispatch} settings={s} scheduleElsewhere />
      </div>

      <RemindersCard settings={s} errors={errors} commit={commit} />

      <section className="card settings-card" aria-labelledby="desk-heading">
        <h2 id="desk-heading" className="card-title">
          Workstation
        </h2>
        <NumberSetting
          id="recheck-days"
          label="Check my desk again every"
          help="Movesnack suggests a fresh workstation check after this many days, and sooner when you tell it you moved desks."
          unit="days"
          min={7}
          max={365}
          value={s.recheckDays}
          error={errors.recheckDays}
          onCommit={(v) => void commit('recheckDays', v)}
        />
        <p className="settings-link-row">
          <a className="button button-secondary" href={hrefFor('setup')}>
            <Icon name="monitor" />
            Open the workstation check
          </a>
        </p>
      </section>

      <section className="card settings-card" aria-labelledby="look-heading">
        <h2 id="look-heading" className="card-title">
          Look and sound
        </h2>
        <ThemePicker value={s.theme} onChange={(theme) => commit('theme', theme)} error={errors.theme} />
        <SettingRow
          id="sound"
          label="Sound"
          help="A soft chime when a break starts and ends."
          error={errors.soundEnabled}
        >
          <Switch id="sound" checked={s.soundEnabled} hasHelp onChange={(on) => void commit('soundEnabled', on)} />
        </SettingRow>
        <VolumeSetting
          value={s.soundVolume}
          enabled={s.soundEnabled}
          error={errors.soundVolume}
          onCommit={(v) => void commit('soundVolume', v)}
        />
      </section>

      <section className="card settings-card" aria-labelledby="startup-heading">
        <h2 id="startup-heading" className="card-title">
          Startup
        </h2>
        <SettingRow
          id="launch-at-login"
          label="Open at login"
          help="Movesnack starts quietly in the tray when you sign in to your computer."
          error={errors.launchAtLogin}
        >
          <Switch
            id="launch-at-login"
            checked={s.launchAtLogin}
            hasHelp
            onChange={(on) => void commit('launchAtLogin', on)}
          />
        </SettingRow>
      </section>

      <BackupsCard />
    </div>
  );
}

type Commit = (key: keyof Settings, value: unknown) => Promise<boolean>;

const DEFAULT_CHECKIN = { days: [2, 5], time: '17:00' };
const DEFAULT_WEEKLY = { day: 1, time: '09:00' };

/**
 * Calendar reminders the shell shows as quiet notifications: the twice-weekly check-in, the
 * weekly summary, and the "my back is complaining" keyboard shortcut.
 */
function RemindersCard({ settings, errors, commit }: { settings: Settings; errors: Errors; commit: Commit }) {
  const checkin = settings.checkinReminder;
  const weekly = settings.weeklySummaryReminder;
  // Remember the last choice while switched off, so switching back on restores it.
  const [lastCheckin, setLastCheckin] = useState(checkin ?? DEFAULT_CHECKIN);
  const [lastWeekly, setLastWeekly] = useState(weekly ?? DEFAULT_WEEKLY);
  if (checkin && !same(checkin, lastCheckin)) setLastCheckin(checkin);
  if (weekly && !same(weekly, lastWeekly)) setLastWeekly(weekly);

  const toggleDay = (day: number) => {
    if (!checkin) return;
    const days = checkin.days.includes(day)
      ? checkin.days.filter((d) => d !== day)
      : [...checkin.days, day].sort((a, b) => a - b);
    void commit('checkinReminder', { ...checkin, days });
  };

  return (
    <section className="card settings-card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" className="card-title">
        Reminders
      </h2>
      <SettingRow
        id="checkin-reminder"
        label="Check-in reminder"
        help="A gentle nudge to note your pain, stiffness and wins. Twice a week is plenty."
        error={errors.checkinReminder}
      >
        <Switch
          id="checkin-reminder"
          checked={!!checkin}
          hasHelp
          onChange={(on) => void commit('checkinReminder', on ? lastCheckin : null)}
        />
        {checkin && (
          <>
            <div className="chips" role="group" aria-label="Check-in days">
              {WEEK_ORDER.map((day) => (
                <button
                  key={day}
                  type="button"
                  className="chip chip-small"
                  aria-pressed={checkin.days.includes(day)}
                  title={DAY_NAMES[day]}
                  onClick={() => toggleDay(day)}
                >
                  {dayShort(day)}
                </button>
              ))}
            </div>
            <label className="time-field">
              <span>At</span>
              <input
                type="time"
                value={checkin.time}
                aria-label="Check-in reminder time"
                onChange={(e) => void commit('checkinReminder', { ...checkin, time: e.target.value })}
              />
            </label>
          </>
        )}
      </SettingRow>
      <SettingRow
        id="weekly-reminder"
        label="Weekly summary"
        help="Once a week, a note that your summary is ready on the Progress page."
        error={errors.weeklySummaryReminder}
      >
        <Switch
          id="weekly-reminder"
          checked={!!weekly}
          hasHelp
          onChange={(on) => void commit('weeklySummaryReminder', on ? lastWeekly : null)}
        />
        {weekly && (
          <span className="inline-fields">
            <select
              className="select"
              aria-label="Weekly summary day"
              value={weekly.day}
              onChange={(e) => void commit('weeklySummaryReminder', { ...weekly, day: Number(e.target.value) })}
            >
              {WEEK_ORDER.map((day) => (
                <option key={day} value={day}>
                  {DAY_NAMES[day]}
                </option>
              ))}
            </select>
            <label className="time-field">
              <span>at</span>
              <input
                type="time"
                value={weekly.time}
                aria-label="Weekly summary time"
                onChange={(e) => void commit('weeklySummaryReminder', { ...weekly, time: e.target.value })}
              />
            </label>
          </span>
        )}
      </SettingRow>
      <ShortcutSetting value={settings.discomfortShortcut} error={errors.discomfortShortcut} commit={commit} />
    </section>
  );
}

const isMac = () => typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** "CommandOrControl+Alt+B" as the keys read on this computer: "Ctrl+Alt+B", "⌘+⌥+B". */
export function describeAccelerator(accelerator: string): string {
  const mac = isMac();
  return accelerator
    .split('+')
    .map((part) => {
      switch (part) {
        case 'CommandOrControl':
        case 'CmdOrCtrl':
          return mac ? '⌘' : 'Ctrl';
        case 'Control':
        case 'Ctrl':
          return mac ? '⌃' : 'Ctrl';
        case 'Alt':
        case 'Option':
          return mac ? '⌥' : 'Alt';
        case 'Shift':
          return mac ? '⇧' : 'Shift';
        case 'Command':
        case 'Cmd':
        case 'Super':
        case 'Meta':
          return mac ? '⌘' : 'Super';
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

function ShortcutSetting({ value, error, commit }: { value: string; error?: string; commit: Commit }) {
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
      label="“My back is complaining” shortcut"
      help="Press it anywhere to note discomfort without opening Movesnack."
      error={error}
    >
      <p className="shortcut-value" id="shortcut-current">
        {value ? <kbd>{describeAccelerator(value)}</kbd> : 'Off'}
      </p>
      <span className="inline-fields">
        <button
          id="shortcut"
          type="button"
          className={recording ? 'button button-secondary shortcut-recording' : 'button button-secondary'}
          aria-labelledby="shortcut-label shortcut-action"
          aria-describedby="shortcut-help shortcut-current"
          onClick={() => {
            setRecording(true);
            setHint('Press the new keys, with Ctrl, Alt or Cmd. Esc cancels.');
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
                setHint('Use Ctrl, Alt or Cmd with a letter, a number or a function key.');
              return;
            }
            void commit('discomfortShortcut', accelerator);
            stop();
          }}
        >
          <span id="shortcut-action">{recording ? 'Press the keys…' : value ? 'Change' : 'Set a shortcut'}</span>
        </button>
        {value && !recording && (
          <button type="button" className="button button-quiet" onClick={() => void commit('discomfortShortcut', '')}>
            Turn off
          </button>
        )}
      </span>
      <p className="shortcut-hint" role="status">
        {hint}
      </p>
    </SettingRow>
  );
}

/** settings.routineId: 'auto' (chosen by the answers, rotating) or one routine every time. */
function RoutinePreference({
  value,
  profile,
  error,
  onChange,
}: {
  value: string;
  profile: Profile | null;
  error?: string;
  onChange: (id: string) => void;
}) {
  const offered = profile ? offeredRoutines(profile) : [];
  const current = value === 'auto' ? null : routineById(value);
  const stale = current && !offered.some((r) => r.id === current.id);
  const help = profile?.legSymptoms
    ? 'Chosen for you: Movesnack picks by your answers and varies the moves. Nerve glides are offered because you mentioned leg symptoms; they are never picked for you.'
    : 'Chosen for you: Movesnack picks by your answers and varies the moves. Or do the same routine every time.';
  return (
    <SettingRow
      id="routine-choice"
      label="Routine"
      help={help}
      error={
        error ??
        (stale ? `“${current.name}” does not suit your current answers, so routines are chosen for you.` : null)
      }
    >
      <select
        id="routine-choice"
        className="select"
        value={value}
        aria-describedby={describedBy('routine-choice', true, !!error || !!stale)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="auto">Chosen for you</option>
        {offered.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
            {r.kind === 'nerve-glide' ? ' (for leg symptoms)' : ''}
          </option>
        ))}
        {stale && <option value={current.id}>{current.name}</option>}
      </select>
    </SettingRow>
  );
}

const formatBytes = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The engine's daily copies of the history; restoring one merges it back (never deletes). */
function BackupsCard() {
  const { api, refreshDay } = useCompanionState();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; text: string; error: boolean } | null>(null);

  useEffect(() => {
    let alive = true;
    api.listBackups().then(
      (list) => {
        if (alive) setBackups(list);
      },
      (e: unknown) => {
        if (alive) setLoadError(errorMessage(e));
      },
    );
    return () => {
      alive = false;
    };
  }, [api]);

  const restore = async (backup: BackupInfo) => {
    setBusy(backup.name);
    setResult(null);
    try {
      const { imported } = await api.restoreBackup(backup.name);
      setResult({
        name: backup.name,
        text:
          imported === 0
            ? 'Nothing was missing: 0 records added back.'
            : `${imported} ${imported === 1 ? 'record' : 'records'} added back.`,
        error: false,
      });
      refreshDay();
    } catch (e) {
      setResult({ name: backup.name, text: `Not restored: ${errorMessage(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="backups-heading">
      <h2 id="backups-heading" className="card-title">
        Backups
      </h2>
      <p className="card-subtitle">
        Movesnack keeps a copy of your history each day (the last seven). Restoring one adds back anything missing from
        it; nothing you have now is changed or deleted.
      </p>
      {loadError ? (
        <p className="field-error" role="alert">
          The backups could not be listed: {loadError}
        </p>
      ) : backups === null ? (
        <p className="empty" role="status">
          Looking for backups…
        </p>
      ) : backups.length === 0 ? (
        <p className="empty">No backups yet. The first one is made today.</p>
      ) : (
        <ul className="backup-list">
          {backups.map((b) => {
            const when = `${formatLongDate(b.createdAt)}, ${formatClock(b.createdAt)}`;
            return (
              <li key={b.name} className="backup">
                <span className="backup-text">
                  <span className="backup-when">{when}</span>
                  <span className="backup-size">{formatBytes(b.bytes)}</span>
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy !== null}
                  aria-label={`Restore the backup from ${when}`}
                  onClick={() => void restore(b)}
                >
                  <Icon name="restore" />
                  {busy === b.name ? 'Restoring…' : 'Restore'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p
        className={result?.error ? 'live-note backup-result backup-result-error' : 'live-note backup-result'}
        role="status"
      >
        {result?.text}
      </p>
    </section>
  );
}

function NumberSetting(props: {
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

function WorkingHoursSection({
  value,
  errors,
  commit,
}: {
  value: WorkingHours | null;
  errors: Errors;
  commit: (key: 'workingHours', value: unknown, fieldFor?: (path: PropertyKey[]) => FieldKey) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<WorkingHours>(value ?? DEFAULT_HOURS);
  const [mode, setMode] = useState<'always' | 'hours'>(value ? 'hours' : 'always');
  const [seen, setSeen] = useState(value);
  if (!same(value, seen)) {
    setSeen(value);
    if (value) setDraft(value);
    setMode(value ? 'hours' : 'always');
  }

  const fieldFor = (path: PropertyKey[]): FieldKey =>
    path[0] === 'days' ? 'workingHours.days' : path.length ? 'workingHours.time' : 'workingHours';
  const send = (next: WorkingHours) => {
    setDraft(next);
    void commit('workingHours', next, fieldFor);
  };
  const toggleDay = (day: number) => {
    const days = draft.days.includes(day)
      ? draft.days.filter((d) => d !== day)
      : [...draft.days, day].sort((a, b) => a - b);
    send({ ...draft, days });
  };
  const still = value ? `Still using ${describeWorkingHours(value)}.` : null;
  const daysError = errors['workingHours.days'];
  const timeError = errors['workingHours.time'] ?? errors.workingHours;

  return (
    <section className="card settings-card" aria-labelledby="hours-heading">
      <h2 id="hours-heading" className="card-title">
        Working hours
      </h2>
      <fieldset className="setting setting-fieldset">
        <legend className="setting-label">When should Movesnack remind you?</legend>
        <div className="choice-list">
          <label className="choice">
            <input
              type="radio"
              name="hours-mode"
              value="always"
              checked={mode === 'always'}
              onChange={() => {
                setMode('always');
                void commit('workingHours', null, fieldFor);
              }}
            />
            <span>
              <span className="choice-title">Always on</span>
              <span className="choice-help">Whenever you are at the computer.</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="hours-mode"
              value="hours"
              checked={mode === 'hours'}
              onChange={() => {
                setMode('hours');
                send(draft);
              }}
            />
            <span>
              <span className="choice-title">Only during working hours</span>
              <span className="choice-help">No reminders in the evening or on days off.</span>
            </span>
          </label>
        </div>
      </fieldset>

      {mode === 'hours' && (
        <div className="hours-editor">
          <div className={daysError ? 'setting setting-invalid' : 'setting'}>
            <div className="setting-text">
              <p className="setting-label" id="days-label">
                Working days
              </p>
              <p className="setting-help" id="days-help">
                Choose as many as you like.
              </p>
            </div>
            <div className="setting-control">
              <div
                className="chips"
                role="group"
                aria-labelledby="days-label"
                aria-describedby={describedBy('days', true, !!daysError)}
              >
                {WEEK_ORDER.map((day) => (
                  <button
                    key={day}
                    type="button"
                    className="chip"
                    aria-pressed={draft.days.includes(day)}
                    title={DAY_NAMES[day]}
                    onClick={() => toggleDay(day)}
                  >
                    {dayShort(day)}
                  </button>
                ))}
              </div>
              {daysError && (
                <p className="field-error" id="days-error" role="alert">
                  {daysError}
                  {still && <span className="field-error-note"> {still}</span>}
                </p>
              )}
            </div>
          </div>
          <div className={timeError ? 'setting setting-invalid' : 'setting'}>
            <div className="setting-text">
              <p className="setting-label" id="hours-time-label">
                Hours
              </p>
              <p className="setting-help" id="hours-time-help">
                An end earlier than the start runs past midnight.
              </p>
            </div>
            <div className="setting-control">
              <div
                className="time-range"
                role="group"
                aria-labelledby="hours-time-label"
                aria-describedby={describedBy('hours-time', true, !!timeError)}
              >
                <label className="time-field">
                  <span>From</span>
                  <input
                    type="time"
                    value={draft.start}
                    aria-invalid={!!timeError || undefined}
                    onChange={(e) => send({ ...draft, start: e.target.value })}
                  />
                </label>
                <label className="time-field">
                  <span>To</span>
                  <input
                    type="time"
                    value={draft.end}
                    aria-invalid={!!timeError || undefined}
                    onChange={(e) => send({ ...draft, end: e.target.value })}
                  />
                </label>
              </div>
              {timeError && (
                <p className="field-error" id="hours-time-error" role="alert">
                  {timeError}
                  {still && <span className="field-error-note"> {still}</span>}
                </p>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

const THEMES: { value: Theme; label: string; icon: IconName }[] = [
  { value: 'system', label: 'System', icon: 'monitor' },
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
];

function ThemePicker({
  value,
  onChange,
  error,
}: {
  value: Theme;
  onChange: (theme: Theme) => Promise<boolean>;
  error?: string;
}) {
  // Show the choice at once; fall back to the engine's value if it refuses.
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
      <legend className="setting-label">Theme</legend>
      <div className="setting-control">
        <div className="segmented">
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
                {t.label}
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

function VolumeSetting({
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
  const [draft, setDraft] = useState(Math.round(value * 100));
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (value !== seen) {
    setSeen(value);
    setDraft(Math.round(value * 100));
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <SettingRow id="volume" label="Volume" error={error}>
      <span className="range-field">
        <input
          id="volume"
          type="range"
          min={0}
          max={100}
          step={5}
          value={draft}
          disabled={!enabled}
          aria-valuetext={`${draft}%`}
          onChange={(e) => {
            const next = Number(e.target.value);
            setDraft(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => onCommit(next / 100), 250);
          }}
        />
        <output htmlFor="volume" className="range-value">
          {draft}%
        </output>
      </span>
    </SettingRow>
  );
}
