import path from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, salvageSettings, type Settings } from '../../shared/settings';
import { DEFAULT_PROFILE, salvageProfile, type Profile } from '../../shared/profile';
import { readJsonFile, setAside, describeWriteError, fileStats, replaceLink, takeNotices, writeJsonTextAtomic, needRetry, retryDone } from './store-files';

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
    private readonly warn: (message: string) => void,
    private readonly openedReadOnly = false,
  ) {
    this.readOnly = openedReadOnly;
    this.file = path.join(dataDir, 'settings.json');
  }

  load(): void {
    for (const notice of takeNotices(this.dataDir)) this.warn(notice);
    if (!this.openedReadOnly) {
      // conf follows a link and would rewrite the file it points at, outside the data folder.
      const link = replaceLink(this.file, 'file', this.dataDir);
      if (link) this.warn(link);
    }
    const read = readJsonFile(this.file, 1024 * 1024);
    let needsRewrite = false;
    if (read.kind === 'unparsable') {
      const aside = setAside(this.openedReadOnly, this.file, 'corrupt');
      this.warn(`Your settings file could not be read (${read.error}). It was kept as ${aside} and Movesnack started with default settings.`);
      if (aside.includes('left in place') && !this.openedReadOnly) this.readOnly = true;
    } else if (read.kind === 'unreadable') {
      const aside = read.directory || /too large/.test(read.error) ? setAside(this.openedReadOnly, this.file, 'invalid') : 'settings.json (left in place)';
      this.warn(`Your settings file could not be read (${read.error}). It was kept as ${aside} and Movesnack started with default settings.`);
      // Never write over a file we could not read.
      if (aside.includes('left in place') && !this.openedReadOnly) this.readOnly = true;
    } else if (read.kind === 'ok') {
      needsRewrite = this.adopt(read.value);
      if ((read.bom || read.trailing) && !this.readOnly && !this.openedReadOnly) {
        if (read.trailing) {
          const aside = setAside(false, this.file, 'corrupt', { copy: true });
          this.warn(`Your settings file had stray bytes after the settings. They were read in full; the original file was kept as ${aside}.`);
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
      this.warn(`Your settings file did not hold settings. It was kept as ${aside} and Movesnack started with default settings.`);
      return true;
    }
    let raw = value as Record<string, unknown>;
    const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
    if (version > SETTINGS_SCHEMA_VERSION && !this.openedReadOnly) {
      this.readOnly = true;
      this.warn(
        'Your settings were saved by a newer version of Movesnack. This version reads what it understands and will not change that file; update Movesnack to edit settings again.',
      );
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
      this.warn(
        `Some saved settings were not valid (${rejected.join(', ')}) and were reset to their defaults. The original file was kept as ${aside}.`,
      );
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
      this.warn(`Settings cannot be saved right now (${describeWriteError(error)}). Changes apply until Movesnack quits.`);
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
        this.warn(
          `Settings could not be saved (${describeWriteError(error)}). They apply now, and Movesnack saves them as soon as writing works again.`,
        );
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
    if (ok) this.warn('Saving works again: your settings are on disk.');
    return ok;
  }
}
