import { expect, Page, test } from '@playwright/test';

/*
 * In the generated app (legacy frontend or new frontend system), as its
 * guest: a Glue job's page shows the plugin's job card and its Runs tab, and
 * the AWS Glue page lists the jobs. The job (namespace/kind/name) and the
 * template come from run.js.
 */
const entity = process.env.INSTALL_TEST_ENTITY ?? '';
const template = process.env.INSTALL_TEST_TEMPLATE ?? '';
const jobPage = `/catalog/${entity}`;

/** The stock app's guest sign-in: automatic, or an Enter button. */
async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await Promise.race([
    enter.waitFor({ timeout: 30_000 }).then(() => enter.click()),
    page.waitForURL(/\/catalog/, { timeout: 30_000 }),
  ]).catch(() => undefined);
}

test.beforeEach(async ({ page }) => {
  expect(entity, 'INSTALL_TEST_ENTITY').toMatch(/^[^/]+\/component\/[^/]+$/);
  await signIn(page);
});

test(`${template}: a job's page shows the AWS Glue job card`, async ({
  page,
}) => {
  await page.goto(jobPage);
  await expect(page.getByText('AWS Glue job').first()).toBeVisible();
  await expect(page.getByText('G.1X').first()).toBeVisible();
});

test(`${template}: the job's Runs tab lists its runs`, async ({ page }) => {
  await page.goto(`${jobPage}/runs`);
  await expect(page.getByText('Run history')).toBeVisible();
  await expect(page.locator('tbody tr').first()).toContainText(
    /SUCCEEDED|FAILED|TIMEOUT|RUNNING|STOPPED|ERROR/,
  );
});

test(`${template}: the AWS Glue page lists the jobs`, async ({ page }) => {
  await page.goto('/aws-glue');
  await expect(
    page.getByText('freshers_in_dependent_job').first(),
  ).toBeVisible();
});
