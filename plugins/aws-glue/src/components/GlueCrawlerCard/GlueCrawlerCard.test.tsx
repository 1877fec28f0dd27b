import { screen, within } from '@testing-library/react';
import { GlueCrawlerCard } from './GlueCrawlerCard';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { renderForEntity } from '../../__testUtils__/render';
import {
  crawlerEntity,
  dependentJobEntity,
  salesAfterAggregateTrigger,
} from '../../__testUtils__/fixtures';

describe('GlueCrawlerCard', () => {
  it('shows database, schedule, targets and what starts it', async () => {
    await renderForEntity(<GlueCrawlerCard />, {
      entity: crawlerEntity,
      api: mockAwsGlueApi(),
      catalogEntities: [salesAfterAggregateTrigger],
    });
    expect(await screen.findByText('AWS Glue crawler')).toBeInTheDocument();
    expect(screen.getByText('sales')).toBeInTheDocument();
    expect(screen.getByText('cron(30 4 * * ? *)')).toBeInTheDocument();
    expect(screen.getByText('at 04:30 UTC, every day')).toBeInTheDocument();
    const targets = screen.getByRole('list', { name: 'Targets' });
    expect(
      within(targets).getByRole('link', {
        name: 's3://acme-curated/orders-aggregate/',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/s3-acme-curated-orders-aggregate',
    );
    expect(
      within(targets).getByText('crawls (crawler-target)'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'sales-after-aggregate' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/trigger-sales-after-aggregate',
    );
    expect(
      screen.getByText(
        'Starts crawler curated-orders-crawler when orders-aggregate SUCCEEDED',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('sales-pipeline')).toBeInTheDocument();
  });

  it('copes without schedule and lineage', async () => {
    const entity = {
      ...crawlerEntity,
      metadata: {
        ...crawlerEntity.metadata,
        annotations: {
          'aws.amazon.com/aws-glue-resource-kind': 'crawler',
          'aws.amazon.com/aws-glue-crawler-database': 'sales_eu',
        },
      },
      relations: [],
    };
    await renderForEntity(<GlueCrawlerCard />, {
      entity,
      api: mockAwsGlueApi(),
    });
    expect(await screen.findByText('sales_eu')).toBeInTheDocument();
    expect(
      screen.getByText('No schedule (started on demand or by a trigger)'),
    ).toBeInTheDocument();
    expect(screen.getByText('No targets recorded')).toBeInTheDocument();
  });

  it.each([
    ['[null]'],
    ['null'],
    ['[{"direction":"sideways","location":1}]'],
    ['{oops'],
  ])('renders a crawler with the lineage annotation %s', async lineage => {
    const entity = {
      ...crawlerEntity,
      metadata: {
        ...crawlerEntity.metadata,
        annotations: {
          ...crawlerEntity.metadata.annotations,
          'aws.amazon.com/aws-glue-lineage': lineage,
        },
      },
    };
    await renderForEntity(<GlueCrawlerCard />, {
      entity,
      api: mockAwsGlueApi(),
      catalogEntities: [
        {
          ...salesAfterAggregateTrigger,
          metadata: {
            ...salesAfterAggregateTrigger.metadata,
            annotations: {
              ...salesAfterAggregateTrigger.metadata.annotations,
              'aws.amazon.com/aws-glue-trigger-actions': '[null]',
            },
          },
        },
      ],
    });
    expect(await screen.findByText('AWS Glue crawler')).toBeInTheDocument();
    expect(screen.getByText('sales')).toBeInTheDocument();
  });

  it('asks for the annotations on other entities', async () => {
    await renderForEntity(<GlueCrawlerCard />, {
      entity: dependentJobEntity,
      api: mockAwsGlueApi(),
    });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
  });
});
