import { expect, test } from './demo';
import { screenshot, signIn, startRun, waitForCatalog } from './helpers';

/*
 * The run index in the demo: the AWS Glue page from one request, a run the
 * guest makes fail on purpose (--emulator-outcome) notified within seconds,
 * the trend chart on the Runs tab and data-platform's team card. Only under
 * today's clock: the backend keeps real time while the dated projects move
 * only the emulator's clock, so a notification's age and the trend and team
 * windows (real last N days) would depend on how far today is from the
 * emulated date. The month and year boundaries of those windows are unit
 * tests (aggregate.test.ts).
 */
const JOB = 'upstream_job';
const PROJECTS = ['today'];

test.describe('the run index', () => {
  test.beforeEach(async ({ page }, testInfo) => {
    test.skip(
      !PROJECTS.includes(testInfo.project.name),
      'run under the real clock only (see above)',
    );
    await waitForCatalog(page, [JOB, 'freshers_in_dependent_job']);
    await signIn(page);
  });

  test('the AWS Glue page loads its jobs in one request', async ({ page }) => {
    const glueRequests: string[] = [];
    page.on('request', request => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/aws-glue/'))
        glueRequests.push(url.pathname);
    });
    await page.goto('/aws-glue');
    await expect(
      page.getByText('freshers_in_dependent_job').first(),
    ).toBeVisible();
    await expect(
      page.getByText(/Index updated|No runs indexed yet/),
    ).toBeVisible();
    expect(
      glueRequests.filter(p => p === '/api/aws-glue/v1/jobs'),
    ).toHaveLength(1);
    expect(
      glueRequests.filter(p => p.startsWith('/api/aws-glue/v1/entity/')),
    ).toEqual([]);
    await screenshot(page, 'overview-from-the-index');
  });

  test('a run the guest makes fail brings a notification that opens the run', async ({
    page,
  }) => {
    await page.goto(`/catalog/default/component/${JOB}/runs`);
    // the emulator honours --emulator-outcome
    const runId = await startRun(page, {
      '--emulator-outcome': 'FAILED',
      '--emulator-error-message': 'Job failed on purpose for the e2e test',
    });
    await page.goto('/notifications');
    // the table's title link: a notification that arrives while the page is
    // open also shows its title in a snackbar, which does not navigate
    const notification = page
      .getByRole('link', { name: `AWS Glue job ${JOB} FAILED` })
      .first();
    await expect(notification).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/failed on purpose/).first()).toBeVisible();
    await screenshot(page, 'failure-notification');
    await notification.click();
    await expect(page).toHaveURL(new RegExp(`/runs\\?run=${runId}`));
    await expect(page.getByText(`Run ${runId}`)).toBeVisible();
    await expect(page.getByText('FAILED').first()).toBeVisible();
    await screenshot(page, 'notified-run');
  });

  test('the Runs tab charts the trend with dates', async ({ page }) => {
    await page.goto(
      '/catalog/default/component/freshers_in_dependent_job/runs',
    );
    const chart = page.getByRole('img', {
      name: /^Success rate and p95 duration per day, /,
    });
    await expect(chart).toBeVisible();
    await chart.scrollIntoViewIfNeeded();
    await expect(page.getByText(/finished runs failed/).first()).toBeVisible();
    await screenshot(page, 'runs-trend');
  });

  test("data-platform's Group page shows its team card", async ({ page }) => {
    await page.goto('/catalog/default/group/data-platform');
    await expect(
      page.getByText('AWS Glue jobs', { exact: true }),
    ).toBeVisible();
    const cost = page.getByText('Cost this month', { exact: true });
    await expect(cost).toBeVisible();
    await cost.scrollIntoViewIfNeeded();
    await expect(
      page.getByText('Cost last month', { exact: true }),
    ).toBeVisible();
    await screenshot(page, 'team-card');
  });
});
