import path from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, salvageSettings, type Settings } from '../../shared/settings';
import { DEFAULT_PROFILE, salvageProfile, type Profile } from '../../shared/profile';
import { readJsonFile, setAside, describeWriteError, fileStats } from './store-files';

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
    const read = readJsonFile(this.file);
    let needsRewrite = false;
    if (read.kind === 'unparsable') {
      const aside = setAside(this.openedReadOnly, this.file, 'corrupt');
      this.warn(`Your settings file could not be read (${read.error}). It was kept as ${aside} and Movesnack started with default settings.`);
    } else if (read.kind === 'ok') {
      needsRewrite = this.adopt(read.value);
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
    if (!this.conf) return false;
    try {
      fileStats.reads++; // conf re-reads the file on each write to keep its internal keys
      this.conf.store = this.snapshot() as unknown as Record<string, unknown>;
      fileStats.writes++;
      return true;
    } catch (error) {
      this.warn(`Settings could not be saved (${describeWriteError(error)}). They apply until Movesnack quits; saving is retried on the next change.`);
      return false;
    }
  }
}
