import { expect, test } from './demo';
import { screenshot, signIn, startRun, waitForCatalog } from './helpers';

const JOB = '/catalog/default/component/freshers_in_dependent_job';

test.describe('AWS Glue on entity pages', () => {
  test.beforeEach(async ({ page }) => {
    await waitForCatalog(page, ['freshers_in_dependent_job', 'triggering_job']);
    await signIn(page);
  });

  test('the job overview shows its configuration and last run', async ({
    page,
  }) => {
    await page.goto(JOB);
    await expect(page.getByText('G.1X').first()).toBeVisible();
    await expect(
      page.getByText('start-freshers-in-dependent-job').first(),
    ).toBeVisible();
    await screenshot(page, 'job-overview');
  });

  test("the runs tab shows run rows and a failed run's error", async ({
    page,
  }) => {
    await page.goto(`${JOB}/runs`);
    await expect(page.getByText('Run history')).toBeVisible();
    await expect(page.locator('tbody tr').first()).toContainText(
      /SUCCEEDED|FAILED|TIMEOUT|RUNNING/,
    );
    await screenshot(page, 'runs');

    await page.getByRole('button', { name: 'State filter' }).click();
    await page
      .getByRole('option', { name: 'Failed, timed out or errored' })
      .click();
    // The demo fixture pins a FAILED run with this error among the job's
    // newest finished runs on any date; look for it, not for an order.
    const failed = page
      .locator('tbody tr')
      .filter({ hasText: 'FAILED' })
      .filter({ hasText: /was not passed by the trigger/ });
    await expect(failed.first()).toBeVisible();
    // and the filter left no other state on the page
    const rows = page.locator('tbody tr');
    await expect
      .poll(async () =>
        (
          await rows.allInnerTexts()
        ).filter(t => !/^(FAILED|TIMEOUT|ERROR)/.test(t.trim())),
      )
      .toEqual([]);
    await screenshot(page, 'runs-failed');
  });

  test('the chain shows triggering_job upstream with its state', async ({
    page,
  }) => {
    await page.goto(`${JOB}/glue-chain`);
    const upstream = page.getByRole('link', { name: /^job triggering_job, / });
    await expect(upstream).toBeVisible();
    const state = await upstream.getAttribute('data-state');
    expect(state).toMatch(
      /^(SUCCEEDED|FAILED|TIMEOUT|RUNNING|STARTING|STOPPED|ERROR)$/,
    );
    await expect(
      page.getByRole('link', {
        name: /^trigger start-freshers-in-dependent-job/,
      }),
    ).toBeVisible();
    await screenshot(page, 'chain');
  });

  test('the demo user starts a run and watches it finish', async ({ page }) => {
    await page.goto(`${JOB}/runs`);
    const runId = await startRun(page);

    // Found by its id: a trigger may start the job again once it finished.
    const row = page.locator('tbody tr').filter({
      has: page.getByTitle(runId, { exact: true }),
    });
    await expect(row).toContainText(/STARTING|RUNNING/);
    await screenshot(page, 'run-started');
    // the emulator finishes it in seconds; this job's first run started by a
    // person succeeds on any date (its outcome does not depend on the clock)
    await expect(row).toContainText('SUCCEEDED', { timeout: 90_000 });
    await screenshot(page, 'run-finished');
  });

  test('a workflow System shows its graph', async ({ page }) => {
    await page.goto('/catalog/default/system/sales-pipeline/workflow');
    await expect(page.getByText('Workflow runs')).toBeVisible();
    await expect(page.locator('svg#dependency-graph').first()).toBeVisible();
    await expect(
      page
        .getByText('orders-daily-etl', { exact: true })
        .filter({ visible: true })
        .first(),
    ).toBeVisible();
    await screenshot(page, 'workflow');
  });

  test('the overview page lists the jobs of the catalog', async ({ page }) => {
    await page.goto('/aws-glue');
    await expect(
      page.getByText('freshers_in_dependent_job').first(),
    ).toBeVisible();
    await screenshot(page, 'overview-page');
  });
});
