/**
 * Packaging check, offline: build with electron-vite, package with `electron-builder --linux dir`
 * against a placeholder Electron folder (the real binary cannot be downloaded here), then read
 * the produced app.asar and check what a user would install.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function run(label: string, args: string[]): void {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** `require("x")` targets in a CommonJS bundle. */
function requires(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))];
}
/** Top-level ESM syntax (a CommonJS file has none). */
const esmStatement = /^\s*(import\s+[\w{*'"]|import\s*\(|export\s+(default|const|let|var|function|class|\{|\*))/m;

let work: string;
let asar: string;
let entries: string[];
const read = (file: string) => extractFile(asar, file).toString('utf8');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'movesnack-package-'));
  // A placeholder for the Electron distribution: electron-builder copies it and renames the
  // executable; nothing runs it.
  const electronDist = join(work, 'electron-dist');
  const output = join(work, 'release');
  mkdirSync(electronDist, { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "placeholder electron"\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'LICENSE'), 'placeholder\n');

  // `npm test` builds once and says so (MOVESNACK_BUILT=1); run alone, the test builds itself.
  if (process.env.MOVESNACK_BUILT !== '1') run('electron-vite build', [
    join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
  run('electron-builder --linux dir', [
    join(ROOT, 'node_modules/electron-builder/cli.js'),
    '--linux',
    'dir',
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${output}`,
  ]);
  asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
  entries = listPackage(asar, { isPack: false }).map((entry) => entry.split('\\').join('/'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('app.asar built by electron-builder --linux dir', () => {
  it('holds the main bundle, the preload and the renderer', () => {
    expect(existsSync(asar)).toBe(true);
    expect(entries).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/preload/index.js',
        '/out/renderer/index.html',
      ]),
    );
  });

  it('holds no tests, no TypeScript sources, no node_modules and nothing outside out/', () => {
    const files = entries.filter((entry) => /\.[a-z0-9]+$/i.test(entry));
    expect(files.filter((f) => f.startsWith('/tests') || /\.(test|spec)\.[cm]?[jt]sx?$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    expect(entries.filter((e) => e.startsWith('/node_modules'))).toEqual([]);
    expect(entries.filter((e) => e.includes('/node_modules/electron'))).toEqual([]);
    expect(files.filter((f) => f !== '/package.json' && !f.startsWith('/out/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('has a CommonJS, sandbox-compatible preload that requires only electron', () => {
    const preload = read('out/preload/index.js');
    expect(preload).not.toMatch(esmStatement);
    expect(requires(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("movesnack"');
  });

  it('has a CommonJS main bundle that loads only Electron and Node built-ins (desktop-probe libraries bundled)', () => {
    const main = read('out/main/index.js');
    expect(main).not.toMatch(esmStatement);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // ajv keeps some of its runtime helpers as strings for generated code; they are not loaded.
    const loaded = requires(main).filter((id) => id !== 'electron' && !builtins.has(id) && !id.startsWith('ajv'));
    // main/system's pure-JS D-Bus and X11 clients are bundled too. dbus-next asks for its optional
    // native socket module only for abstract-socket buses; without it that bus reads "can't tell".
    // (A bundled library's own doc comments may still say `require('dbus-next')`.)
    const bundledHere = (id: string) => main.includes(`// node_modules/${id}/`);
    expect(loaded.filter((id) => id !== 'usocket' && !bundledHere(id))).toEqual([]);
  });

  it('has a renderer whose scripts and styles are all inside the package, with relative paths', () => {
    const html = read('out/renderer/index.html');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, `${ref} must be relative (loaded over file://)`).toMatch(/^\.\//);
      expect(entries).toContain(`/out/renderer/${ref.replace(/^\.\//, '')}`);
    }
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
  });

  it('starts the bundled main from package.json', () => {
    const pkg = JSON.parse(read('package.json')) as { main?: string; devDependencies?: unknown; scripts?: unknown };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.devDependencies).toBeUndefined();
  });
});
