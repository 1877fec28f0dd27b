import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../lib/chromium';

/*
 * The install test's browser check (run by run.js): a Backstage app generated
 * by @backstage/create-app with the packed plugins, its built frontend served
 * by its backend at INSTALL_TEST_BASE_URL.
 */
const outputDir =
  process.env.INSTALL_TEST_OUTPUT ?? 'e2e-artifacts/install-test';

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir,
  use: {
    baseURL: process.env.INSTALL_TEST_BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
