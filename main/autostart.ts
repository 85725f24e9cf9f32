/**
 * Launch at login on Linux: an XDG autostart entry
 * (https://specifications.freedesktop.org/autostart-spec/latest/). Electron's
 * setLoginItemSettings does nothing on Linux, so the shell writes this file itself.
 * Pure text and path logic here (no Electron, no disk) so it can be unit-tested.
 */
import { join } from 'node:path';

export interface AutostartEntry {
  /** Shown by session managers, e.g. "Movesnack". */
  name: string;
  /** Absolute path of the program to run (the AppImage, or the installed binary). */
  exec: string;
  /** Extra command-line arguments, e.g. ["--hidden"]. */
  args?: readonly string[];
  comment?: string;
  /** An icon name or absolute path. */
  icon?: string;
}

/** Characters that force an Exec argument to be quoted (Desktop Entry spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * Quotes one Exec argument: inside double quotes, `"`, `` ` ``, `$` and `\` take a backslash;
 * a literal `%` is written `%%` (field codes). Newlines cannot be expressed and are refused.
 */
export function quoteExecArg(arg: string): string {
  if (arg === '') return '""';
  if (/[\r\n]/.test(arg)) throw new Error('An autostart command cannot contain a line break');
  const percent = arg.replace(/%/g, '%%');
  if (!RESERVED.test(percent)) return percent;
  return `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
}

/**
 * Escapes a value of type string/localestring: backslash, then the control characters the
 * spec names. (It is applied to the Exec value too, after quoting, which is why a literal
 * backslash in a quoted argument ends up as four backslashes in the file.)
 */
export function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

export function buildExecLine(exec: string, args: readonly string[] = []): string {
  if (!exec.startsWith('/'))
    throw new Error(`The autostart program must be an absolute path, got ${JSON.stringify(exec)}`);
  return [exec, ...args].map(quoteExecArg).join(' ');
}

/** The text of the `.desktop` file, ending with a newline. */
export function buildAutostartDesktopEntry(entry: AutostartEntry): string {
  const lines = [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${escapeValue(entry.name)}`,
    ...(entry.comment ? [`Comment=${escapeValue(entry.comment)}`] : []),
    `Exec=${escapeValue(buildExecLine(entry.exec, entry.args))}`,
    ...(entry.icon ? [`Icon=${escapeValue(entry.icon)}`] : []),
    'Terminal=false',
    'StartupNotify=false',
    'X-GNOME-Autostart-enabled=true',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Where the entry lives: `$XDG_CONFIG_HOME/autostart/<id>.desktop`, falling back to
 * `~/.config` when XDG_CONFIG_HOME is unset, empty or not absolute (as the spec says).
 */
export function autostartFilePath(
  env: { XDG_CONFIG_HOME?: string | undefined },
  homeDir: string,
  id = 'movesnack',
): string {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new Error(`Invalid autostart id ${JSON.stringify(id)}`);
  const configured = env.XDG_CONFIG_HOME;
  const configHome = configured && configured.startsWith('/') ? configured : join(homeDir, '.config');
  return join(configHome, 'autostart', `${id}.desktop`);
}

/**
 * What to run at login: inside an AppImage the mounted binary changes on every launch, so
 * the AppImage file itself (env APPIMAGE) is the program; in development Electron needs the
 * app folder as its first argument.
 */
export function autostartCommand(options: {
  execPath: string;
  appImage?: string | undefined;
  isPackaged: boolean;
  appPath: string;
  extraArgs?: readonly string[];
}): { exec: string; args: string[] } {
  const extra = [...(options.extraArgs ?? [])];
  if (options.appImage) return { exec: options.appImage, args: extra };
  if (!options.isPackaged) return { exec: options.execPath, args: [options.appPath, ...extra] };
  return { exec: options.execPath, args: extra };
}
