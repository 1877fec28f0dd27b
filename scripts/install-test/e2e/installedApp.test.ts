import { expect, Locator, Page, test } from '@playwright/test';

/*
 * In the generated app (legacy frontend or new frontend system), as its
 * guest: a Glue job's page shows the plugin's job card and its Runs tab, and
 * the AWS Glue page lists the jobs. The job (namespace/kind/name) and the
 * template come from run.js.
 */
const entity = process.env.INSTALL_TEST_ENTITY ?? '';
const template = process.env.INSTALL_TEST_TEMPLATE ?? '';
const jobPage = `/catalog/${entity}`;

/**
 * Opens `path` and waits for `target`. The stock apps' sign-in page may come
 * first on any page load: the legacy template signs the guest in on its own
 * (`auto`), the new one shows an Enter button, after which the app renders
 * the page asked for.
 */
async function open(page: Page, path: string, target: Locator) {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter.or(target).first()).toBeVisible();
  if (await enter.isVisible()) await enter.click();
  await expect(target).toBeVisible();
}

test.beforeEach(() => {
  expect(entity, 'INSTALL_TEST_ENTITY').toMatch(/^[^/]+\/component\/[^/]+$/);
});

test(`${template}: a job's page shows the AWS Glue job card`, async ({
  page,
}) => {
  await open(page, jobPage, page.getByText('AWS Glue job').first());
  await expect(page.getByText('G.1X').first()).toBeVisible();
});

test(`${template}: the job's Runs tab lists its runs`, async ({ page }) => {
  await open(page, `${jobPage}/runs`, page.getByText('Run history'));
  await expect(page.locator('tbody tr').first()).toContainText(
    /SUCCEEDED|FAILED|TIMEOUT|RUNNING|STOPPED|ERROR/,
  );
});

test(`${template}: the AWS Glue page lists the jobs`, async ({ page }) => {
  await open(
    page,
    '/aws-glue',
    page.getByText('freshers_in_dependent_job').first(),
  );
});
