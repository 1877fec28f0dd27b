import { expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { BACKEND, test } from './demo';

const SCREENSHOTS = path.resolve(
  __dirname,
  '../../../e2e-artifacts/screenshots',
);

/** Signs in as the demo's guest user (a member of data-platform). */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByText('My Group')).toBeVisible();
}

/** A guest token for calling the backend directly. */
export async function guestToken(page: Page): Promise<string> {
  const res = await page.request.post(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const body = await res.json();
  return body.backstageIdentity.token;
}

/**
 * Waits until the backend answers and the first Glue sync has put the demo
 * jobs in the catalog (the backend may still be starting).
 */
export async function waitForCatalog(page: Page, names: string[]) {
  await expect
    .poll(
      async () => {
        try {
          const token = await guestToken(page);
          const filter = names
            .map(
              n =>
                `filter=${encodeURIComponent(
                  `kind=component,metadata.name=${n}`,
                )}`,
            )
            .join('&');
          const res = await page.request.get(
            `${BACKEND}/api/catalog/entities/by-query?${filter}&limit=100`,
            { headers: { Authorization: `Bearer ${token}` } },
          );
          if (!res.ok()) return 0;
          return (await res.json()).items.length;
        } catch {
          return 0; // not listening yet
        }
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe(names.length);
}

/**
 * Saves a full-page screenshot as a CI artifact: in e2e-artifacts/screenshots
 * for the real-clock project, in a folder named after a dated project else.
 */
export async function screenshot(page: Page, name: string) {
  const project = test.info().project.name;
  const dir =
    project === 'today' ? SCREENSHOTS : path.join(SCREENSHOTS, project);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({
    path: path.join(dir, `${name}.png`),
    fullPage: true,
  });
}

/**
 * Starts a run of the job from its Runs tab, with these argument overrides,
 * and returns its id. When the job is already running (its nightly chain
 * may be under way at any hour, a schedule may have started it), Glue
 * refuses a second run: wait for the running one to end and start again, as
 * a person would.
 */
export async function startRun(
  page: Page,
  overrides: Record<string, string> = {},
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    // no run of the job is active (the page polls while one is)
    await expect(page.getByRole('button', { name: /^Stop run / })).toHaveCount(
      0,
      { timeout: 90_000 },
    );
    await page.getByRole('button', { name: 'Start run' }).click();
    const dialog = page.getByRole('dialog');
    for (const [key, value] of Object.entries(overrides)) {
      await dialog.getByLabel(key).fill(value);
    }
    await dialog.getByRole('button', { name: 'Review' }).click();
    const started = page.waitForResponse(
      r => r.request().method() === 'POST' && /\/runs$/.test(r.url()),
    );
    await dialog.getByRole('button', { name: 'Confirm start' }).click();
    const response = await started;
    if (response.ok()) {
      await expect(dialog).toBeHidden();
      return (await response.json()).runId;
    }
    const refusal = await dialog.getByRole('alert').innerText();
    if (response.status() !== 409 || attempt === 3) {
      throw new Error(`starting a run failed: ${response.status()} ${refusal}`);
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }
}
