import { defineConfig } from 'vitest/config';
import { oddHtml, studentsHtml } from './viz/build/oddHtml.ts';

export default defineConfig({
  base: './',
  plugins: [oddHtml(), studentsHtml()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    reporters: ['default', './tests/helpers/plainSummary.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          globalSetup: ['tests/helpers/bundleSetup.ts'],
          environment: 'node',
          // a time limit against hangs, not a speed target (those live in bench/): some ensemble
          // tests take seconds, and several times that on a loaded machine
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/helpers/globalSetup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
