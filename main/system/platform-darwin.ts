import { macFocusOn, macIdleMs, macLocked, macRunningNames } from './darwin';
import { appMatches, normaliseAppName } from './linux-proc';
import type { PlatformProbes, ProbeContext } from './monitor';
import { Unavailable } from './types';

/** macOS offers no public way to see another app's fullscreen window or the camera's user. */
const notDetectable = (what: string) => ({
  id: `mac-${what}`,
  what: `whether ${what} is on (macOS does not tell other apps)`,
  read: () => Promise.reject(new Unavailable(`macOS does not tell other apps about ${what}`)),
});

export function darwinProbes(ctx: ProbeContext): PlatformProbes {
  const { run, env, timeoutMs } = ctx;
  return {
    idle: [{ id: 'mac-ioreg', what: 'the idle time from IOHIDSystem', read: () => macIdleMs(run, env, timeoutMs) }],
    lock: [{ id: 'mac-ioreg-lock', what: 'the screen lock from the console session', read: () => macLocked(run, env, timeoutMs) }],
    busy: {
      fullscreen: [notDetectable('fullscreen')],
      dnd: [{ id: 'mac-focus', what: 'the Focus setting', read: () => macFocusOn(ctx.home) }],
      meeting: [notDetectable('camera')],
      app: [
        {
          id: 'mac-ps',
          what: 'which apps are running',
          read: async () => {
            const listed = ctx.deferApps().map(normaliseAppName).filter(Boolean);
            if (listed.length === 0) return false;
            return (await macRunningNames(run, env, timeoutMs)).some((name) => appMatches(name, listed));
          },
        },
      ],
    },
    close: () => undefined,
  };
}
