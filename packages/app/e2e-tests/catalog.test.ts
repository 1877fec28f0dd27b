import { expect, test } from './demo';
import { screenshot, signIn, waitForCatalog } from './helpers';

test.describe('the synced Glue catalog', () => {
  test.beforeEach(async ({ page }) => {
    await waitForCatalog(page, ['freshers_in_dependent_job', 'glueetl']);
    await signIn(page);
  });

  test('shows the seed trigger chain in the dependency graph', async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/freshers_in_dependent_job');
    await expect(
      page.getByRole('heading', { name: 'freshers_in_dependent_job' }),
    ).toBeVisible();
    await expect(page.getByText('Data Platform').first()).toBeVisible();

    await page.getByRole('tab', { name: 'Dependencies' }).click();
    const graph = page.locator('svg#dependency-graph');
    await expect(
      graph.getByText('start-freshers-in-dependent-job').first(),
    ).toBeVisible();
    await expect(graph.getByText('triggering_job').first()).toBeVisible();
    await screenshot(page, 'catalog-dependencies');
  });

  test('shows the data chain upstream_job -> dataset -> glueetl', async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/glueetl/dependencies');
    const graph = page.locator('svg#dependency-graph');
    await expect(
      graph.getByText('s3://freshers-in/output-data/').first(),
    ).toBeVisible();
    await expect(graph.getByText('upstream_job').first()).toBeVisible();
  });
});
