import { screen, within } from '@testing-library/react';
import { GlueTriggerCard } from './GlueTriggerCard';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { renderForEntity } from '../../__testUtils__/render';
import {
  dependentJobEntity,
  scheduledTriggerEntity,
  triggerEntity,
  triggeringJobEntity,
} from '../../__testUtils__/fixtures';

describe('GlueTriggerCard', () => {
  it('renders the conditions in words with linked jobs and the actions with redacted arguments', async () => {
    const api = mockAwsGlueApi();
    await renderForEntity(<GlueTriggerCard />, {
      entity: triggerEntity,
      api,
      catalogEntities: [triggeringJobEntity, dependentJobEntity],
    });
    expect(await screen.findByText('AWS Glue trigger')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Conditional')).toBeInTheDocument();
    expect(screen.getByText('ACTIVATED')).toBeInTheDocument();
    expect(
      screen.getByText('Fires when ALL (AND) of these hold:'),
    ).toBeInTheDocument();

    const conditions = screen.getByRole('list', { name: 'Conditions' });
    expect(
      await within(conditions).findByRole('link', { name: 'triggering_job' }),
    ).toHaveAttribute('href', '/catalog/default/component/triggering_job');
    // the crawler is not in the catalog: plain text
    expect(within(conditions).getByText('raw-crawler')).toBeInTheDocument();
    expect(within(conditions).getAllByText('SUCCEEDED')).toHaveLength(2);
    expect(
      screen.getByText(
        'In words: triggering_job SUCCEEDED and crawler raw-crawler SUCCEEDED',
      ),
    ).toBeInTheDocument();

    const actions = screen.getByRole('list', { name: 'Actions' });
    expect(
      await within(actions).findByRole('link', {
        name: 'freshers_in_dependent_job',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/freshers_in_dependent_job',
    );
    expect(within(actions).getByText('(timeout 30m 00s)')).toBeInTheDocument();
    expect(within(actions).getByText('--dependency-param')).toBeInTheDocument();
    expect(within(actions).getByText('from-trigger')).toBeInTheDocument();
    expect(within(actions).getByText('--db-password')).toBeInTheDocument();
    expect(within(actions).getByText('redacted')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open in the AWS Glue console/ }),
    ).toHaveAttribute('href', triggerEntity.metadata.links![0].url);
  });

  it('renders a schedule in words and a deactivated state', async () => {
    await renderForEntity(<GlueTriggerCard />, {
      entity: scheduledTriggerEntity,
      api: mockAwsGlueApi(),
    });
    expect(
      await screen.findByText('cron(0 7 ? * MON-FRI *)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('at 07:00 UTC, Monday to Friday'),
    ).toBeInTheDocument();
    expect(screen.getByText('Scheduled')).toBeInTheDocument();
    expect(screen.getByText('DEACTIVATED')).toBeInTheDocument();
    expect(screen.getByText('legacy_crm_sync')).toBeInTheDocument();
    expect(screen.queryByText('Conditions')).not.toBeInTheDocument();
  });

  it('warns about a broken predicate and missing references', async () => {
    const entity = {
      ...triggerEntity,
      metadata: {
        ...triggerEntity.metadata,
        annotations: {
          ...triggerEntity.metadata.annotations,
          'aws.amazon.com/aws-glue-trigger-predicate': '{broken',
          'aws.amazon.com/aws-glue-missing-references': 'old_job,crawler c',
        },
      },
    };
    await renderForEntity(<GlueTriggerCard />, {
      entity,
      api: mockAwsGlueApi(),
    });
    expect(
      await screen.findByText(/^The predicate annotation is not valid JSON/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Refers to old_job, crawler c, which the catalog does not have (missing in Glue or filtered out).',
      ),
    ).toBeInTheDocument();
  });

  it.each([
    ['null conditions and actions', '{"Conditions":[null]}', '[null]'],
    ['a list predicate and null actions', '[null]', 'null'],
    [
      'conditions and actions of the wrong types',
      '{"Logical":"AND","Conditions":[{"JobName":1},"x",{"JobName":"triggering_job","State":"SUCCEEDED"}]}',
      '[{"JobName":{}},{"JobName":"freshers_in_dependent_job","Arguments":{"--n":1}}]',
    ],
  ])(
    'renders a hand-written trigger with %s',
    async (_, predicate, actions) => {
      const entity = {
        ...triggerEntity,
        metadata: {
          ...triggerEntity.metadata,
          annotations: {
            ...triggerEntity.metadata.annotations,
            'aws.amazon.com/aws-glue-trigger-predicate': predicate,
            'aws.amazon.com/aws-glue-trigger-actions': actions,
          },
        },
      };
      await renderForEntity(<GlueTriggerCard />, {
        entity,
        api: mockAwsGlueApi(),
        catalogEntities: [triggeringJobEntity, dependentJobEntity],
      });
      expect(await screen.findByText('AWS Glue trigger')).toBeInTheDocument();
      expect(screen.getByText('Conditional')).toBeInTheDocument();
    },
  );

  it('shows the conditions that parse next to ones that do not', async () => {
    const entity = {
      ...triggerEntity,
      metadata: {
        ...triggerEntity.metadata,
        annotations: {
          ...triggerEntity.metadata.annotations,
          'aws.amazon.com/aws-glue-trigger-predicate':
            '{"Conditions":[null,{"JobName":"triggering_job","State":"FAILED"}]}',
          'aws.amazon.com/aws-glue-trigger-actions': '[null]',
        },
      },
    };
    await renderForEntity(<GlueTriggerCard />, {
      entity,
      api: mockAwsGlueApi(),
      catalogEntities: [triggeringJobEntity],
    });
    expect(
      await screen.findByText('In words: triggering_job FAILED'),
    ).toBeInTheDocument();
    const conditions = screen.getByRole('list', { name: 'Conditions' });
    expect(within(conditions).getByText('FAILED')).toBeInTheDocument();
    expect(screen.getByText('Nothing')).toBeInTheDocument();
  });

  it('asks for the annotations on other entities', async () => {
    await renderForEntity(<GlueTriggerCard />, {
      entity: dependentJobEntity,
      api: mockAwsGlueApi(),
    });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
  });
});
