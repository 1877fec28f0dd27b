import { expect, test } from './demo';
import { screenshot, signIn, waitForCatalog } from './helpers';

/*
 * The scorecard on a Glue job's overview: the demo backend's Tech Insights
 * runs the AWS Glue module's checks on the job's facts. Only under today's
 * clock: the facts come from the run index, which keeps real time (see
 * runIndex.test.ts).
 */
const JOB = 'freshers_in_dependent_job';
const PROJECTS = ['today'];

test.describe('the scorecard', () => {
  test.beforeEach(async ({ page }, testInfo) => {
    test.skip(
      !PROJECTS.includes(testInfo.project.name),
      'run under the real clock only (see above)',
    );
    await waitForCatalog(page, [JOB]);
    await signIn(page);
  });

  test("the job overview shows the job's aws-glue checks", async ({ page }) => {
    const runs: string[] = [];
    page.on('request', request => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/tech-insights/checks/run/')) {
        runs.push(`${request.method()} ${url.pathname}`);
      }
    });
    const summary = page.getByText(/^\d+ of \d+ checks? pass(es)?$/);
    // the module's fact retriever may not have run yet right after start-up
    await expect
      .poll(
        async () => {
          await page.goto(`/catalog/default/component/${JOB}`);
          await expect(
            page.getByText('Scorecard', { exact: true }),
          ).toBeVisible();
          await expect(
            summary.or(page.getByText('No AWS Glue checks for this job')),
          ).toBeVisible();
          return summary.isVisible();
        },
        { timeout: 120_000, intervals: [5_000] },
      )
      .toBe(true);

    expect(runs).toContain(
      `POST /api/tech-insights/checks/run/default/component/${JOB}`,
    );
    const rows = page
      .getByRole('list', { name: 'Tech Insights checks' })
      .getByRole('listitem');
    const [passed, total] = (await summary.innerText())
      .match(/\d+/g)!
      .map(Number);
    await expect(rows).toHaveCount(total);
    await expect(rows.getByRole('img', { name: 'Passes' })).toHaveCount(passed);
    await expect(rows.getByRole('img', { name: 'Fails' })).toHaveCount(
      total - passed,
    );
    // each row says what it wants and the facts it used
    for (const row of await rows.all()) {
      await expect(row).toContainText(/\w+: \S+/);
    }
    await screenshot(page, 'scorecard');
  });
});
