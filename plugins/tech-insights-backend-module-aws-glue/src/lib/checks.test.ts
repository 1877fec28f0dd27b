import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { awsGlueDefaultChecks, AWS_GLUE_CHECK_ID_PREFIX } from './checks';
import { awsGlueJobFactSchema } from './schema';

describe('awsGlueDefaultChecks', () => {
  it('has prefixed ids, a name and a description stating the threshold, and only schema facts', () => {
    const checks = awsGlueDefaultChecks({
      p95DurationSeconds: 3600,
      cost30d: 100,
    });
    expect(Object.keys(checks)).toEqual([
      'aws-glue-success-rate-7d',
      'aws-glue-success-rate-30d',
      'aws-glue-last-success',
      'aws-glue-bookmark',
      'aws-glue-retries',
      'aws-glue-timeout',
      'aws-glue-owner-group',
      'aws-glue-p95-duration',
      'aws-glue-cost-30d',
    ]);
    for (const [id, check] of Object.entries(checks)) {
      expect(id.startsWith(AWS_GLUE_CHECK_ID_PREFIX)).toBe(true);
      expect(check.name).toBeTruthy();
      expect(check.factIds).toEqual(['aws-glue-job-facts']);
      const conditions = Object.values(check.rule.conditions)[0];
      for (const condition of conditions) {
        expect(Object.keys(awsGlueJobFactSchema)).toContain(condition.fact);
      }
    }
    expect(checks['aws-glue-success-rate-7d'].description).toContain('90%');
    expect(checks['aws-glue-success-rate-30d'].description).toContain('95%');
    expect(checks['aws-glue-last-success'].description).toContain('2 days');
    expect(checks['aws-glue-timeout'].description).toContain(
      'below 2880 minutes',
    );
    expect(checks['aws-glue-p95-duration'].description).toContain(
      '3600 seconds',
    );
  });

  it('takes thresholds, and leaves the p95 and cost checks out unless given', () => {
    const checks = awsGlueDefaultChecks({ successRate7d: 0.8 });
    expect(Object.keys(checks)).not.toContain('aws-glue-p95-duration');
    expect(Object.keys(checks)).not.toContain('aws-glue-cost-30d');
    expect(checks['aws-glue-success-rate-7d'].description).toContain('80%');
    expect(JSON.stringify(checks['aws-glue-success-rate-7d'].rule)).toContain(
      '0.8',
    );
  });
});

describe("the demo's checks", () => {
  it('are the default checks with the optional p95 and cost checks, as the README shows them', () => {
    const appConfig = parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../../../app-config.yaml'),
        'utf8',
      ),
    );
    expect(appConfig.techInsights.factChecker.checks).toEqual(
      awsGlueDefaultChecks({ p95DurationSeconds: 3600, cost30d: 100 }),
    );
  });
});
