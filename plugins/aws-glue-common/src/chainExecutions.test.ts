import { parseGlueSla, readGlueSla } from './chainExecutions';

describe('parseGlueSla', () => {
  it.each([
    [
      '06:30 Europe/Berlin',
      { kind: 'time-of-day', hour: 6, minute: 30, zone: 'Europe/Berlin' },
    ],
    ['7:05', { kind: 'time-of-day', hour: 7, minute: 5, zone: 'UTC' }],
    ['PT2H30M', { kind: 'duration', seconds: 9000 }],
    ['2h', { kind: 'duration', seconds: 7200 }],
    ['45m', { kind: 'duration', seconds: 2700 }],
  ])('reads %s', (value, sla) => {
    expect(parseGlueSla(value)).toEqual({ sla });
  });

  it.each([
    ['06:30 Mars/Olympus', /'Mars\/Olympus' is not a time zone/],
    ['25:00', /is not an SLA/],
    ['soon', /is not an SLA/],
    ['', /is not an SLA/],
    ['PT0S', /is not an SLA/],
    ['200h', /at most 7 days/],
  ])('refuses %s and says why', (value, message) => {
    const read = parseGlueSla(value);
    expect('error' in read && read.error).toMatch(message);
  });

  it('names the annotation in the error of an entity', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'x',
        annotations: { 'aws.amazon.com/aws-glue-sla': 'tomorrow' },
      },
    };
    expect(readGlueSla(entity).error).toMatch(
      /^aws.amazon.com\/aws-glue-sla: 'tomorrow' is not an SLA/,
    );
    expect(readGlueSla({ ...entity, metadata: { name: 'x' } })).toEqual({});
  });
});
