// Real components for the main/system probe tests: an X server, a window manager, a private D-Bus
// session bus and a PulseAudio server, each started in a temp folder and stopped by its own pid.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A bus address that leads nowhere: keeps the host's own buses out of a test. */
export const NO_BUS = 'unix:path=/nonexistent/movesnack-no-bus';

/** Why a component cannot run here, or null when it can: the test is skipped with this reason. */
export function missing(...programs: string[]): string | null {
  const absent = programs.filter((p) => spawnSync('sh', ['-c', `command -v ${p}`]).status !== 0);
  return absent.length ? `not installed: ${absent.join(', ')} (.ci/run installs them)` : null;
}

export async function waitFor<T>(what: string, fn: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface Xvfb {
  display: string;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Xvfb on a free display number (-displayfd), no TCP, no access control file needed. */
export async function startXvfb(): Promise<Xvfb> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const fd3 = child.stdio[3] as NodeJS.ReadableStream;
    fd3.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.slice(-300)}`)));
    setTimeout(() => reject(new Error(`Xvfb did not start: ${errors.slice(-300)}`)), 10_000).unref();
  });
  const display = `:${number}`;
  // Only this X server: no desktop session's buses, so the answers come from X11 alone.
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: display, XAUTHORITY: '/nonexistent', DBUS_SYSTEM_BUS_ADDRESS: NO_BUS };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.XDG_RUNTIME_DIR;
  delete env.WAYLAND_DISPLAY;
  delete env.XDG_SESSION_TYPE;
  return { display, env, stop: () => stop(child) };
}

/** A program started under the test, stopped by its pid. */
export function startProgram(file: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; stop(): Promise<void> } {
  const child = spawn(file, args, { env, stdio: 'ignore' });
  child.on('error', () => undefined);
  return { child, stop: () => stop(child) };
}

export function run(file: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(file, args, { env, encoding: 'utf8', timeout: 5000 });
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export interface SessionBus {
  address: string;
  stop(): Promise<void>;
}

/** A private dbus-daemon listening on a socket path in a temp folder (no abstract socket). */
export async function startSessionBus(): Promise<SessionBus> {
  const dir = mkdtempSync(join(tmpdir(), 'movesnack-bus-'));
  const socket = join(dir, 'bus');
  const config = join(dir, 'session.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const child = spawn('dbus-daemon', ['--config-file', config, '--nofork', '--print-address'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim().split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code})`)));
    setTimeout(() => reject(new Error('dbus-daemon did not start')), 10_000).unref();
  });
  await waitFor('the bus socket', () => existsSync(socket));
  return {
    address,
    stop: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Pulse {
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * PulseAudio as an ordinary user-session server in a temp runtime folder (root needs --system=false
 * spelled out, and a HOME of its own), with a null sink (speakers) and a null source (a microphone).
 */
export async function startPulse(): Promise<Pulse> {
  const dir = mkdtempSync(join(tmpdir(), 'movesnack-pulse-'));
  const runtime = join(dir, 'run');
  const home = join(dir, 'home');
  spawnSync('mkdir', ['-p', '-m', '700', runtime, home]);
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: runtime, HOME: home, PULSE_RUNTIME_PATH: join(runtime, 'pulse') };
  delete env.PULSE_SERVER;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  const child = spawn(
    'pulseaudio',
    [
      '--daemonize=no',
      '--system=false',
      '--exit-idle-time=-1',
      '--disallow-exit',
      '--disable-shm=yes',
      '-n',
      '--load=module-native-protocol-unix auth-anonymous=1',
      '--load=module-null-sink sink_name=movesnack_speakers',
      '--load=module-null-source source_name=movesnack_mic',
      '--log-target=stderr',
    ],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`pulseaudio exited (${code}): ${errors.slice(-400)}`))));
  exited.catch(() => undefined);
  await Promise.race([waitFor('PulseAudio to answer', () => spawnSync('pactl', ['info'], { env, timeout: 2000 }).status === 0, 10_000), exited]);
  return {
    env,
    stop: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
