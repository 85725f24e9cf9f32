import { execFile } from 'node:child_process';
import { Unavailable, type CommandRunner } from './types';

/** Rejects after `ms` unless the promise settled first. The probe then says "can't tell". */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** execFile with a time limit, a small output cap and no shell. A missing program is Unavailable. */
export const runCommand: CommandRunner = (file, args, { timeoutMs, env }) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, env, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Unavailable(`${file} is not installed`));
        const said = String(stderr).trim().split('\n')[0] ?? '';
        reject(new CommandFailed(`${file} failed: ${said || error.message.split('\n')[0]}`, said));
      },
    );
  });

export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'CommandFailed';
  }
}
