import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCliArgs, parseOutage, runCli } from './cli';
import { loadFixture } from './fixture';
import { DEMO_FIXTURE } from './__testUtils__';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
    out,
    err,
  };
}

describe('cli', () => {
  it('parses flags into emulator options', () => {
    const command = parseCliArgs(
      [
        '--fixture',
        DEMO_FIXTURE,
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--seed',
        '7',
        '--time-scale',
        '60',
        '--account',
        '111111111111',
        '--latency',
        '20,5',
        '--throttle-rate',
        '0.1',
        '--error-rate',
        '0.05',
        '--outage',
        'GetJobRuns',
        '--outage',
        'region:eu-west-1=503',
        '--fault-seed',
        '3',
        '--no-require-triggered-upstream',
      ],
      {},
    );
    expect(command.fixturePath).toBe(DEMO_FIXTURE);
    expect(command.options).toEqual({
      port: 0,
      host: '0.0.0.0',
      seed: 7,
      timeScale: 60,
      account: '111111111111',
      requireTriggeredUpstream: false,
      latency: { fixedMs: 20, jitterMs: 5 },
      faults: {
        throttleRate: 0.1,
        errorRate: 0.05,
        seed: 3,
        outages: [
          { operation: 'GetJobRuns' },
          { region: 'eu-west-1', status: 503 },
        ],
      },
    });
    expect(parseCliArgs([]).options.port).toBe(4599);
    expect(
      parseOutage('GetJobs+region:us-east-1+account:123456789012'),
    ).toEqual({
      operation: 'GetJobs',
      region: 'us-east-1',
      account: '123456789012',
    });
  });

  it.each([
    [['--port', 'x'], "--port must be a port 0-65535, got 'x'"],
    [
      ['--throttle-rate', '2'],
      "--throttle-rate must be a number 0..1, got '2'",
    ],
    [['--time-scale', '0'], '--time-scale must be a positive number'],
    [['--bogus'], "Unknown option '--bogus'"],
    [
      ['--generate', 'jobs=1', '--fixture', 'x.yaml'],
      'use either --fixture or --generate',
    ],
    [['--outage', 'zone:x'], "unknown selector 'zone'"],
  ])('rejects %j', async (argv, message) => {
    const { io, err } = capture();
    expect(await runCli(argv, io)).toBe(1);
    expect(err[0]).toContain(message);
  });

  it('takes the start time from --start-time or GLUE_EMULATOR_START_TIME', () => {
    expect(
      parseCliArgs(['--start-time', '2028-02-29T02:05:00Z'], {}).options
        .startTime,
    ).toEqual(new Date('2028-02-29T02:05:00Z'));
    expect(
      parseCliArgs([], { GLUE_EMULATOR_START_TIME: '2026-11-30' }).options
        .startTime,
    ).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(
      parseCliArgs(['--start-time', '2026-12-31T23:55:00+01:00'], {
        GLUE_EMULATOR_START_TIME: '2026-11-30',
      }).options.startTime,
    ).toEqual(new Date('2026-12-31T22:55:00Z'));
    expect(parseCliArgs([], {}).options.startTime).toBeUndefined();
  });

  it.each([
    ['2027-02-29', '--start-time'],
    ['2026-04-31T00:00:00Z', '--start-time'],
    ['2026-11-30T25:00:00Z', '--start-time'],
    ['2026-11-30T10:00:00', '--start-time'],
    ['yesterday', '--start-time'],
  ])('refuses the start time %s', (value, flag) => {
    expect(() => parseCliArgs([flag, value], {})).toThrow(
      `--start-time must be an ISO 8601 date or date-time with Z or an offset (e.g. 2028-02-29T02:05:00Z), got '${value}'`,
    );
  });

  it('names the environment variable when it holds a bad start time', () => {
    expect(() =>
      parseCliArgs([], { GLUE_EMULATOR_START_TIME: '2027-02-29' }),
    ).toThrow(/^GLUE_EMULATOR_START_TIME must be an ISO 8601 date/);
  });

  it('takes the events URL and drop rate from flags or GLUE_EMULATOR_EVENTS_URL / GLUE_EMULATOR_DROP_EVENTS', () => {
    const url = 'http://localhost:7007/api/events/http/aws-glue';
    expect(
      parseCliArgs(['--events-url', url, '--drop-events', '0.3'], {}).options,
    ).toMatchObject({ eventsUrl: url, dropEvents: 0.3 });
    expect(
      parseCliArgs([], {
        GLUE_EMULATOR_EVENTS_URL: url,
        GLUE_EMULATOR_DROP_EVENTS: '1',
      }).options,
    ).toMatchObject({ eventsUrl: url, dropEvents: 1 });
    // flags win over the environment; blank variables are unset
    expect(
      parseCliArgs(
        ['--events-url', 'https://events.example/in', '--drop-events', '0'],
        {
          GLUE_EMULATOR_EVENTS_URL: url,
          GLUE_EMULATOR_DROP_EVENTS: '0.5',
        },
      ).options,
    ).toMatchObject({ eventsUrl: 'https://events.example/in', dropEvents: 0 });
    const none = parseCliArgs([], {
      GLUE_EMULATOR_EVENTS_URL: '',
      GLUE_EMULATOR_DROP_EVENTS: ' ',
    }).options;
    expect(none.eventsUrl).toBeUndefined();
    expect(none.dropEvents).toBeUndefined();
  });

  it.each([
    [
      ['--drop-events', '1.5'],
      {},
      "--drop-events must be a number from 0 to 1 (the fraction of events never sent), got '1.5'",
    ],
    [
      ['--drop-events=-0.1'],
      {},
      "--drop-events must be a number from 0 to 1 (the fraction of events never sent), got '-0.1'",
    ],
    [
      ['--drop-events', 'lots'],
      {},
      "--drop-events must be a number from 0 to 1 (the fraction of events never sent), got 'lots'",
    ],
    [
      [],
      { GLUE_EMULATOR_DROP_EVENTS: '30%' },
      "GLUE_EMULATOR_DROP_EVENTS must be a number from 0 to 1 (the fraction of events never sent), got '30%'",
    ],
    [
      ['--events-url', 'localhost:7007/api/events'],
      {},
      "--events-url must be an http(s) URL, e.g. http://localhost:7007/api/events/http/aws-glue, got 'localhost:7007/api/events'",
    ],
    [
      [],
      { GLUE_EMULATOR_EVENTS_URL: 'ftp://x/' },
      "GLUE_EMULATOR_EVENTS_URL must be an http(s) URL, e.g. http://localhost:7007/api/events/http/aws-glue, got 'ftp://x/'",
    ],
  ])('refuses %j %j', (argv, env, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(message);
  });

  it('says where events go when it starts, and still stops on SIGTERM', async () => {
    const bin = resolve(__dirname, '../bin/glue-emulator');
    const child = spawn(
      process.execPath,
      [
        bin,
        '--port',
        '0',
        '--drop-events',
        '0.25',
        '--events-url',
        'http://127.0.0.1:9/api/events/http/aws-glue',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = await new Promise<string[]>((done, fail) => {
      let buffer = '';
      child.stdout.on('data', chunk => {
        buffer += chunk;
        const got = buffer.split('\n');
        if (got.length > 2) done(got.slice(0, 2));
      });
      child.stderr.on('data', chunk => fail(new Error(String(chunk))));
      child.on('exit', code => fail(new Error(`exited with ${code}`)));
    });
    expect(lines[0]).toMatch(/^glue-emulator listening on /);
    expect(lines[1]).toBe(
      'glue-emulator: sending Glue events to http://127.0.0.1:9/api/events/http/aws-glue (dropping 25% on purpose)',
    );
    const code = await new Promise<number | null>(done => {
      child.removeAllListeners('exit');
      child.on('exit', c => done(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 30_000);

  it('prints help', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out[0]).toContain('--fixture FILE');
    expect(out[0]).toContain('--no-require-triggered-upstream');
  });

  it('fails with the file, path and problem for a bad fixture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glue-emulator-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      "accounts:\n  - accountId: '123456789012'\n    regions:\n      us-east-1:\n        jobs: [{ Name: a }]\n",
    );
    const { io, err } = capture();
    expect(await runCli(['--fixture', file], io)).toBe(1);
    expect(err[0].split('\n')).toEqual([
      `${file}: accounts[0].regions.us-east-1.jobs[0].Role: is required`,
      `${file}: accounts[0].regions.us-east-1.jobs[0].Command: is required`,
    ]);
  });

  it('writes a generated fixture as YAML that loads again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glue-emulator-'));
    const file = join(dir, 'big.yaml');
    const { io, out } = capture();
    expect(
      await runCli(
        [
          '--generate',
          'jobs=50,triggers=12,workflows=2,crawlers=3,seed=9',
          '--write-fixture',
          file,
        ],
        io,
      ),
    ).toBe(0);
    expect(out[0]).toBe(`glue-emulator: wrote ${file}`);
    const fixture = loadFixture(file);
    expect(fixture.seed).toBe(9);
    expect(fixture.accounts[0].regions['us-east-1'].jobs).toHaveLength(50);
    expect(readFileSync(file, 'utf8')).toContain('CONDITIONAL');
  });

  it('starts from bin/glue-emulator, prints one ready line and stops on SIGTERM', async () => {
    const bin = resolve(__dirname, '../bin/glue-emulator');
    const child = spawn(
      process.execPath,
      [bin, '--fixture', DEMO_FIXTURE, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const line = await new Promise<string>((done, fail) => {
      let buffer = '';
      child.stdout.on('data', chunk => {
        buffer += chunk;
        if (buffer.includes('\n')) done(buffer.split('\n')[0]);
      });
      child.stderr.on('data', chunk => fail(new Error(String(chunk))));
      child.on('exit', code => fail(new Error(`exited with ${code}`)));
    });
    expect(line).toMatch(
      /^glue-emulator listening on http:\/\/127\.0\.0\.1:\d+ \(42 jobs, 35 triggers, 2 workflows, 4 crawlers in 2 accounts\/regions\)$/,
    );
    const url = /(http:\/\/[^ ]+)/.exec(line)![1];
    const health = await (await fetch(`${url}/_emulator/health`)).json();
    expect(health.status).toBe('ok');
    const code = await new Promise<number | null>(done => {
      child.removeAllListeners('exit');
      child.on('exit', c => done(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 30_000);
});
