import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';

/**
 * End-to-end tests: Debian's Chromium (browser downloads are not possible on
 * our machines) against the demo portal started from a clean state by
 * `npm start` (emulator, backend, frontend).
 */
function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const found = execSync(
    'command -v chromium || command -v chromium-browser || true',
    {
      shell: '/bin/bash',
    },
  )
    .toString()
    .trim();
  if (!found) {
    throw new Error(
      "No Chromium for the end-to-end tests: install Debian's (`apt-get install -y chromium`) or set CHROMIUM_PATH",
    );
  }
  return found;
}

export default defineConfig({
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
  webServer: {
    command: 'npm start',
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
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
