import { DEFAULT_SECTIONS, parseBenchArgs, BenchOptions } from './cli';

const parse = (...argv: string[]) => parseBenchArgs(argv) as BenchOptions;

describe('parseBenchArgs', () => {
  it('leaves the run index and the drills out of a plain run', () => {
    expect(parse().sections).toEqual(['sync', 'ingestion', 'routes']);
    expect(parse('--quick').sections).toEqual(DEFAULT_SECTIONS);
    expect(DEFAULT_SECTIONS).not.toContain('runindex');
  });

  it('runs the run index on request', () => {
    expect(parse('--only', 'runindex').sections).toEqual(['runindex']);
    expect(parse('--only', 'sync,runindex').sections).toEqual([
      'sync',
      'runindex',
    ]);
  });

  it('runs the run-index drill in full drills, in --quick only on request', () => {
    expect(parse('--only', 'drills').runIndexDrill).toBe(true);
    expect(parse('--only', 'drills', '--quick').runIndexDrill).toBe(false);
    expect(
      parse('--only', 'drills', '--quick', '--run-index-drill').runIndexDrill,
    ).toBe(true);
  });

  it('rejects an unknown section', () => {
    expect(() => parseBenchArgs(['--only', 'nope'])).toThrow(/unknown section/);
  });
});
