import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Unavailable } from './types';

/**
 * The process ids in /proc that belong to this user: another person's call on a shared machine
 * is not this user's meeting.
 */
async function pids(procRoot: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(procRoot);
  } catch {
    throw new Unavailable(`${procRoot} cannot be read`);
  }
  const numeric = entries.filter((name) => /^\d+$/.test(name));
  const uid = process.getuid?.();
  if (uid === undefined) return numeric;
  const owned = await Promise.all(
    numeric.map(async (pid) => {
      try {
        return (await stat(join(procRoot, pid))).uid === uid ? pid : null;
      } catch {
        return null; // gone already
      }
    }),
  );
  return owned.filter((pid): pid is string => pid !== null);
}

/**
 * The camera is in use when some process holds a video device open: a /proc/<pid>/fd link to
 * /dev/video*. Only the user's own processes can be seen, which is where a call app runs.
 */
export async function cameraInUse(procRoot: string): Promise<boolean> {
  for (const pid of await pids(procRoot)) {
    const fdDir = join(procRoot, pid, 'fd');
    let fds: string[];
    try {
      fds = await readdir(fdDir);
    } catch {
      continue; // another user's process, or gone already
    }
    for (const fd of fds) {
      try {
        if (/^\/dev\/video\d+$/.test(await readlink(join(fdDir, fd)))) return true;
      } catch {
        // closed while we looked
      }
    }
  }
  return false;
}

/** A process name as people write it: no folder, no .exe, any case. */
export function normaliseAppName(name: string): string {
  const base = name.trim().split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(exe|app)$/i, '').toLowerCase();
}

/** Whether a running name matches a listed one; Linux cuts /proc/<pid>/comm to 15 characters. */
export function appMatches(running: string, listed: readonly string[]): boolean {
  const name = normaliseAppName(running);
  if (!name) return false;
  return listed.some((want) => want === name || (name.length === 15 && want.startsWith(name)));
}

/** The listed apps that are running, from /proc/<pid>/comm. */
export async function runningAppsLinux(procRoot: string, listed: readonly string[]): Promise<string[]> {
  const wanted = listed.map(normaliseAppName).filter(Boolean);
  const found = new Set<string>();
  for (const pid of await pids(procRoot)) {
    let comm: string;
    try {
      comm = (await readFile(join(procRoot, pid, 'comm'), 'utf8')).trim();
    } catch {
      continue;
    }
    const name = normaliseAppName(comm);
    for (const want of wanted) if (want === name || (name.length === 15 && want.startsWith(name))) found.add(want);
  }
  return [...found];
}
