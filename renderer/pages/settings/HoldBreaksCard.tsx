import { useRef, useState, type FormEvent } from 'react';
import type { BusyReason, Settings } from '../../../shared/settings';
import { describedBy, NumberInput, SettingRow, Switch } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import './hold-breaks.css';

/**
 * "Hold breaks while you're busy" (DESIGN.md "Presence"): one switch per reason, the longest
 * hold, and the list of apps that count as busy. Every change goes through SettingsView's
 * commit (shared schema first, then one settings/update); refusals come back in `errors`.
 */
export interface HoldBreaksCardProps {
  settings: Settings;
  errors: Partial<Record<string, string>>;
  commit: (key: keyof Settings, value: unknown) => Promise<boolean>;
}

const REASONS: BusyReason[] = ['meeting', 'fullscreen', 'dnd', 'app'];

/** How a name is compared: the probes ignore case, folders and .exe/.app. */
const appKey = (name: string) => (name.trim().split(/[\\/]/).pop() ?? '').replace(/\.(exe|app)$/i, '').toLowerCase();

export function HoldBreaksCard({ settings, errors, commit }: HoldBreaksCardProps) {
  const { t } = useT();
  const never = settings.maxDeferMin === 0;
  return (
    <section className="card settings-card hold-card" aria-labelledby="hold-heading">
      <h2 id="hold-heading" className="card-title">
        {t('settings:hold.heading')}
      </h2>
      <p className="card-subtitle" id="hold-intro">
        {t('settings:hold.intro')}
      </p>
      {never && (
        <p className="hold-off-note" role="note">
          <Icon name="alert" />
          {t('settings:hold.never')}
        </p>
      )}
      {REASONS.map((reason) => {
        const id = `hold-${reason}`;
        const label = t(`settings:hold.reasons.${reason}.label`);
        const help = t(`settings:hold.reasons.${reason}.help`);
        return (
          <SettingRow key={reason} id={id} label={label} help={help}>
            <Switch
              id={id}
              checked={settings.deferFor[reason]}
              hasHelp
              onChange={(on) => void commit('deferFor', { ...settings.deferFor, [reason]: on })}
            />
          </SettingRow>
        );
      })}
      {errors.deferFor && (
        <p className="field-error hold-reasons-error" role="alert">
          {errors.deferFor}
        </p>
      )}
      <SettingRow
        id="hold-longest"
        label={t('settings:hold.longest.label')}
        help={t('settings:hold.longest.help')}
        error={errors.maxDeferMin}
        note={errors.maxDeferMin ? t('settings:stillUsing', { value: `${settings.maxDeferMin} ${t('settings:units.min')}` }) : null}
      >
        <NumberInput
          id="hold-longest"
          value={settings.maxDeferMin}
          min={0}
          max={240}
          unit={t('settings:units.min')}
          invalid={!!errors.maxDeferMin}
          hasHelp
          onCommit={(v) => void commit('maxDeferMin', v)}
        />
      </SettingRow>
      <AppList apps={settings.deferApps} enabled={settings.deferFor.app} error={errors.deferApps} commit={commit} />
    </section>
  );
}

function AppList({
  apps,
  enabled,
  error,
  commit,
}: {
  apps: readonly string[];
  enabled: boolean;
  error?: string;
  commit: HoldBreaksCardProps['commit'];
}) {
  const { t } = useT();
  const [draft, setDraft] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const shownError = localError ?? error ?? null;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (name && apps.some((a) => appKey(a) === appKey(name))) {
      setLocalError(t('settings:hold.apps.already', { name }));
      return;
    }
    setLocalError(null);
    // The shared schema (and then the engine) decides; an empty or too long name is refused there.
    if (await commit('deferApps', [...apps, draft])) {
      setDraft('');
      setAnnounce(t('settings:hold.apps.added', { name }));
    }
    inputRef.current?.focus();
  };

  const remove = async (index: number) => {
    const name = apps[index]!;
    setLocalError(null);
    if (
      !(await commit(
        'deferApps',
        apps.filter((_, i) => i !== index),
      ))
    )
      return;
    setAnnounce(t('settings:hold.apps.removed', { name }));
    // The pressed button is gone: focus the one that took its place, the one before, or the field.
    requestAnimationFrame(() => {
      const live = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
      (live[index] ?? live[index - 1] ?? inputRef.current)?.focus();
    });
  };

  return (
    <div className={shownError ? 'setting hold-apps setting-invalid' : 'setting hold-apps'}>
      <div className="setting-text">
        <h3 className="setting-label" id="hold-apps-label">
          {t('settings:hold.apps.label')}
        </h3>
        <p className="setting-help" id="hold-apps-help">
          {t('settings:hold.apps.helpBefore')}
          <code>zoom</code>, <code>obs</code>
          {t('settings:hold.apps.helpOr')}
          <code>teams</code>
          {t('settings:hold.apps.helpCapitals')}
          <code>.exe</code>
          {t('settings:hold.apps.helpAfter')}
          {!enabled && t('settings:hold.apps.unused')}
        </p>
      </div>
      <div className="setting-control">
        {apps.length > 0 ? (
          <ul className="hold-app-list" aria-labelledby="hold-apps-label" ref={listRef}>
            {apps.map((app, i) => (
              <li key={`${app}-${i}`} className="hold-app">
                <span className="hold-app-name" translate="no">
                  {app}
                </span>
                <button
                  type="button"
                  className="icon-button hold-app-remove"
                  aria-label={t('settings:hold.apps.remove', { name: app })}
                  title={t('settings:hold.apps.remove', { name: app })}
                  onClick={() => void remove(i)}
                >
                  <Icon name="close" />
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hold-app-empty">{t('settings:hold.apps.empty')}</p>
        )}
        <form className="hold-app-add" onSubmit={(e) => void add(e)} noValidate>
          <label htmlFor="hold-app-name" className="hold-app-add-label">
            {t('settings:hold.apps.addLabel')}
          </label>
          <span className="hold-app-add-row">
            <input
              id="hold-app-name"
              ref={inputRef}
              type="text"
              className="text-input"
              value={draft}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={shownError ? true : undefined}
              aria-describedby={describedBy('hold-apps', true, !!shownError)}
              onChange={(e) => {
                setDraft(e.target.value);
                if (localError) setLocalError(null);
              }}
            />
            <Button type="submit" variant="secondary">
              {t('settings:hold.apps.add')}
            </Button>
          </span>
        </form>
        {shownError && (
          <p className="field-error" id="hold-apps-error" role="alert">
            {shownError}
          </p>
        )}
        <p className="live-note" role="status">
          {announce}
        </p>
      </div>
    </div>
  );
}
