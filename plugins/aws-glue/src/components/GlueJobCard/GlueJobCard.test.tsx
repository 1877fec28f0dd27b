import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { GLUE_ANNOTATIONS } from '@aws-glue-backstage/plugin-aws-glue-common';
import { GlueJobCard } from './GlueJobCard';
import { chainNeighbours } from './GlueJobCard';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import { mockSignalApi } from '../../__testUtils__/signals';
import {
  dependentJobChain,
  dependentJobEntity,
  jobArn,
  makeJob,
  makeRun,
  multiJobEntity,
  plainEntity,
  triggerEntity,
} from '../../__testUtils__/fixtures';

const bookmark = {
  jobName: 'freshers_in_dependent_job',
  jobArn: 'arn',
  option: 'job-bookmark-enable',
  entry: { version: 3, run: 12, attempt: 0, runId: 'jr_bookmarked' },
};

function fieldValue(label: string): HTMLElement {
  const heading = screen.getByRole('heading', { name: label });
  return heading.parentElement as HTMLElement;
}

async function findField(label: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: label });
  return heading.parentElement as HTMLElement;
}

describe('GlueJobCard', () => {
  it('shows the configuration, last run, owner, chain, bookmark and links', async () => {
    const api = mockAwsGlueApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getBookmark: async () => bookmark,
      getChain: async () => dependentJobChain,
    });
    await renderForEntity(<GlueJobCard />, {
      entity: dependentJobEntity,
      api,
      catalogEntities: [triggerEntity],
    });

    expect(await screen.findByText('AWS Glue job')).toBeInTheDocument();
    expect(
      within(fieldValue('Type')).getByText('Spark ETL (glueetl)'),
    ).toBeInTheDocument();
    expect(
      within(fieldValue('Glue version')).getByText('4.0'),
    ).toBeInTheDocument();
    expect(
      within(fieldValue('Workers')).getByText('G.1X × 5 workers'),
    ).toBeInTheDocument();
    expect(
      within(fieldValue('Timeout')).getByText('45m 00s'),
    ).toBeInTheDocument();
    expect(within(fieldValue('Retries')).getByText('0')).toBeInTheDocument();
    expect(
      within(fieldValue('Max concurrent runs')).getByText('1'),
    ).toBeInTheDocument();
    expect(
      within(fieldValue('Last run')).getByText('FAILED'),
    ).toBeInTheDocument();
    expect(
      within(fieldValue('Last run')).getByText(/^started .+, 7m 00s$/),
    ).toBeInTheDocument();
    expect(
      within(fieldValue('Owner')).getByText('data-platform'),
    ).toBeInTheDocument();

    // what starts it: the trigger entity's description from the catalog
    await waitFor(() =>
      expect(
        within(fieldValue('Started by')).getByText(
          'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
        ),
      ).toBeInTheDocument(),
    );
    expect(
      within(fieldValue('Started by')).getByRole('link', {
        name: 'start-freshers-in-dependent-job',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/trigger-start-freshers-in-dependent-job',
    );
    // what it starts: the reader of its output dataset
    await waitFor(() =>
      expect(
        within(fieldValue('Starts')).getByRole('link', { name: 'report_job' }),
      ).toHaveAttribute('href', '/catalog/default/component/report_job'),
    );
    expect(
      within(fieldValue('Starts')).getByText(
        'reads s3://freshers-in/dependent-output/',
      ),
    ).toBeInTheDocument();

    await waitFor(() =>
      expect(
        within(fieldValue('Bookmark')).getByText(
          'Enabled, at run 12 (attempt 0), jr_bookmarked',
        ),
      ).toBeInTheDocument(),
    );
    expect(api.getBookmark).toHaveBeenCalledWith(
      {
        kind: 'Component',
        namespace: 'default',
        name: 'freshers_in_dependent_job',
      },
      { job: jobArn('freshers_in_dependent_job') },
    );
    expect(api.getChain).toHaveBeenCalledWith(expect.anything(), {
      direction: 'both',
      depth: 2,
    });

    expect(
      screen.getByRole('link', { name: /^Open in the AWS Glue console/ }),
    ).toHaveAttribute('href', makeJob().consoleUrl);
    expect(screen.getByRole('link', { name: /^Script:/ })).toHaveAttribute(
      'href',
      'https://s3.console.aws.amazon.com/s3/object/freshers-in?region=us-east-1&prefix=scripts%2Fdependent_job.py',
    );
  });

  it('says a trigger description that repeats the generated sentence once (glueetl)', async () => {
    const repeated =
      'Starts glueetl when upstream\\_job SUCCEEDED. Starts glueetl when upstream\\_job SUCCEEDED \\(glueetl reads what upstream\\_job writes\\)';
    const once =
      'Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)';
    const trigger = {
      ...triggerEntity,
      metadata: {
        ...triggerEntity.metadata,
        description: repeated,
        annotations: {
          ...triggerEntity.metadata.annotations,
          [GLUE_ANNOTATIONS.triggerActions]: JSON.stringify([
            { JobName: 'glueetl' },
          ]),
        },
      },
    };
    const api = mockAwsGlueApi({
      getJobs: async () => ({ jobs: [makeJob({ name: 'glueetl' })] }),
      getBookmark: async () => bookmark,
      getChain: async () => dependentJobChain,
    });
    await renderForEntity(<GlueJobCard />, {
      entity: dependentJobEntity,
      api,
      catalogEntities: [trigger],
    });
    await waitFor(() =>
      expect(
        within(fieldValue('Started by')).getByText(once),
      ).toBeInTheDocument(),
    );
    expect(
      within(fieldValue('Started by')).queryByText(/SUCCEEDED\. Starts/),
    ).not.toBeInTheDocument();
  });

  it('lets the user switch between the jobs of a multi-job entity', async () => {
    const api = mockAwsGlueApi({
      getJobs: async () => ({
        jobs: [
          makeJob({
            name: 'triggering_job',
            workerType: 'G.1X',
            numberOfWorkers: 10,
          }),
          makeJob({ name: 'freshers_in_dependent_job' }),
        ],
      }),
      getBookmark: async () => bookmark,
      getChain: async () => dependentJobChain,
    });
    await renderForEntity(<GlueJobCard />, { entity: multiJobEntity, api });

    expect(await screen.findByText('G.1X × 10 workers')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Job' }));
    await userEvent.click(
      await screen.findByRole('option', { name: /freshers_in_dependent_job/ }),
    );
    expect(await screen.findByText('G.1X × 5 workers')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getBookmark).toHaveBeenLastCalledWith(expect.anything(), {
        job: jobArn('freshers_in_dependent_job'),
      }),
    );
    // a hand-written entity has no trigger relations: the chain's triggers are used
    await waitFor(() =>
      expect(
        within(fieldValue('Started by')).getByRole('link', {
          name: 'start-freshers-in-dependent-job',
        }),
      ).toBeInTheDocument(),
    );
  });

  it('loads the job again when a signal says its run changed', async () => {
    const signals = mockSignalApi();
    let state = 'RUNNING';
    const api = mockAwsGlueApi({
      getJobs: async () => ({
        jobs: [makeJob({ latestRun: makeRun({ id: 'jr_live', state }) })],
      }),
      getBookmark: async () => bookmark,
      getChain: async () => dependentJobChain,
    });
    await renderForEntity(<GlueJobCard />, {
      entity: dependentJobEntity,
      api,
      signalApi: signals.api,
    });
    expect(
      await within(await findField('Last run')).findByText('RUNNING'),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getBookmark).toHaveBeenCalledTimes(1));

    await signals.publishRunChange(jobArn('someone_elses_job'));
    expect(api.getJobs).toHaveBeenCalledTimes(1);

    state = 'SUCCEEDED';
    await signals.publishRunChange(jobArn('freshers_in_dependent_job'));
    expect(
      await within(fieldValue('Last run')).findByText('SUCCEEDED'),
    ).toBeInTheDocument();
    expect(api.getJobs).toHaveBeenCalledTimes(2);
    // the finished run moved the bookmark: asked for again
    await waitFor(() => expect(api.getBookmark).toHaveBeenCalledTimes(2));
  });

  it('shows progress while loading', async () => {
    const api = mockAwsGlueApi({ getJobs: () => never() });
    await renderForEntity(<GlueJobCard />, { entity: dependentJobEntity, api });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'Error', message: 'Glue exploded' },
          response: { statusCode: 500 },
        }),
        { status: 500, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const api = mockAwsGlueApi({
      getJobs: async () => {
        throw error;
      },
    });
    await renderForEntity(<GlueJobCard />, { entity: dependentJobEntity, api });
    expect(
      (await screen.findAllByText(/Glue exploded/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says why when the caller may not see the job (403)', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'Access denied to job' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const api = mockAwsGlueApi({
      getJobs: async () => {
        throw error;
      },
    });
    await renderForEntity(<GlueJobCard />, { entity: dependentJobEntity, api });
    expect(
      await screen.findByText('You may not see these AWS Glue runs'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Access denied to job/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says when the backend finds no jobs', async () => {
    const api = mockAwsGlueApi({ getJobs: async () => ({ jobs: [] }) });
    await renderForEntity(<GlueJobCard />, { entity: dependentJobEntity, api });
    expect(await screen.findByText('No Glue jobs found')).toBeInTheDocument();
  });

  it('asks for the job ARN annotation on other entities', async () => {
    const api = mockAwsGlueApi();
    await renderForEntity(<GlueJobCard />, { entity: plainEntity, api });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/aws\.amazon\.com\/aws-glue-job-arn/).length,
    ).toBeGreaterThan(0);
    expect(api.getJobs).not.toHaveBeenCalled();
  });
});

describe('chainNeighbours', () => {
  it('lists upstream triggers and downstream jobs', () => {
    const { startedBy, starts } = chainNeighbours(dependentJobChain);
    expect(startedBy).toEqual([
      {
        key: 'resource:default/trigger-start-freshers-in-dependent-job',
        entityRef: 'resource:default/trigger-start-freshers-in-dependent-job',
        title: 'start-freshers-in-dependent-job',
        detail:
          'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
      },
    ]);
    expect(starts).toEqual([
      {
        key: 'component:default/report_job:resource:default/s3-freshers-in-dependent-output',
        entityRef: 'component:default/report_job',
        title: 'report_job',
        detail: 'reads s3://freshers-in/dependent-output/',
      },
    ]);
  });
});
