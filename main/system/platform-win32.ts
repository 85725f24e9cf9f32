import { appMatches, normaliseAppName } from './linux-proc';
import type { PlatformProbes, ProbeContext, Round } from './monitor';
import { windowsDeviceInUse, windowsRunningNames, windowsSnapshot, type WindowsSnapshot } from './win32';

/** Not tested on these Linux machines: the parsing is, the PowerShell and reg.exe runs are not. */
export function win32Probes(ctx: ProbeContext): PlatformProbes {
  const { run, env } = ctx;
  // Starting PowerShell and compiling the helper takes a while: a longer limit, asked once a round.
  const timeoutMs = Math.max(ctx.timeoutMs, 8000);
  const snap = (round: Round) => round.once<WindowsSnapshot>('windows', () => windowsSnapshot(run, env, timeoutMs));
  return {
    idle: [{ id: 'win-last-input', what: 'the last input time (GetLastInputInfo)', timeoutMs, read: async (r) => (await snap(r)).idleMs }],
    lock: [{ id: 'win-logonui', what: 'the screen lock (LogonUI)', timeoutMs, read: async (r) => (await snap(r)).locked }],
    busy: {
      fullscreen: [{ id: 'win-notification-state', what: 'the notification state (fullscreen or presentation)', timeoutMs, read: async (r) => (await snap(r)).fullscreen }],
      dnd: [{ id: 'win-focus-assist', what: 'Focus Assist', timeoutMs, read: async (r) => (await snap(r)).focusAssist }],
      meeting: [{ id: 'win-consent-store', what: 'whether the camera or microphone is in use', read: () => windowsDeviceInUse(run, env, ctx.timeoutMs) }],
      app: [
        {
          id: 'win-tasklist',
          what: 'which apps are running',
          read: async () => {
            const listed = ctx.deferApps().map(normaliseAppName).filter(Boolean);
            if (listed.length === 0) return false;
            return (await windowsRunningNames(run, env, ctx.timeoutMs)).some((name) => appMatches(name, listed));
          },
        },
      ],
    },
    close: () => undefined,
  };
}
