import type { CommandRunner } from './types';

/**
 * One PowerShell run answers the Windows idle, lock, fullscreen and Focus Assist questions
 * together (starting PowerShell is the slow part). Not run on these Linux machines: only the
 * parsing below is tested here.
 */
export const WINDOWS_SCRIPT = `$ErrorActionPreference='Stop'
Add-Type -TypeDefinition @'
using System; using System.Runtime.InteropServices;
public static class MovesnackProbe {
  [StructLayout(LayoutKind.Sequential)] struct LASTINPUTINFO { public uint cbSize; public uint dwTime; }
  [DllImport("user32.dll")] static extern bool GetLastInputInfo(ref LASTINPUTINFO plii);
  [DllImport("shell32.dll")] static extern int SHQueryUserNotificationState(out int state);
  [DllImport("ntdll.dll")] static extern int NtQueryWnfStateData(ref ulong name, IntPtr type, IntPtr scope, out uint stamp, byte[] buffer, ref uint size);
  public static long IdleMs() { var i = new LASTINPUTINFO(); i.cbSize = (uint)Marshal.SizeOf(i); if (!GetLastInputInfo(ref i)) return -1; return (long)unchecked((uint)Environment.TickCount - i.dwTime); }
  public static int Quns() { int s; return SHQueryUserNotificationState(out s) == 0 ? s : -1; }
  public static int FocusAssist() { ulong name = 0x0D83063EA3BF1C75UL; uint stamp; var buf = new byte[4]; uint size = 4; return NtQueryWnfStateData(ref name, IntPtr.Zero, IntPtr.Zero, out stamp, buf, ref size) == 0 ? BitConverter.ToInt32(buf, 0) : -1; }
}
'@
$locked = [int][bool](Get-Process -Name LogonUI -ErrorAction SilentlyContinue)
'{0} {1} {2} {3}' -f [MovesnackProbe]::IdleMs(), [MovesnackProbe]::Quns(), [MovesnackProbe]::FocusAssist(), $locked`;

export interface WindowsSnapshot {
  idleMs: number | null;
  /** SHQueryUserNotificationState says a fullscreen app, a game or a presentation is on. */
  fullscreen: boolean | null;
  /** Focus Assist: priority only or alarms only. */
  focusAssist: boolean | null;
  locked: boolean | null;
}

/** "idleMs quns focusAssist locked"; -1 is "can't tell" for that part. */
export function parseWindowsSnapshot(text: string): WindowsSnapshot {
  const parts = text.trim().split(/\s+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw new Error('PowerShell gave output Movesnack could not read');
  const [idle = -1, quns = -1, focus = -1, locked = 0] = parts;
  return {
    idleMs: idle >= 0 ? idle : null,
    // 2 busy (fullscreen), 3 Direct3D fullscreen, 4 presentation mode, 7 fullscreen Store app.
    fullscreen: quns > 0 ? [2, 3, 4, 7].includes(quns) : null,
    focusAssist: focus >= 0 ? focus > 0 : null,
    locked: locked === 1,
  };
}

export async function windowsSnapshot(run: CommandRunner, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<WindowsSnapshot> {
  const out = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', WINDOWS_SCRIPT], { timeoutMs, env });
  return parseWindowsSnapshot(out);
}

/**
 * `reg query …\\CapabilityAccessManager\\ConsentStore\\webcam /s` (or microphone): an app is using
 * the device while its LastUsedTimeStart is set and its LastUsedTimeStop is still 0.
 */
export function parseConsentStoreInUse(text: string): boolean {
  const blocks = text.split(/\r?\n(?=HKEY_)/);
  return blocks.some((block) => {
    const start = /LastUsedTimeStart\s+REG_QWORD\s+0x([0-9a-f]+)/i.exec(block)?.[1];
    const stop = /LastUsedTimeStop\s+REG_QWORD\s+0x([0-9a-f]+)/i.exec(block)?.[1];
    return start !== undefined && stop !== undefined && BigInt(`0x${start}`) > 0n && BigInt(`0x${stop}`) === 0n;
  });
}

const CONSENT = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore';

export async function windowsDeviceInUse(run: CommandRunner, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  const [webcam, microphone] = await Promise.all(
    ['webcam', 'microphone'].map((device) => run('reg.exe', ['query', `${CONSENT}\\${device}`, '/s'], { timeoutMs, env })),
  );
  return parseConsentStoreInUse(webcam ?? '') || parseConsentStoreInUse(microphone ?? '');
}

/** `tasklist /fo csv /nh`: the image name is the first quoted field. */
export function parseTasklist(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => /^"([^"]+)"/.exec(line)?.[1])
    .filter((name): name is string => Boolean(name));
}

export async function windowsRunningNames(run: CommandRunner, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string[]> {
  return parseTasklist(await run('tasklist.exe', ['/fo', 'csv', '/nh'], { timeoutMs, env }));
}
