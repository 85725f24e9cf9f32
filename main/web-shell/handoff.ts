/**
 * One Movesnack per data folder, and a second `npm start` that opens the running one.
 *
 * The running browser shell listens on a local socket that only this user can reach: a Unix
 * socket inside a folder of the data folder made private (mode 0700), or a named pipe on
 * Windows. A second launch connects to it and asks for a link; the running shell answers with
 * a fresh one-time link (it works once, for a minute). No secret is written to a file: the
 * socket file holds nothing, and the link travels only over that private connection.
 *
 * Listening on the socket is also how a launch claims the folder: binding fails while another
 * shell holds it, and a socket left behind by a crash refuses connections and is replaced.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Longest Unix socket path that works everywhere (macOS allows 104 bytes). */
const MAX_SOCKET_PATH = 100;

export function handoffPath(dataDir: string, platform = process.platform): string {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\movesnack-${id}`;
  const inData = path.join(dataDir, 'run', 'shell.sock');
  if (Buffer.byteLength(inData) <= MAX_SOCKET_PATH) return inData;
  // A very deep data folder: a private folder in the temp directory, named after it.
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return path.join(os.tmpdir(), `movesnack-${uid}-${id}`, 'shell.sock');
}

/** The folder holding the socket: created private, and refused if someone else owns it. */
function preparePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  if (!stat.isDirectory() || (uid !== null && stat.uid !== uid)) {
    throw new Error(`${dir} is not a folder of this user`);
  }
  fs.chmodSync(dir, 0o700);
}

interface HandoffReply {
  url?: string;
}

/**
 * Asks a running shell for a one-time link. Resolves null when nothing answers (no shell, or
 * one that crashed and left its socket behind).
 */
export function askRunningShell(dataDir: string, timeoutMs = 3000): Promise<string | null> {
  const where = handoffPath(dataDir);
  return new Promise((resolve) => {
    let done = false;
    let text = '';
    const finish = (value: string | null) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(value);
    };
    const socket = net.connect(where);
    socket.setTimeout(timeoutMs, () => finish(null));
    socket.on('connect', () => socket.write('{"op":"link"}\n'));
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      if (text.length > 4096) return finish(null);
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      try {
        const reply = JSON.parse(text.slice(0, nl)) as HandoffReply;
        finish(typeof reply.url === 'string' && reply.url.startsWith('http://127.0.0.1:') ? reply.url : null);
      } catch {
        finish(null);
      }
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
  });
}

/** Whether a process accepts connections on `where` (a socket left by a crash refuses them). */
function isListening(where: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(where);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT');
    });
  });
}

export interface HandoffServer {
  close(): Promise<void>;
}

export class FolderInUse extends Error {}

/**
 * Claims the data folder for this shell and answers link requests with `mintLink()`. Rejects
 * with FolderInUse when a live shell already listens there.
 */
export async function serveHandoff(dataDir: string, mintLink: () => Promise<string>): Promise<HandoffServer> {
  const where = handoffPath(dataDir);
  if (process.platform !== 'win32') preparePrivateDir(path.dirname(where));

  const server = net.createServer((socket) => {
    let text = '';
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      if (text.length > 1024) return socket.destroy();
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      let op: unknown;
      try {
        op = (JSON.parse(text.slice(0, nl)) as { op?: unknown }).op;
      } catch {
        op = null;
      }
      if (op !== 'link') return socket.end('{}\n');
      mintLink().then(
        (url) => socket.end(`${JSON.stringify({ url })}\n`),
        () => socket.end('{}\n'),
      );
    });
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        server.off('listening', onListening);
        reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(where);
    });

  try {
    await listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // Someone listens, or a crashed shell left its socket: replace it only if nobody answers.
    if (await isListening(where)) throw new FolderInUse('A Movesnack shell already runs here');
    if (process.platform !== 'win32') fs.rmSync(where, { force: true });
    await listen();
  }
  if (process.platform !== 'win32') fs.chmodSync(where, 0o600);

  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // net.Server removes its Unix socket file on close.
      }),
  };
}
