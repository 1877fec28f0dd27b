/*
 * The `glue-emulator` command line.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import {
  GlueEmulator,
  GlueEmulatorOptions,
  startGlueEmulator,
} from './emulator';
import { Fixture, FixtureError, loadFixture } from './fixture';
import type { OutageOptions } from './faults';
import { generateFixture, parseGenerateSpec } from './generate';

export const DEFAULT_PORT = 4599;
/** How long a SIGINT / SIGTERM waits for pending events to be delivered. */
const SHUTDOWN_FLUSH_MS = 2_000;

export const HELP = `glue-emulator — a local AWS Glue endpoint (AWS JSON 1.1) for development, tests and benchmarks

Usage:
  glue-emulator --fixture FILE [options]
  glue-emulator --generate SPEC [--write-fixture FILE] [options]

Data:
  --fixture FILE            YAML fixture (accounts, regions, jobs, triggers, workflows, crawlers)
  --generate SPEC           generate a large account instead, e.g.
                            jobs=20000,triggers=5000,workflows=200,crawlers=500,accounts=1,regions=us-east-1+eu-west-1,seed=1
                            (counts are per account and region)
  --write-fixture FILE      write the (loaded or generated) fixture as YAML and exit
  --account ID              account for requests whose access key is not a 12-digit account id
                            (default: the fixture's defaultAccount, else its first account)
  --seed N                  seed of the generated run history (default: the fixture's seed, else 42)
  --start-time TIME         the emulated time at start-up, e.g. 2028-02-29T02:05:00Z (ISO 8601 with Z or an
                            offset; a date alone is midnight UTC). The history ends there and the clock runs on
                            from it. Default: \$GLUE_EMULATOR_START_TIME, else now

Server:
  --port N                  port (default ${DEFAULT_PORT}; 0 picks a free port)
  --host HOST               interface (default 127.0.0.1)

Simulation:
  --time-scale N            emulated seconds per real second (default 1; 60 turns a 10-minute run into 10 s,
                            and runs the clock 60x fast: timestamps drift ahead of real time)
  --duration-scale N        live runs and crawls finish N times faster on the real clock (default 1;
                            timestamps stay real; what the demo uses)
  --no-require-triggered-upstream
                            let runs started with StartJobRun fire conditional triggers
                            (real Glue only reacts to runs a trigger started)

Faults:
  --latency MS[,JITTER]     add MS (+ random 0..JITTER) milliseconds to every call
  --throttle-rate R         probability 0..1 of ThrottlingException (400 "Rate exceeded")
  --error-rate R            probability 0..1 of InternalServiceException (500)
  --outage SPEC[=STATUS]    fail matching calls with InternalServiceException (or STATUS); repeatable.
                            SPEC is OPERATION, region:REGION, account:ID, or several joined by '+',
                            e.g. --outage GetJobRuns --outage region:eu-west-1 --outage GetJobs+region:us-east-1=503
  --fault-seed N            seed of the fault PRNG (default 1)
  --drop-events R           fraction 0..1 of EventBridge events never sent, decided from --seed
                            (default: \$GLUE_EMULATOR_DROP_EVENTS, else 0)

Events:
  --events-url URL          POST every "Glue Job State Change" / "Glue Crawler State Change" event as JSON
                            to URL, best-effort with retries, e.g. http://localhost:7007/api/events/http/aws-glue
                            (default: \$GLUE_EMULATOR_EVENTS_URL, else none)

  -h, --help                show this help

Admin endpoint: GET /_emulator/health, GET /_emulator/stats, POST /_emulator/stats/reset,
GET|POST /_emulator/faults, POST /_emulator/faults/reset, POST /_emulator/tick,
GET|PUT /_emulator/events

Job run arguments: --emulator-outcome SUCCEEDED|FAILED|TIMEOUT|ERROR makes a run end in that state;
--emulator-error-message TEXT sets the ErrorMessage of a FAILED / ERROR one.
`;

/** What the command line asks for. */
export interface CliCommand {
  help: boolean;
  /** Fixture path (resolved) when --fixture was given. */
  fixturePath?: string;
  generateSpec?: string;
  writeFixture?: string;
  options: GlueEmulatorOptions;
}

/** Thrown for bad command lines. */
export class CliError extends Error {}

function number(
  flag: string,
  value: string | undefined,
  check: (n: number) => boolean,
  what: string,
) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new CliError(`--${flag} must be ${what}, got '${value}'`);
  }
  return n;
}

const isRate = (n: number) => n >= 0 && n <= 1;

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses `--start-time`: an ISO 8601 date (midnight UTC) or date-time with
 * `Z` or an offset, refusing dates that do not exist (2027-02-29) rather
 * than rolling them over as `Date` does.
 */
export function parseStartTime(value: string, source = '--start-time'): Date {
  const m = ISO_TIME.exec(value.trim());
  const date = m
    ? new Date(m[4] ? value.trim() : `${value.trim()}T00:00:00Z`)
    : undefined;
  const [, y, mo, d, h = '00', mi = '00', sec = '00'] = m ?? [];
  const valid =
    date !== undefined &&
    !Number.isNaN(date.getTime()) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(sec) < 60 &&
    new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
      .toISOString()
      .startsWith(`${y}-${mo}-${d}`);
  if (!valid) {
    throw new CliError(
      `${source} must be an ISO 8601 date or date-time with Z or an offset (e.g. 2028-02-29T02:05:00Z), got '${value}'`,
    );
  }
  return date!;
}

/** Parses `GetJobRuns+region:eu-west-1=503`. */
export function parseOutage(spec: string): OutageOptions {
  const [what, status] = spec.split('=');
  const outage: OutageOptions = {};
  for (const part of what.split('+').filter(Boolean)) {
    const [key, value] = part.includes(':') ? part.split(':') : ['op', part];
    if (!value) throw new CliError(`--outage: empty value in '${spec}'`);
    if (key === 'region') outage.region = value;
    else if (key === 'account') outage.account = value;
    else if (key === 'op' || key === 'operation') outage.operation = value;
    else
      throw new CliError(
        `--outage: unknown selector '${key}' in '${spec}' (use OPERATION, region:R, account:ID)`,
      );
  }
  if (status !== undefined) {
    outage.status = number(
      'outage',
      status,
      n => Number.isInteger(n) && n >= 400 && n <= 599,
      'an HTTP status 400-599',
    )!;
  }
  return outage;
}

/** Resolves a fixture path against the cwd, then npm's INIT_CWD (for `npm start -w`). */
export function resolveFixturePath(
  path: string,
  cwd = process.cwd(),
  initCwd = process.env.INIT_CWD,
) {
  if (isAbsolute(path)) return path;
  const direct = resolve(cwd, path);
  if (existsSync(direct) || !initCwd) return direct;
  const fromInit = resolve(initCwd, path);
  return existsSync(fromInit) ? fromInit : direct;
}

/** `--latency MS[,JITTER]`. */
function parseLatency(value: string): GlueEmulatorOptions['latency'] {
  const [fixed, jitter] = value.split(',');
  const what = 'MS[,JITTER] with non-negative numbers';
  return {
    fixedMs: number('latency', fixed, n => n >= 0, what),
    jitterMs: number('latency', jitter, n => n >= 0, what),
  };
}

type CliValues = Record<string, string | boolean | string[] | undefined>;

/** --throttle-rate, --error-rate, --fault-seed, --outage. */
function faultOptions(values: CliValues): GlueEmulatorOptions['faults'] {
  const str = (flag: string) => values[flag] as string | undefined;
  const faults: GlueEmulatorOptions['faults'] = {};
  const throttle = number(
    'throttle-rate',
    str('throttle-rate'),
    isRate,
    'a number 0..1',
  );
  const error = number(
    'error-rate',
    str('error-rate'),
    isRate,
    'a number 0..1',
  );
  const faultSeed = number(
    'fault-seed',
    str('fault-seed'),
    Number.isInteger,
    'an integer',
  );
  const outages = values.outage as string[] | undefined;
  if (throttle !== undefined) faults.throttleRate = throttle;
  if (error !== undefined) faults.errorRate = error;
  if (faultSeed !== undefined) faults.seed = faultSeed;
  if (outages?.length) faults.outages = outages.map(parseOutage);
  return faults;
}

/** A flag's value, else its environment variable's (blank = unset), with the name to blame. */
function flagOrEnv(
  values: CliValues,
  flag: string,
  env: NodeJS.ProcessEnv,
  variable: string,
): { value?: string; source: string } {
  const given = values[flag] as string | undefined;
  if (given !== undefined) return { value: given, source: `--${flag}` };
  const fromEnv = env[variable];
  return {
    value: fromEnv === undefined || fromEnv.trim() === '' ? undefined : fromEnv,
    source: variable,
  };
}

/** --events-url / GLUE_EMULATOR_EVENTS_URL, --drop-events / GLUE_EMULATOR_DROP_EVENTS. */
function eventOptions(
  values: CliValues,
  env: NodeJS.ProcessEnv,
): Pick<GlueEmulatorOptions, 'eventsUrl' | 'dropEvents'> {
  const options: Pick<GlueEmulatorOptions, 'eventsUrl' | 'dropEvents'> = {};
  const url = flagOrEnv(values, 'events-url', env, 'GLUE_EMULATOR_EVENTS_URL');
  if (url.value !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(url.value).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new CliError(
        `${url.source} must be an http(s) URL, e.g. http://localhost:7007/api/events/http/aws-glue, got '${url.value}'`,
      );
    }
    options.eventsUrl = url.value;
  }
  const drop = flagOrEnv(
    values,
    'drop-events',
    env,
    'GLUE_EMULATOR_DROP_EVENTS',
  );
  if (drop.value !== undefined) {
    const rate = Number(drop.value);
    if (drop.value.trim() === '' || !Number.isFinite(rate) || !isRate(rate)) {
      throw new CliError(
        `${drop.source} must be a number from 0 to 1 (the fraction of events never sent), got '${drop.value}'`,
      );
    }
    options.dropEvents = rate;
  }
  return options;
}

/** Parses the command line (without the node and script arguments). */
export function parseCliArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        fixture: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'start-time': { type: 'string' },
        'time-scale': { type: 'string' },
        'duration-scale': { type: 'string' },
        account: { type: 'string' },
        latency: { type: 'string' },
        'throttle-rate': { type: 'string' },
        'error-rate': { type: 'string' },
        outage: { type: 'string', multiple: true },
        'fault-seed': { type: 'string' },
        'drop-events': { type: 'string' },
        'events-url': { type: 'string' },
        generate: { type: 'string' },
        'write-fixture': { type: 'string' },
        'no-require-triggered-upstream': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (values.help) {
    return { help: true, options: {} };
  }
  if (values.fixture && values.generate) {
    throw new CliError('use either --fixture or --generate, not both');
  }
  const options: GlueEmulatorOptions = {
    port:
      number(
        'port',
        values.port,
        n => Number.isInteger(n) && n >= 0 && n <= 65535,
        'a port 0-65535',
      ) ?? DEFAULT_PORT,
    host: values.host,
    seed: number('seed', values.seed, Number.isInteger, 'an integer'),
    timeScale: number(
      'time-scale',
      values['time-scale'],
      n => n > 0,
      'a positive number',
    ),
    durationScale: number(
      'duration-scale',
      values['duration-scale'],
      n => n > 0,
      'a positive number',
    ),
    requireTriggeredUpstream: values['no-require-triggered-upstream']
      ? false
      : undefined,
  };
  const startTime = values['start-time'] ?? env.GLUE_EMULATOR_START_TIME;
  if (startTime !== undefined && startTime !== '') {
    options.startTime = parseStartTime(
      startTime,
      values['start-time'] !== undefined
        ? '--start-time'
        : 'GLUE_EMULATOR_START_TIME',
    );
  }
  if (values.account !== undefined) {
    if (!/^\d{12}$/.test(values.account)) {
      throw new CliError(
        `--account must be a 12-digit account id, got '${values.account}'`,
      );
    }
    options.account = values.account;
  }
  if (values.latency !== undefined) {
    options.latency = parseLatency(values.latency);
  }
  options.faults = faultOptions(values);
  Object.assign(options, eventOptions(values, env));
  if (values.generate !== undefined) {
    try {
      parseGenerateSpec(values.generate);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  }
  return {
    help: false,
    fixturePath: values.fixture
      ? resolveFixturePath(values.fixture)
      : undefined,
    generateSpec: values.generate,
    writeFixture: values['write-fixture'],
    options,
  };
}

interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CliIo = {
  out: line => process.stdout.write(`${line}\n`),
  err: line => process.stderr.write(`${line}\n`),
};

/** SIGINT / SIGTERM: give pending events a moment, stop, exit 0. */
function stopOnSignals(emulator: GlueEmulator) {
  const shutdown = () => {
    // What is still pending after the wait counts as failed.
    const flushed = Promise.race([
      emulator.events.flush(),
      new Promise(done => setTimeout(done, SHUTDOWN_FLUSH_MS).unref()),
    ]);
    flushed
      .then(() => emulator.stop())
      .then(
        () => process.exit(0),
        () => process.exit(0),
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** The ready line (always the first), then what is worth knowing. */
function announce(
  io: CliIo,
  options: GlueEmulatorOptions,
  emulator: GlueEmulator,
) {
  const s = emulator.summary;
  io.out(
    `glue-emulator listening on ${emulator.url} (${s.jobs} jobs, ${s.triggers} triggers, ${s.workflows} workflows, ${s.crawlers} crawlers in ${s.regions} accounts/regions)`,
  );
  if (options.startTime) {
    io.out(
      `glue-emulator: emulated clock started at ${new Date(
        emulator.state.simulation.startMs,
      ).toISOString()}`,
    );
  }
  if (options.eventsUrl) {
    const rate = options.dropEvents ?? 0;
    io.out(
      `glue-emulator: sending Glue events to ${options.eventsUrl}${
        rate > 0 ? ` (dropping ${rate * 100}% on purpose)` : ''
      }`,
    );
  }
}

/**
 * Runs the command line. Resolves with an exit code for one-shot commands
 * (help, errors, --write-fixture); otherwise keeps serving until SIGINT/SIGTERM.
 */
export async function runCli(
  argv: string[] = process.argv.slice(2),
  io: CliIo = defaultIo,
): Promise<number | undefined> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (e) {
    io.err(`glue-emulator: ${(e as Error).message}`);
    io.err('Run glue-emulator --help for the options.');
    return 1;
  }
  if (command.help) {
    io.out(HELP);
    return 0;
  }
  let fixture: Fixture | undefined;
  try {
    if (command.generateSpec !== undefined) {
      fixture = generateFixture(parseGenerateSpec(command.generateSpec));
    } else if (command.fixturePath) {
      fixture = loadFixture(command.fixturePath);
    }
  } catch (e) {
    io.err(
      e instanceof FixtureError
        ? e.message
        : `glue-emulator: ${(e as Error).message}`,
    );
    return 1;
  }
  if (command.writeFixture) {
    const target = resolve(command.writeFixture);
    writeFileSync(
      target,
      stringify(fixture ?? { accounts: [] }, { lineWidth: 0 }),
    );
    io.out(`glue-emulator: wrote ${target}`);
    return 0;
  }
  let emulator;
  try {
    emulator = await startGlueEmulator({ ...command.options, fixture });
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === 'EADDRINUSE') {
      io.err(
        `glue-emulator: port ${command.options.port} is already in use (try --port 0)`,
      );
    } else if (e instanceof FixtureError) {
      io.err(e.message);
    } else {
      io.err(`glue-emulator: ${error.message}`);
    }
    return 1;
  }
  // Before the ready lines: a supervisor may signal as soon as it reads them.
  stopOnSignals(emulator);
  announce(io, command.options, emulator);
  return undefined;
}
