/*
 * A recording pass-through proxy in front of the emulator: each replica
 * talks to it under its own path prefix (`/<replica>/`), so every Glue call
 * is attributed to the replica that made it.
 */
import { Agent, createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RecordedCall {
  /** ms since the proxy started. */
  atMs: number;
  replica: string;
  operation: string;
  status: number;
}

export interface RecordingProxy {
  url: string;
  /** Calls, each recorded when its answer comes back. */
  calls: RecordedCall[];
  /** Calls as they arrive, before any answer (to act on a sync as it starts). */
  arrivals: Omit<RecordedCall, 'status'>[];
  /** ms since the proxy started. */
  now(): number;
  stop(): Promise<void>;
}

export async function startRecordingProxy(
  upstream: string,
): Promise<RecordingProxy> {
  const started = performance.now();
  const now = () => Math.round(performance.now() - started);
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const calls: RecordedCall[] = [];
  const arrivals: RecordingProxy['arrivals'] = [];
  const server: Server = createServer((req, res) => {
    // A replica killed mid-call leaves a closed socket behind: not an error here.
    res.on('error', () => {});
    req.on('error', () => {});
    const replica = (req.url ?? '/').split('/')[1] ?? '';
    const targetHeader = String(req.headers['x-amz-target'] ?? '');
    const operation = targetHeader.slice(targetHeader.indexOf('.') + 1);
    const atMs = now();
    arrivals.push({ atMs, replica, operation });
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      upstreamRes => {
        calls.push({
          atMs,
          replica,
          operation,
          status: upstreamRes.statusCode ?? 0,
        });
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', error => {
      calls.push({ atMs, replica, operation, status: 599 });
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    arrivals,
    now,
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
