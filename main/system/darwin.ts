import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Unavailable, type CommandRunner } from './types';

/** `ioreg -c IOHIDSystem -d 4 -r -k HIDIdleTime`: nanoseconds since the last input. */
export function parseHidIdleMs(text: string): number {
  const match = /"HIDIdleTime"\s*=\s*(\d+)/.exec(text);
  if (!match?.[1]) throw new Error('ioreg gave no HIDIdleTime');
  return Number(BigInt(match[1]) / 1_000_000n);
}

/** `ioreg -n Root -d1`: the console user's session says whether its screen is locked. */
export function parseScreenLocked(text: string): boolean {
  if (/"CGSSessionScreenIsLocked"\s*=\s*Yes/.test(text)) return true;
  if (/"IOConsoleUsers"/.test(text)) return false;
  throw new Error('ioreg gave no console session');
}

/**
 * Focus (Do Not Disturb) turned on by hand is an assertion in the user's DoNotDisturb database.
 * macOS lets only apps with Full Disk Access read it; otherwise "can't tell".
 */
export function parseFocusAssertions(text: string): boolean {
  const data = JSON.parse(text) as { data?: Array<{ storeAssertionRecords?: unknown[] }> };
  if (!Array.isArray(data.data)) throw new Error('the Focus database has an unknown shape');
  return data.data.some((entry) => Array.isArray(entry.storeAssertionRecords) && entry.storeAssertionRecords.length > 0);
}

export async function macIdleMs(run: CommandRunner, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<number> {
  return parseHidIdleMs(await run('ioreg', ['-c', 'IOHIDSystem', '-d', '4', '-r', '-k', 'HIDIdleTime'], { timeoutMs, env }));
}

export async function macLocked(run: CommandRunner, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  return parseScreenLocked(await run('ioreg', ['-n', 'Root', '-d1'], { timeoutMs, env }));
}

export async function macFocusOn(home: string | undefined): Promise<boolean> {
  if (!home) throw new Unavailable('no home folder');
  let text: string;
  try {
    text = await readFile(join(home, 'Library', 'DoNotDisturb', 'DB', 'Assertions.json'), 'utf8');
  } catch {
    throw new Unavailable('the Focus database cannot be read without Full Disk Access');
  }
  return parseFocusAssertions(text);
}

/** `ps -A -c -o comm=`: one executable name a line. */
export async function macRunningNames(run: CommandRunner, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string[]> {
  return (await run('ps', ['-A', '-c', '-o', 'comm='], { timeoutMs, env })).split('\n').map((s) => s.trim()).filter(Boolean);
}
