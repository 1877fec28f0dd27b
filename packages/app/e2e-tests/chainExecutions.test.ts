import type { Page } from '@playwright/test';
import { expect, test } from './demo';
import { guestToken, screenshot, signIn, waitForCatalog } from './helpers';

/*
 * Chain executions in the demo: glueetl's last night from the run index (a
 * timeline upstream_job -> trigger -> glueetl, a matrix of 14 executions),
 * the triage of freshers_in_dependent_job's failed run (its log tail,
 * redacted, and what changed), and resuming a failed sales-pipeline run
 * until it completes. The demo fixture pins each on any date and hour; the
 * run index fills from the reconciler's first pass. Under today's clock
 * only, like the run-index tests: the backend keeps real time.
 */
const BACKEND = 'http://localhost:7007';
const API = `${BACKEND}/api/aws-glue/v1/entity/default`;
const PROJECTS = ['today'];

async function api<T>(page: Page, path: string): Promise<T> {
  const token = await guestToken(page);
  const res = await page.request.get(`${API}/${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

interface Execution {
  id: string;
  state: string;
  nodes: { jobName: string; runId?: string; state: string }[];
}

/** upstream_job's run that started glueetl, both succeeded. */
const isLastNight = (e: Execution) =>
  e.state === 'SUCCEEDED' &&
  e.nodes.some(n => n.jobName === 'upstream_job' && n.runId) &&
  e.nodes.some(n => n.jobName === 'glueetl' && n.runId);

/** glueetl's executions once the run index holds 14 and one links both jobs. */
async function storedExecutions(page: Page): Promise<Execution[]> {
  let executions: Execution[] = [];
  await expect
    .poll(
      async () => {
        executions = (
          await api<{ executions: Execution[] }>(
            page,
            'component/glueetl/chain-executions?limit=14',
          )
        ).executions;
        return executions.length === 14 && executions.some(isLastNight);
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(true);
  return executions;
}

test.describe('chain executions', () => {
  test.beforeEach(async ({ page }, testInfo) => {
    test.skip(
      !PROJECTS.includes(testInfo.project.name),
      'run under the real clock only (see above)',
    );
    await waitForCatalog(page, [
      'glueetl',
      'upstream_job',
      'freshers_in_dependent_job',
    ]);
    await signIn(page);
  });

  test("glueetl's last night on a timeline, and 14 executions in the matrix", async ({
    page,
  }) => {
    const executions = await storedExecutions(page);
    const index = executions.findIndex(isLastNight);
    await page.goto('/catalog/default/component/glueetl/glue-executions');
    await expect(page.getByTestId('execution-timeline')).toBeVisible();
    if (index > 0) {
      await page.getByRole('button', { name: /Execution/ }).click();
      await page.getByRole('option').nth(index).click();
    }
    const timeline = page.getByTestId('execution-timeline');
    await expect(
      timeline.getByTestId('execution-bar-component:default/upstream_job'),
    ).toBeVisible();
    await expect(
      timeline.getByTestId('execution-bar-component:default/glueetl'),
    ).toBeVisible();
    // the trigger's delay between them
    await expect(
      timeline.getByTestId('execution-gap-component:default/glueetl'),
    ).toHaveAttribute('title', /Trigger delay/);

    const matrix = page.getByTestId('run-matrix');
    await expect(matrix).toBeVisible();
    await expect(
      matrix.locator('[data-testid^="matrix-cell-component:default/glueetl-"]'),
    ).toHaveCount(14);
    await screenshot(page, 'chain-executions');

    // a bar opens its run
    await timeline
      .getByTestId('execution-bar-component:default/glueetl')
      .click();
    await expect(page.getByRole('dialog')).toContainText(
      executions[index].nodes.find(n => n.jobName === 'glueetl')!.runId!,
    );
  });

  test('a failed freshers_in_dependent_job run shows its log tail and what changed', async ({
    page,
  }) => {
    const JOB = 'component/freshers_in_dependent_job';
    let failed: { id: string } | undefined;
    await expect
      .poll(
        async () => {
          const { runs } = await api<{
            runs: { id: string; arguments: Record<string, string> }[];
          }>(page, `${JOB}/runs?limit=200&state=FAILED`);
          failed = runs.find(r => r.arguments['--batch_size'] === '50000');
          return Boolean(failed);
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBe(true);
    await page.goto(
      `/catalog/default/component/freshers_in_dependent_job/runs?run=${
        failed!.id
      }`,
    );
    const triage = page.getByTestId(`run-triage-${failed!.id}`);
    await expect(triage).toBeVisible();
    await expect(triage.getByTestId('triage-log-0')).toContainText(
      "KeyError: '--dependency-param' was not passed by the trigger",
    );
    // the secrets in the log lines are redacted before they leave the backend
    await expect(triage).not.toContainText('S3cr3t-Hunter2');
    await expect(triage).not.toContainText(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
    );
    const changes = triage.getByRole('table', { name: 'What changed' });
    await expect(changes).toContainText('--batch_size');
    await expect(changes).toContainText('50000');
    await expect(changes).toContainText('numberOfWorkers');
    await screenshot(page, 'run-triage');
  });

  test('a failed sales-pipeline run is resumed from the page and completes', async ({
    page,
  }) => {
    interface Run {
      id: string;
      status: string;
      statistics: Record<string, number>;
    }
    // the page lists the newest 20 runs, as this does
    const { runs } = await api<{ runs: Run[] }>(
      page,
      'system/sales-pipeline/workflow-runs?limit=20',
    );
    const index = runs.findIndex(
      r => r.status === 'COMPLETED' && (r.statistics.FailedActions ?? 0) > 0,
    );
    expect(
      index,
      'a finished sales-pipeline run with a failure',
    ).toBeGreaterThanOrEqual(0);
    const failed = runs[index];
    await page.goto('/catalog/default/system/sales-pipeline/workflow');
    await expect(page.getByText('Workflow runs')).toBeVisible();
    const resume = page.getByRole('button', {
      name: `Resume workflow run ${failed.id}`,
    });
    if (!(await resume.isVisible())) {
      await page
        .getByRole('table')
        .filter({ hasText: 'Actions' })
        .locator('tbody tr')
        .nth(index)
        .click();
    }
    await resume.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('resume-will-run')).toContainText(
      'orders-aggregate',
    );
    const answer = page.waitForResponse(
      r =>
        r.request().method() === 'POST' &&
        r.url().endsWith(`/workflow-runs/${failed.id}/resume`),
    );
    await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
    const response = await answer;
    expect(response.status()).toBe(201);
    const { runId: resumedId } = await response.json();
    await expect(page.getByText(resumedId).first()).toBeVisible();

    // the resumed run completes (the emulator runs it 60x faster)
    await expect
      .poll(
        async () => {
          const now = await api<{ runs: Run[] }>(
            page,
            'system/sales-pipeline/workflow-runs?limit=5',
          );
          return now.runs.find(r => r.id === resumedId)?.status ?? 'none';
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe('COMPLETED');
    await screenshot(page, 'workflow-resumed');
  });

  test('the timeline of a 200-node execution renders (timing reported, not asserted)', async ({
    page,
  }, testInfo) => {
    const start = Date.parse('2026-03-02T02:00:00Z');
    const nodes = Array.from({ length: 200 }, (_, i) => ({
      nodeId: `component:default/chain-${i}`,
      jobName: `chain-${i}`,
      runId: `jr_${i}`,
      state: 'SUCCEEDED',
      startedOn: new Date(start + i * 60_000).toISOString(),
      completedOn: new Date(start + i * 60_000 + 50_000).toISOString(),
      durationSeconds: 50,
      predecessorRunIds: i ? [`jr_${i - 1}`] : [],
      triggerDelaySeconds: i ? 10 : undefined,
      critical: true,
    }));
    await page.route(
      '**/api/aws-glue/v1/entity/default/component/glueetl/chain-executions*',
      route =>
        route.fulfill({
          json: {
            entityRef: 'component:default/glueetl',
            rows: nodes.map(n => ({
              nodeId: n.nodeId,
              title: n.jobName,
              kind: 'job',
            })),
            executions: [
              {
                id: 'jr_0',
                root: { runId: 'jr_0', jobName: 'chain-0', kind: 'MANUAL' },
                state: 'SUCCEEDED',
                startedOn: nodes[0].startedOn,
                completedOn: nodes[199].completedOn,
                nodes,
                problems: [],
              },
            ],
            limits: { executions: 14, maxNodes: 200 },
            problems: [],
          },
        }),
    );
    const began = Date.now();
    await page.goto('/catalog/default/component/glueetl/glue-executions');
    await expect(
      page.locator(
        '[data-testid="execution-timeline"] [data-testid^="execution-bar-"]',
      ),
    ).toHaveCount(200, { timeout: 60_000 });
    const ms = Date.now() - began;
    testInfo.annotations.push({
      type: 'timeline-200-nodes-ms',
      description: String(ms),
    });
    // eslint-disable-next-line no-console
    console.log(`timeline of 200 nodes rendered ${ms} ms after navigation`);
  });
});
