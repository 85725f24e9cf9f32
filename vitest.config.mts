import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
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
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          // Screens render real components; on a busy 2-core machine a render can take seconds.
          testTimeout: 15_000,
        },
      },
    ],
  },
});
