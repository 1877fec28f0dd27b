import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium';
import type { DemoOptions } from './packages/app/e2e-tests/demo';

/*
 * End-to-end tests: Debian's Chromium (scripts/lib/chromium.js) against the
 * demo portal started from a clean state, as `npm start` starts it
 * (emulator, backend, frontend).
 */

/**
 * Every project runs the whole suite against a fresh emulator and backend
 * (started by the `demo` fixture in e2e-tests/demo.ts) whose emulated clock
 * starts at the project's time: today's real clock, and three moments chosen
 * to break date-dependent tests and fixtures.
 */
const projects: { name: string; emulatorStartTime?: string }[] = [
  { name: 'today' },
  // a Monday, before the nightly 02:00 UTC chain has run
  {
    name: 'monday-before-the-nightly-run',
    emulatorStartTime: '2026-11-30T00:30:00Z',
  },
  // the last minutes of a month and of a year: the suite runs across midnight
  {
    name: 'year-end-before-midnight',
    emulatorStartTime: '2026-12-31T23:55:00Z',
  },
  // a leap day, while the nightly chain runs (triggering_job is running)
  {
    name: 'leap-day-during-the-nightly-run',
    emulatorStartTime: '2028-02-29T02:05:00Z',
  },
];

export default defineConfig<DemoOptions>({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-artifacts/report' }],
  ],
  outputDir: 'e2e-artifacts/results',
  projects: projects.map(({ name, emulatorStartTime }) => ({
    name,
    use: { emulatorStartTime },
  })),
  // The frontend dev server; the emulator and backend are started per
  // project by the `demo` fixture, with the project's emulated date.
  webServer: {
    command: 'npm start -w app',
    url: 'http://localhost:3000',
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
