import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { illustrationsCss } from './vite-illustrations.config';

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker (cores - 1), but many suites here wait on
    // child processes and the disk (crash cycles, the lock race, system probes): two files at a
    // time keep both cores busy. Each file has its own temporary folders and free display numbers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/web-shell/**/*.test.ts', 'tests/soak/**/*.test.ts', 'tests/system/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react(), illustrationsCss()],
        test: {
          name: 'renderer',
          // happy-dom rather than jsdom: the same Testing Library queries, jest-dom matchers and axe
          // findings (checked side by side), at about half the cost. jsdom computed every element's
          // style against its whole default stylesheet for each role query, and set up slowly.
          environment: 'happy-dom',
          // Each file still gets its own DOM and its own copy of every module, but in a VM context of
          // a reused worker instead of a new worker: it cut the project's CPU time by about a third
          // (the import, setup and DOM set-up each file repeated were half of it).
          pool: 'vmForks',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          // Screens render real components; on a busy 2-core machine a render can take seconds.
          testTimeout: 15_000,
        },
      },
    ],
  },
});
