import { describe, expect, it } from 'vitest';
import {
  autostartCommand,
  autostartFilePath,
  buildAutostartDesktopEntry,
  buildExecLine,
  escapeValue,
  quoteExecArg,
} from '../../main/autostart';

/** Reads a .desktop file back into its keys (the group header and blank lines skipped). */
function parseEntry(text: string): Record<string, string> {
  const lines = text.split('\n');
  expect(lines[0]).toBe('[Desktop Entry]');
  return Object.fromEntries(
    lines
      .slice(1)
      .filter((line) => line.length > 0)
      .map((line) => {
        const eq = line.indexOf('=');
        return [line.slice(0, eq), line.slice(eq + 1)];
      }),
  );
}

describe('XDG autostart entry', () => {
  it('writes a launchable entry for a plain path', () => {
    const text = buildAutostartDesktopEntry({
      name: 'Movesnack',
      comment: 'Movement breaks for your back',
      exec: '/opt/Movesnack/movesnack',
      args: ['--hidden'],
      icon: 'movesnack',
    });
    expect(text.endsWith('\n')).toBe(true);
    const keys = parseEntry(text);
    expect(keys).toEqual({
      Type: 'Application',
      Version: '1.0',
      Name: 'Movesnack',
      Comment: 'Movement breaks for your back',
      Exec: '/opt/Movesnack/movesnack --hidden',
      Icon: 'movesnack',
      Terminal: 'false',
      StartupNotify: 'false',
      'X-GNOME-Autostart-enabled': 'true',
    });
  });

  it('omits optional keys that were not given', () => {
    const keys = parseEntry(buildAutostartDesktopEntry({ name: 'Movesnack', exec: '/usr/bin/movesnack' }));
    expect(keys).not.toHaveProperty('Comment');
    expect(keys).not.toHaveProperty('Icon');
    expect(keys.Exec).toBe('/usr/bin/movesnack');
  });

  it('quotes a path with spaces and escapes the characters the spec reserves', () => {
    expect(quoteExecArg('/home/ann/My Apps/Movesnack.AppImage')).toBe('"/home/ann/My Apps/Movesnack.AppImage"');
    expect(quoteExecArg('a"b')).toBe('"a\\"b"');
    expect(quoteExecArg('$HOME')).toBe('"\\$HOME"');
    expect(quoteExecArg('back`tick')).toBe('"back\\`tick"');
    expect(quoteExecArg('')).toBe('""');
    expect(quoteExecArg('--hidden')).toBe('--hidden');
  });

  it('doubles a literal percent sign so it is not read as a field code', () => {
    expect(quoteExecArg('/opt/100%/app')).toBe('/opt/100%%/app');
    expect(buildExecLine('/opt/a b/100%', ['--x'])).toBe('"/opt/a b/100%%" --x');
  });

  it('writes a backslash in a quoted argument as four backslashes in the file', () => {
    const keys = parseEntry(buildAutostartDesktopEntry({ name: 'M', exec: '/opt/we\\ird dir/app' }));
    expect(keys.Exec).toBe('"/opt/we\\\\\\\\ird dir/app"');
  });

  it('escapes line breaks in string values so they cannot add keys', () => {
    expect(escapeValue('a\nExec=/bin/evil')).toBe('a\\nExec=/bin/evil');
    const keys = parseEntry(buildAutostartDesktopEntry({ name: 'Move\nExec=/bin/evil', exec: '/usr/bin/movesnack' }));
    expect(keys.Exec).toBe('/usr/bin/movesnack');
  });

  it('refuses a relative program or a line break in an argument', () => {
    expect(() => buildExecLine('movesnack')).toThrow(/absolute path/);
    expect(() => buildExecLine('/usr/bin/movesnack', ['a\nb'])).toThrow(/line break/);
  });
});

describe('autostart file location', () => {
  it('uses XDG_CONFIG_HOME when it is an absolute path', () => {
    expect(autostartFilePath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/autostart/movesnack.desktop');
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset, empty or relative', () => {
    for (const env of [{}, { XDG_CONFIG_HOME: '' }, { XDG_CONFIG_HOME: 'relative/dir' }]) {
      expect(autostartFilePath(env, '/home/ann')).toBe('/home/ann/.config/autostart/movesnack.desktop');
    }
  });

  it('refuses an id that could leave the folder', () => {
    expect(() => autostartFilePath({}, '/home/ann', '../evil')).toThrow(/Invalid autostart id/);
  });
});

describe('what runs at login', () => {
  it('runs the AppImage file itself, not its temporary mount', () => {
    expect(
      autostartCommand({
        execPath: '/tmp/.mount_MovesXYZ/movesnack',
        appImage: '/home/ann/Apps/Movesnack-0.1.0.AppImage',
        isPackaged: true,
        appPath: '/tmp/.mount_MovesXYZ/resources/app.asar',
        extraArgs: ['--hidden'],
      }),
    ).toEqual({ exec: '/home/ann/Apps/Movesnack-0.1.0.AppImage', args: ['--hidden'] });
  });

  it('runs the installed binary when packaged (deb)', () => {
    expect(
      autostartCommand({
        execPath: '/opt/Movesnack/movesnack',
        isPackaged: true,
        appPath: '/opt/x',
        extraArgs: ['--hidden'],
      }),
    ).toEqual({ exec: '/opt/Movesnack/movesnack', args: ['--hidden'] });
  });

  it('passes the app folder to Electron in development', () => {
    expect(
      autostartCommand({ execPath: '/repo/node_modules/electron/dist/electron', isPackaged: false, appPath: '/repo' }),
    ).toEqual({ exec: '/repo/node_modules/electron/dist/electron', args: ['/repo'] });
  });
});
