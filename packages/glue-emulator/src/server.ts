/*
 * The HTTP side: AWS JSON 1.1 for Glue, the Resource Groups Tagging API and
 * CloudWatch Logs, plus the admin endpoint under `/_emulator/`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GlueError, Input } from './errors';
import type { GlueEvents } from './events/hub';
import type { FaultInjector } from './faults';
import type { EmulatorModel } from './model';
import {
  GLUE_TARGET_PREFIX,
  glueOperations,
  LOGS_TARGET_PREFIX,
  logsOperations,
  Operation,
  TAGGING_TARGET_PREFIX,
  taggingOperations,
} from './operations';
import type { Simulation } from './simulation';
import type { CallStats } from './stats';

const JSON_11 = 'application/x-amz-json-1.1';
/** Bodies above this size are refused like real Glue does. */
const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_REGION = 'us-east-1';

export interface ServerDependencies {
  model: EmulatorModel;
  sim: Simulation;
  faults: FaultInjector;
  stats: CallStats;
  /** The emitted EventBridge events (`/_emulator/events`). */
  events?: GlueEvents;
  /** Called for unexpected handler errors. */
  onError?: (error: unknown) => void;
}

/**
 * Account and region of a request, from the SigV4 credential scope
 * `Credential=AKID/DATE/REGION/SERVICE/aws4_request`: the region is REGION
 * (default us-east-1) and the account is AKID when it is 12 digits
 * (LocalStack's convention), else the emulator's default account.
 */
export function identify(
  authorization: string | undefined,
  defaultAccount: string,
): { account: string; region: string } {
  const match = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\//.exec(
    authorization ?? '',
  );
  const accessKey = match?.[1];
  return {
    account:
      accessKey && /^\d{12}$/.test(accessKey) ? accessKey : defaultAccount,
    region: match?.[2] ?? DEFAULT_REGION,
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'Content-Type': JSON_11,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: GlueError) {
  send(
    res,
    error.status,
    { __type: error.type, Message: error.message, message: error.message },
    { 'x-amzn-ErrorType': error.type },
  );
}

function readBody(
  req: IncomingMessage,
): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () =>
      resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge }),
    );
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function parseInput(text: string): Input {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GlueError(
      'SerializationException',
      'Request body is not valid JSON',
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GlueError(
      'SerializationException',
      'Request body must be a JSON object',
    );
  }
  return value as Input;
}

type AdminReply = (status: number, body: unknown) => void;

/**
 * `GET /_emulator/events`: counters and the last 200 events (each with
 * `dropped`); `PUT|POST /_emulator/events {"dropRate":0.3}` changes the drop
 * rate. Returns false for other routes.
 */
function handleEventsAdmin(
  deps: ServerDependencies,
  key: string,
  text: string,
  reply: AdminReply,
): boolean {
  const events = deps.events;
  if (!events || !/^(GET|PUT|POST) events$/.test(key)) return false;
  if (key !== 'GET events') {
    try {
      events.set(text.trim() ? JSON.parse(text) : {});
    } catch (e) {
      reply(400, {
        message: `invalid event settings: ${(e as Error).message}`,
      });
      return true;
    }
    reply(200, events.stats());
    return true;
  }
  // Process what is due first, so the list is current.
  deps.sim.tick();
  reply(200, { ...events.stats(), recent: events.recent() });
  return true;
}

/** Handles `/_emulator/...`; `route` is the part after `/_emulator/`. */
async function handleAdmin(
  deps: ServerDependencies,
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
) {
  const reply = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const method = req.method ?? 'GET';
  const { text } = await readBody(req);
  const key = `${method} ${route.replace(/\/+$/, '')}`;
  if (handleEventsAdmin(deps, key, text, reply)) return;
  switch (key) {
    case 'GET health':
      deps.sim.tick();
      reply(200, {
        status: 'ok',
        now: new Date(deps.sim.now()).toISOString(),
        startedAt: new Date(deps.sim.startMs).toISOString(),
        timeScale: deps.sim.options.timeScale,
        regions: deps.model.populatedRegions().map(r => ({
          account: r.accountId,
          region: r.region,
          jobs: r.jobs.size,
          triggers: r.triggers.size,
          workflows: r.workflows.size,
          crawlers: r.crawlers.size,
        })),
      });
      return;
    case 'GET stats':
      reply(200, deps.stats.snapshot());
      return;
    case 'POST stats/reset':
      deps.stats.reset();
      reply(200, deps.stats.snapshot());
      return;
    case 'GET faults':
      reply(200, deps.faults.get());
      return;
    case 'POST faults':
    case 'PUT faults': {
      try {
        deps.faults.set(text.trim() ? JSON.parse(text) : {});
      } catch (e) {
        reply(400, { message: `invalid faults: ${(e as Error).message}` });
        return;
      }
      reply(200, deps.faults.get());
      return;
    }
    case 'POST faults/reset':
    case 'DELETE faults':
      deps.faults.reset();
      reply(200, deps.faults.get());
      return;
    case 'POST tick':
      reply(200, {
        processed: deps.sim.tick(),
        now: new Date(deps.sim.now()).toISOString(),
      });
      return;
    default:
      reply(404, {
        message: `unknown admin route ${method} /_emulator/${route}`,
        routes: [
          'GET /_emulator/health',
          'GET /_emulator/stats',
          'POST /_emulator/stats/reset',
          'GET /_emulator/faults',
          'POST /_emulator/faults',
          'POST /_emulator/faults/reset',
          'POST /_emulator/tick',
          'GET /_emulator/events',
          'PUT /_emulator/events',
        ],
      });
  }
}

const SERVICES: {
  prefix: string;
  service: 'glue' | 'tagging' | 'logs';
  operations: Record<string, Operation>;
}[] = [
  { prefix: GLUE_TARGET_PREFIX, service: 'glue', operations: glueOperations },
  {
    prefix: TAGGING_TARGET_PREFIX,
    service: 'tagging',
    operations: taggingOperations,
  },
  { prefix: LOGS_TARGET_PREFIX, service: 'logs', operations: logsOperations },
];

/** The handler an `X-Amz-Target` names (undefined when none). */
function resolveOperation(target: string): {
  operation?: Operation;
  name: string;
  service: 'glue' | 'tagging' | 'logs';
} {
  for (const { prefix, service, operations } of SERVICES) {
    if (!target.startsWith(prefix)) continue;
    const name = target.slice(prefix.length);
    const operation = Object.prototype.hasOwnProperty.call(operations, name)
      ? operations[name]
      : undefined;
    return { operation, name, service };
  }
  return { name: target, service: 'glue' };
}

/** The request listener for `http.createServer`. */
export function createRequestListener(deps: ServerDependencies) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      const adminAt = path.indexOf('/_emulator/');
      if (adminAt >= 0) {
        await handleAdmin(
          deps,
          req,
          res,
          path.slice(adminAt + '/_emulator/'.length),
        );
        return;
      }
      const { text, tooLarge } = await readBody(req);
      if (req.method !== 'POST') {
        sendError(
          res,
          new GlueError(
            'UnknownOperationException',
            `${req.method} is not supported; use POST`,
            404,
          ),
        );
        return;
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      const { operation, name, service } = resolveOperation(target);
      const { account, region } = identify(
        req.headers.authorization,
        deps.model.defaultAccount,
      );
      deps.stats.record(name || '(none)', region, account);
      const fail = (error: GlueError) => {
        deps.stats.recordError(error.type);
        sendError(res, error);
      };
      if (!operation) {
        fail(
          new GlueError(
            'UnknownOperationException',
            target
              ? `Operation ${target} is not supported by the emulator`
              : 'Missing X-Amz-Target header',
          ),
        );
        return;
      }
      const decision = deps.faults.decide({
        operation: name,
        region,
        account,
        service,
      });
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      if (decision.error) {
        fail(decision.error);
        return;
      }
      if (tooLarge) {
        fail(
          new GlueError('InvalidInputException', 'Request size limit exceeded'),
        );
        return;
      }
      try {
        const input = parseInput(text);
        deps.sim.tick();
        const model = deps.model.region(account, region);
        const output = operation(input, {
          accountId: account,
          region,
          model,
          runtime: deps.sim.runtime(model),
          sim: deps.sim,
          now: deps.sim.now(),
        });
        send(res, 200, output);
      } catch (e) {
        if (e instanceof GlueError) {
          fail(e);
        } else {
          deps.onError?.(e);
          fail(
            new GlueError(
              'InternalServiceException',
              `Internal error: ${(e as Error).message}`,
              500,
            ),
          );
        }
      }
    } catch (e) {
      deps.onError?.(e);
      if (!res.headersSent) {
        sendError(
          res,
          new GlueError('InternalServiceException', 'Internal error', 500),
        );
      }
    }
  };
}
