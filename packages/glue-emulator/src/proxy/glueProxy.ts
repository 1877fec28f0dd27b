/*
 * A pass-through HTTP proxy in front of an emulator (or any AWS JSON 1.1
 * endpoint), for the faults an emulator cannot make by itself: a call that
 * never answers, a page that repeats its NextToken, a malformed or truncated
 * page, an answer of another account. Tests put it between the real SDK
 * client and the emulator.
 */
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer the proxy sends back. */
export interface GlueProxyReply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** One call through the proxy. */
export interface GlueProxyCall {
  /** The operation, from `X-Amz-Target` (e.g. `GetJobRuns`). */
  operation: string;
  input: Record<string, any>;
  /** 1 for the first call of this operation through the proxy, 2 for the next ... */
  n: number;
}

/**
 * Sees every call; may forward it, change the answer, answer itself, or
 * return {@link HANG} to never answer.
 */
export type GlueProxyIntercept = (
  call: GlueProxyCall,
  forward: () => Promise<GlueProxyReply>,
) => Promise<GlueProxyReply | typeof HANG>;

/** Returned by an intercept: the call gets no answer until the proxy stops. */
export const HANG = Symbol('hang');

export interface GlueProxy {
  url: string;
  /** Where calls are forwarded; may be switched between emulators. */
  upstream: string;
  intercept?: GlueProxyIntercept;
  /** Calls per operation since the start or the last reset. */
  counts(): Record<string, number>;
  resetCounts(): void;
  /** Calls that are hanging now. */
  hanging(): number;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function forwardTo(
  upstream: string,
  req: IncomingMessage,
  body: string,
): Promise<GlueProxyReply> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (['host', 'content-length', 'connection'].includes(key)) continue;
    if (typeof value === 'string') headers[key] = value;
  }
  const response = await fetch(`${upstream}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body,
  });
  const replyHeaders: Record<string, string> = {};
  for (const key of ['x-amzn-errortype', 'x-amzn-requestid']) {
    const value = response.headers.get(key);
    if (value) replyHeaders[key] = value;
  }
  return {
    status: response.status,
    body: await response.text(),
    headers: replyHeaders,
  };
}

/** Starts a proxy on a free loopback port in front of `upstream`. */
export async function startGlueProxy(upstream: string): Promise<GlueProxy> {
  let counts: Record<string, number> = {};
  const hanging = new Set<ServerResponse>();
  const proxy: GlueProxy = {
    url: '',
    upstream,
    counts: () => ({ ...counts }),
    resetCounts: () => {
      counts = {};
    },
    hanging: () => hanging.size,
    stop: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.slice(target.indexOf('.') + 1);
      counts[operation] = (counts[operation] ?? 0) + 1;
      const call: GlueProxyCall = {
        operation,
        input: body ? JSON.parse(body) : {},
        n: counts[operation],
      };
      const forward = () => forwardTo(proxy.upstream, req, body);
      const reply = proxy.intercept
        ? await proxy.intercept(call, forward)
        : await forward();
      if (reply === HANG) {
        hanging.add(res);
        res.once('close', () => hanging.delete(res));
        return;
      }
      res.writeHead(reply.status, {
        'content-type': 'application/x-amz-json-1.1',
        ...reply.headers,
      });
      res.end(reply.body);
    } catch (error) {
      res.writeHead(599);
      res.end(String(error));
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>(resolve => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

/** A Glue error answer, as the emulator and Glue send them. */
export function glueErrorReply(
  status: number,
  type: string,
  message: string,
): GlueProxyReply {
  return {
    status,
    body: JSON.stringify({ __type: type, Message: message, message }),
    headers: { 'x-amzn-errortype': type },
  };
}

/** Forwards, then rewrites the JSON body of a successful answer. */
export async function rewriteReply(
  forward: () => Promise<GlueProxyReply>,
  change: (body: any) => void,
): Promise<GlueProxyReply> {
  const reply = await forward();
  if (reply.status !== 200) return reply;
  const body = JSON.parse(reply.body);
  change(body);
  return { ...reply, body: JSON.stringify(body) };
}
