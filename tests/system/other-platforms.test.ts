// macOS and Windows cannot run here. These tests feed the probes the text that ioreg, ps,
// PowerShell, reg.exe and tasklist print there (captured formats, written out by hand), through
// the injectable command runner, to check the parsing and the wiring. They do not show that the
// commands behave so on a real Mac or PC: that is untested.
import { describe, expect, it } from 'vitest';
import { createSystemMonitor } from '../../main/system';
import { parseConsentStoreInUse, parseTasklist, parseWindowsSnapshot, WINDOWS_SCRIPT } from '../../main/system/win32';
import { parseFocusAssertions, parseHidIdleMs, parseScreenLocked } from '../../main/system/darwin';
import type { CommandRunner } from '../../main/system/types';

const IOREG_HID = `+-o IOHIDSystem  <class IOHIDSystem, id 0x100000465, registered, matched, active, busy 0 (0 ms), retain 27>
    {
      "IOClass" = "IOHIDSystem"
      "HIDIdleTime" = 83520116458
      "IOProviderClass" = "IOResources"
    }
`;
const IOREG_ROOT_LOCKED = `+-o Root  <class IORegistryEntry, id 0x100000100, retain 28>
    {
      "IOConsoleUsers" = ({"kCGSSessionOnConsoleKey"=Yes,"kCGSSessionUserNameKey"="ana","CGSSessionScreenIsLocked"=Yes,"kCGSessionLoginDoneKey"=Yes})
    }
`;
const IOREG_ROOT_OPEN = IOREG_ROOT_LOCKED.replace('"CGSSessionScreenIsLocked"=Yes,', '');

const CONSENT_IN_USE = `
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam\\NonPackaged\\C:#Program Files#Zoom#bin#Zoom.exe
    LastUsedTimeStart    REG_QWORD    0x1db2c0e2a3f4b10
    LastUsedTimeStop    REG_QWORD    0x0

HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam\\NonPackaged\\C:#Windows#Camera.exe
    LastUsedTimeStart    REG_QWORD    0x1db2b0e2a3f4b10
    LastUsedTimeStop    REG_QWORD    0x1db2b0e3a3f4b10
`;
const CONSENT_IDLE = CONSENT_IN_USE.replace('LastUsedTimeStop    REG_QWORD    0x0\n', 'LastUsedTimeStop    REG_QWORD    0x1db2c0e3a3f4b10\n');

describe('macOS parsing (untestable here beyond the text)', () => {
  it('HIDIdleTime is nanoseconds', () => {
    expect(parseHidIdleMs(IOREG_HID)).toBe(83_520);
    expect(() => parseHidIdleMs('+-o Root')).toThrow(/HIDIdleTime/);
  });
  it('the console session says whether the screen is locked', () => {
    expect(parseScreenLocked(IOREG_ROOT_LOCKED)).toBe(true);
    expect(parseScreenLocked(IOREG_ROOT_OPEN)).toBe(false);
    expect(() => parseScreenLocked('{}')).toThrow();
  });
  it('a Focus assertion is Do Not Disturb', () => {
    expect(parseFocusAssertions('{"data":[{"storeAssertionRecords":[{"assertionDetails":{}}]}]}')).toBe(true);
    expect(parseFocusAssertions('{"data":[{}]}')).toBe(false);
  });
  it("fullscreen and meetings are can't tell on macOS; apps come from ps", async () => {
    const run: CommandRunner = async (file, args) => {
      if (file === 'ioreg' && args.includes('IOHIDSystem')) return IOREG_HID;
      if (file === 'ioreg') return IOREG_ROOT_OPEN;
      if (file === 'ps') return 'launchd\nzoom.us\nFinder\n';
      throw new Error(`unexpected ${file}`);
    };
    const m = createSystemMonitor({ platform: 'darwin', env: {}, home: '/nonexistent-home', run, deferApps: ['zoom.us'] });
    const s = await m.refresh();
    expect(s).toEqual({ idleSeconds: 83, locked: false, busy: ['app'], cantTell: ['fullscreen', 'dnd', 'meeting'] });
    expect(m.sources()).toEqual({ idle: 'mac-ioreg', lock: 'mac-ioreg-lock' });
  });
});

describe('Windows parsing (untestable here beyond the text)', () => {
  it('one PowerShell line: idle ms, notification state, Focus Assist, lock', () => {
    expect(parseWindowsSnapshot('1500 5 0 0\r\n')).toEqual({ idleMs: 1500, fullscreen: false, focusAssist: false, locked: false });
    expect(parseWindowsSnapshot('90000 2 1 0')).toEqual({ idleMs: 90000, fullscreen: true, focusAssist: true, locked: false });
    expect(parseWindowsSnapshot('-1 -1 -1 1')).toEqual({ idleMs: null, fullscreen: null, focusAssist: null, locked: true });
    expect(() => parseWindowsSnapshot('Add-Type : error')).toThrow();
    expect(WINDOWS_SCRIPT).toContain('GetLastInputInfo');
    expect(WINDOWS_SCRIPT).toContain('SHQueryUserNotificationState');
  });
  it('the consent store: an app whose last use has not stopped holds the device', () => {
    expect(parseConsentStoreInUse(CONSENT_IN_USE)).toBe(true);
    expect(parseConsentStoreInUse(CONSENT_IDLE)).toBe(false);
    expect(parseConsentStoreInUse('')).toBe(false);
  });
  it('tasklist CSV', () => {
    expect(parseTasklist('"System Idle Process","0","Services","0","8 K"\r\n"Teams.exe","4120","Console","1","210,000 K"\r\n')).toEqual([
      'System Idle Process',
      'Teams.exe',
    ]);
  });
  it('PowerShell runs once a poll for idle, lock, fullscreen and Focus Assist together', async () => {
    const ran: string[] = [];
    const run: CommandRunner = async (file, args) => {
      ran.push(file);
      if (file === 'powershell.exe') return '4000 4 2 0\r\n';
      if (file === 'reg.exe') return args[1]?.endsWith('webcam') ? CONSENT_IN_USE : CONSENT_IDLE;
      if (file === 'tasklist.exe') return '"Teams.exe","4120","Console","1","210,000 K"\r\n';
      throw new Error(`unexpected ${file}`);
    };
    const m = createSystemMonitor({ platform: 'win32', env: {}, run, deferApps: ['teams'] });
    const s = await m.refresh();
    expect(s).toEqual({ idleSeconds: 4, locked: false, busy: ['fullscreen', 'dnd', 'meeting', 'app'], cantTell: [] });
    expect(ran.filter((f) => f === 'powershell.exe')).toHaveLength(1);
  });
});
