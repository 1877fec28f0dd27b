import { isPlainArgumentKey } from './argumentKeys';

describe('isPlainArgumentKey', () => {
  it.each([
    '--input',
    '--output_path',
    '--conf.spark.x',
    '--run-date',
    `--${'a'.repeat(126)}`,
  ])('takes %j', key => {
    expect(isPlainArgumentKey(key)).toBe(true);
  });

  it.each([
    '--input --extra-py-files s3://evil/x.py',
    '--input=s3://evil/',
    '--input\t--extra',
    '--input\u0000',
    '--input\u001b[31m',
    `--${'a'.repeat(127)}`,
    '-input',
    'input',
    '--',
    '---input',
    '--inpüt',
  ])('refuses %j', key => {
    expect(isPlainArgumentKey(key)).toBe(false);
  });
});
