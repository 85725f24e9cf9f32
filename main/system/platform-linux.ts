import { DBusSession, sessionBusAddress, systemBusAddress } from './dbus';
import { freedesktopLocked, gnomeBannersOff, gnomeLocked, LockSignals, LogindLock, MutterIdle, notificationsInhibited, screenSaverIdleMs } from './linux-dbus';
import { cameraInUse, runningAppsLinux } from './linux-proc';
import type { PlatformProbes, Probe, ProbeContext } from './monitor';
import { microphoneInUse } from './pulse';
import { CommandFailed } from './run';
import { Unavailable } from './types';
import { X11Session } from './x11';

export function isWaylandSession(env: NodeJS.ProcessEnv): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

/** GNOME's show-banners through gsettings, only where the settings portal did not answer. */
async function gsettingsBannersOff(ctx: ProbeContext): Promise<boolean> {
  let out: string;
  try {
    out = await ctx.run('gsettings', ['get', 'org.gnome.desktop.notifications', 'show-banners'], { timeoutMs: ctx.timeoutMs, env: ctx.env });
  } catch (error) {
    if (error instanceof CommandFailed) throw new Unavailable('GNOME notification settings are not installed');
    throw error;
  }
  const value = out.trim();
  if (value !== 'true' && value !== 'false') throw new Error('gsettings gave an answer Movesnack could not read');
  return value === 'false';
}

export function linuxProbes(ctx: ProbeContext): PlatformProbes {
  const x = new X11Session(ctx.env.DISPLAY);
  const bus = new DBusSession(sessionBusAddress(ctx.env));
  const system = new DBusSession(systemBusAddress(ctx.env));
  const logind = new LogindLock(system, ctx.onLocked);
  const wayland = isWaylandSession(ctx.env);
  const gnome = /GNOME|Unity|Pantheon|Budgie/i.test(ctx.env.XDG_CURRENT_DESKTOP ?? '');
  const mutter = new MutterIdle(bus, ctx.idleWatchMs, ctx.now, ctx.onActive);
  const lockSignals = new LockSignals(bus, ctx.onLocked);
  const withSignals = async (read: Promise<boolean>) => {
    const locked = await read;
    await lockSignals.ensure(); // never rejects: without signals, polls still answer
    return locked;
  };

  const x11Idle: Probe<number> = {
    id: 'x11-screensaver',
    what: 'the idle time from the X server (MIT-SCREEN-SAVER)',
    // Under Wayland, XWayland only sees input given to X11 windows: that would be a guess.
    read: async () => {
      if (wayland) throw new Unavailable('Wayland session');
      const ms = await x.idleMs();
      x.watchIdle(ctx.idleWatchMs, ctx.now, ctx.onActive);
      return ms;
    },
    live: () => x.liveIdleMs(ctx.now),
  };
  const mutterIdle: Probe<number> = {
    id: 'mutter-idle-monitor',
    what: "the idle time from GNOME's IdleMonitor",
    read: () => mutter.idleMs(),
    live: () => mutter.live(),
  };
  const saverIdle: Probe<number> = {
    id: 'freedesktop-screensaver',
    what: 'the idle time from the desktop screen saver',
    read: () => screenSaverIdleMs(bus, ctx.env),
  };

  return {
    idle: [x11Idle, mutterIdle, saverIdle],
    lock: [
      { id: 'gnome-screensaver-lock', what: "GNOME's screen lock", read: () => withSignals(gnomeLocked(bus)) },
      { id: 'freedesktop-screensaver-lock', what: "the desktop's screen lock", read: () => withSignals(freedesktopLocked(bus)) },
      { id: 'logind-locked-hint', what: "the session's lock from systemd-logind", read: () => logind.locked() },
    ],
    busy: {
      fullscreen: [
        {
          id: 'x11-ewmh-fullscreen',
          what: 'whether the focused window is fullscreen (X11)',
          read: async () => {
            const full = await x.activeWindowFullscreen();
            // Under Wayland only X11 windows are visible here: a "no" could be a guess.
            return wayland && full === false ? null : full;
          },
        },
      ],
      dnd: [
        {
          id: 'gnome-show-banners',
          what: "GNOME's Do Not Disturb setting",
          read: async () => {
            try {
              return await gnomeBannersOff(bus);
            } catch (error) {
              if (!gnome) throw error;
              return gsettingsBannersOff(ctx);
            }
          },
        },
        { id: 'notifications-inhibited', what: 'whether notifications are silenced', read: () => notificationsInhibited(bus) },
      ],
      meeting: [
        { id: 'camera-proc', what: 'whether the camera is in use', read: () => cameraInUse(ctx.procRoot) },
        { id: 'microphone-pulse', what: 'whether the microphone is in use', read: () => microphoneInUse(ctx.run, ctx.env, ctx.timeoutMs) },
      ],
      app: [
        {
          id: 'apps-proc',
          what: 'which apps are running',
          read: async () => {
            const listed = ctx.deferApps();
            if (listed.length === 0) return false;
            return (await runningAppsLinux(ctx.procRoot, listed)).length > 0;
          },
        },
      ],
    },
    close: () => {
      x.close();
      bus.close();
      system.close();
    },
  };
}
