/**
 * The built preload (out/preload/index.js) against a fake `electron`: a refusal that crosses the
 * context bridge (which keeps only an Error's message) still reaches the page's one error
 * formatter with its code, so the page says it in the user's language.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../renderer/data/api';
import { fixedT } from '../../shared/i18n';
import type { MovesnackApi } from '../../shared/ipc-contract';

const ROOT = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const internals = Module as unknown as { _load: Loader };
const originalLoad = internals._load;

let api: MovesnackApi;
let answer: unknown;

beforeAll(() => {
  const reuse = process.env.MOVESNACK_BUILT === '1';
  const out = reuse ? join(ROOT, 'out') : join(ROOT, 'node_modules', '.cache', 'movesnack-preload-test', 'out');
  if (!reuse || !existsSync(join(out, 'preload', 'index.js'))) {
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out, '--logLevel', 'warn'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: MovesnackApi) => {
        if (key === 'movesnack') api = value;
      },
    },
    ipcRenderer: { invoke: () => Promise.resolve(answer), on: () => {}, removeListener: () => {} },
  };
  internals._load = function (request, parent, isMain) {
    if (request === 'electron') return electron;
    return originalLoad.call(this, request, parent, isMain);
  };
  require(join(out, 'preload', 'index.js'));
}, 120_000);

afterAll(() => {
  internals._load = originalLoad;
});

/** What the page sees: the bridge rebuilds the Error from its message alone. */
async function acrossTheBridge(call: () => Promise<unknown>): Promise<Error> {
  try {
    await call();
  } catch (e) {
    return new Error((e as Error).message);
  }
  throw new Error('expected a refusal');
}

describe('a refusal through the Electron preload', () => {
  it('keeps its code across the bridge: the page says it in German', async () => {
    answer = {
      ok: false,
      error: 'Guided routines start once you have answered the short safety check.',
      code: 'safety.unanswered',
      params: {},
    };
    const seen = await acrossTheBridge(() => api.dispatch({ type: 'break/start' }));
    const german = errorMessage(seen, fixedT('de'));
    expect(german).toBe(fixedT('de')('engine:safety.unanswered'));
    expect(german).toMatch(/Sicherheitscheck/);
    // Without a language it is the engine's own words, with nothing of the carried code.
    expect(errorMessage(seen)).toBe('Guided routines start once you have answered the short safety check.');
  });

  it('an error without a code stays a plain message', async () => {
    answer = { ok: false, error: 'The disk is full.' };
    const seen = await acrossTheBridge(() => api.getState());
    expect(seen.message).toBe('The disk is full.');
    expect(errorMessage(seen, fixedT('fr'))).toBe('The disk is full.');
  });
});
