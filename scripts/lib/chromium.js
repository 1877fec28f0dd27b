/*
 * Debian's Chromium for Playwright (browser downloads are not possible on our
 * machines), with the flags that keep it off the closed network: used by the
 * demo's end-to-end tests and by the install test.
 */
'use strict';

const { execSync } = require('node:child_process');

function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const found = execSync(
    'command -v chromium || command -v chromium-browser || true',
    { shell: '/bin/bash' },
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

/** Playwright's `use.launchOptions` for that Chromium. */
function chromiumLaunchOptions() {
  return {
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
  };
}

module.exports = { chromiumPath, chromiumLaunchOptions };
