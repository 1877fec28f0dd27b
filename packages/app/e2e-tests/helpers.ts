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
