import { notice, tell, type Warn } from '../../shared/engine-messages';
import path from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, salvageSettings, type Settings } from '../../shared/settings';
import { DEFAULT_PROFILE, salvageProfile, type Profile } from '../../shared/profile';
import { readJsonFile, setAside, describeWriteError, fileStats, replaceLinkNotice, takeNotices, writeJsonTextAtomic, needRetry, retryDone } from './store-files';

export const SETTINGS_SCHEMA_VERSION = 1;

interface SettingsFile {
  schemaVersion: number;
  settings: Settings;
  profile: Profile;
}

/**
 * Migrations from each older schema version to the next. Version 0 is a file written before
 * versions existed: plain settings at the top level.
 */
export const settingsMigrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => {
    const { profile, schemaVersion: _ignored, ...settings } = old;
    return { schemaVersion: 1, settings, profile: profile ?? {} };
  },
};

export function migrateSettingsFile(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw;
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : 0;
  while (version < SETTINGS_SCHEMA_VERSION) {
    const step = settingsMigrations[version];
    if (!step) throw new Error(`no migration from settings version ${version}`);
    current = step(current);
    version = current.schemaVersion as number;
  }
  return current;
}

/**
 * Settings and profile in one conf file (`settings.json`). Read once at start;
 * afterwards the engine keeps them in memory and writes through.
 */
export class SettingsStore {
  readonly file: string;
  settings: Settings = { ...DEFAULT_SETTINGS };
  profile: Profile = { ...DEFAULT_PROFILE };
  private conf: Conf<Record<string, unknown>> | null = null;
  /** Set when the file came from a newer app version: we read what we understand and never overwrite it. */
  private readOnly = false;

  constructor(
    private readonly dataDir: string,
    private readonly warn: Warn,
    private readonly openedReadOnly = false,
  ) {
    this.readOnly = openedReadOnly;
    this.file = path.join(dataDir, 'settings.json');
  }

  load(): void {
    for (const early of takeNotices(this.dataDir)) tell(this.warn, early);
    if (!this.openedReadOnly) {
      // conf follows a link and would rewrite the file it points at, outside the data folder.
      const link = replaceLinkNotice(this.file, 'file', this.dataDir);
      if (link) tell(this.warn, link);
    }
    const read = readJsonFile(this.file, 1024 * 1024);
    let needsRewrite = false;
    if (read.kind === 'unparsable') {
      const aside = setAside(this.openedReadOnly, this.file, 'corrupt');
      tell(this.warn, notice('settings.unreadable', { error: read.error, aside }));
      if (aside.includes('left in place') && !this.openedReadOnly) this.readOnly = true;
    } else if (read.kind === 'unreadable') {
      const aside = read.directory || /too large/.test(read.error) ? setAside(this.openedReadOnly, this.file, 'invalid') : 'settings.json (left in place)';
      tell(this.warn, notice('settings.unreadable', { error: read.error, aside }));
      // Never write over a file we could not read.
      if (aside.includes('left in place') && !this.openedReadOnly) this.readOnly = true;
    } else if (read.kind === 'ok') {
      needsRewrite = this.adopt(read.value);
      if ((read.bom || read.trailing) && !this.readOnly && !this.openedReadOnly) {
        if (read.trailing) {
          const aside = setAside(false, this.file, 'corrupt', { copy: true });
          tell(this.warn, notice('settings.stray-bytes', { aside }));
        }
        // conf cannot read a byte-order mark or stray bytes: give it the clean text.
        try {
          writeJsonTextAtomic(this.file, read.text);
        } catch {
          // persist() below reports a disk that refuses
        }
        needsRewrite = true;
      }
    }
    this.conf = this.openConf();
    if (needsRewrite || read.kind !== 'ok') this.persist();
  }

  private adopt(value: unknown): boolean {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      const aside = setAside(this.openedReadOnly, this.file, 'invalid');
      tell(this.warn, notice('settings.not-settings', { aside }));
      return true;
    }
    let raw = value as Record<string, unknown>;
    const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
    if (version > SETTINGS_SCHEMA_VERSION && !this.openedReadOnly) {
      this.readOnly = true;
      tell(this.warn, notice('settings.newer'));
    } else if (version < SETTINGS_SCHEMA_VERSION) {
      raw = migrateSettingsFile(raw);
    }
    const settings = salvageSettings(raw.settings);
    const profile = salvageProfile(raw.profile);
    this.settings = settings.settings;
    this.profile = profile.profile;
    const rejected = [...settings.rejected, ...profile.rejected.map((k) => `profile.${k}`)];
    if (this.readOnly) return false;
    if (rejected.length) {
      const aside = setAside(this.openedReadOnly, this.file, 'invalid', { copy: true });
      tell(this.warn, notice('settings.reset-some', { fields: rejected.join(', '), aside }));
      return true;
    }
    return version < SETTINGS_SCHEMA_VERSION;
  }

  private openConf(): Conf<Record<string, unknown>> | null {
    if (this.readOnly) return null;
    try {
      fileStats.reads++; // conf reads the file once when it opens
      return new Conf<Record<string, unknown>>({
        cwd: this.dataDir,
        configName: 'settings',
        clearInvalidConfig: false,
        watch: false,
        accessPropertiesByDotNotation: false,
      });
    } catch (error) {
      tell(this.warn, notice('settings.unsaved', { error: describeWriteError(error) }));
      return null;
    }
  }

  private snapshot(): SettingsFile {
    return {
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      settings: this.settings,
      profile: this.profile,
    };
  }

  /** Writes everything; returns false (and warns) when the disk refused. */
  persist(): boolean {
    if (this.readOnly) return false;
    if (!this.conf) this.conf = this.openConf();
    if (!this.conf) {
      needRetry(this.dataDir, 'settings', () => this.retry());
      return false;
    }
    try {
      fileStats.reads++; // conf re-reads the file on each write to keep its internal keys
      this.conf.store = this.snapshot() as unknown as Record<string, unknown>;
      fileStats.writes++;
      if (this.unsaved) {
        this.unsaved = false;
        retryDone(this.dataDir, 'settings');
      }
      return true;
    } catch (error) {
      if (!this.unsaved) {
        tell(this.warn, notice('settings.unsaved-retrying', { error: describeWriteError(error) }));
      }
      this.unsaved = true;
      // Retried whenever another write in this folder succeeds (the runtime heartbeat, a history record).
      needRetry(this.dataDir, 'settings', () => this.retry());
      return false;
    }
  }

  /** True when settings changed during a write failure are not yet on disk. */
  unsaved = false;

  /** Saves settings left unsaved by a failure; true when they are on disk now. */
  retry(): boolean {
    if (!this.unsaved && this.conf) return true;
    const ok = this.persist();
    if (ok) tell(this.warn, notice('settings.saved-again'));
    return ok;
  }
}
