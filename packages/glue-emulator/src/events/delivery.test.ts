import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GetJobRunCommand,
  GlueClient,
  StartJobRunCommand,
} from '@aws-sdk/client-glue';
import {
  GlueEmulator,
  GlueEmulatorOptions,
  startGlueEmulator,
} from '../emulator';
import { glueClient, HOUR, manualClock, smallFixture } from '../__testUtils__';
import type { GlueEventBridgeEnvelope } from './envelope';
import { EventOutbox } from './outbox';

interface Sink {
  url: string;
  /** Envelopes answered with 2xx. */
  accepted: GlueEventBridgeEnvelope[];
  /** Every request: content type and event id. */
  requests: { contentType?: string; id: string; status: number }[];
  close(): Promise<void>;
}

/**
 * A local HTTP endpoint standing in for the Backstage events backend.
 * `answer` picks the status of each request (or 'hang' to never answer).
 */
async function startSink(
  answer: (n: number) => number | 'hang' = () => 202,
  port = 0,
): Promise<Sink> {
  const accepted: GlueEventBridgeEnvelope[] = [];
  const requests: Sink['requests'] = [];
  const server: Server = createServer(
    (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const status = answer(requests.length);
        requests.push({
          contentType: req.headers['content-type'],
          id: envelope.id,
          status: status === 'hang' ? 0 : status,
        });
        if (status === 'hang') return;
        if (status >= 200 && status < 300) accepted.push(envelope);
        res.writeHead(status).end();
      });
    },
  );
  await new Promise<void>(done => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/api/events/http/aws-glue`,
    accepted,
    requests,
    close: () =>
      new Promise<void>(done => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>(done => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>(done => probe.close(() => done()));
  return port;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('event delivery over HTTP', () => {
  let emulator: GlueEmulator | undefined;
  let sink: Sink | undefined;
  let glue: GlueClient;
  let clock: ReturnType<typeof manualClock>;
  const logs: string[] = [];

  async function start(options: Partial<GlueEmulatorOptions>) {
    clock = manualClock();
    emulator = await startGlueEmulator({
      fixture: smallFixture(),
      port: 0,
      clock,
      ...options,
      eventDelivery: {
        retryDelayMs: 20,
        log: m => logs.push(m),
        ...options.eventDelivery,
      },
    });
    glue = glueClient(emulator.url);
    return emulator;
  }

  /** Starts and finishes `n` runs of job c, one after the other. */
  async function runJobC(n: number) {
    for (let i = 0; i < n; i++) {
      await glue.send(new StartJobRunCommand({ JobName: 'c' }));
      clock.advance(HOUR);
      emulator!.tick();
    }
  }

  afterEach(async () => {
    await emulator?.stop();
    await sink?.close();
    emulator = undefined;
    sink = undefined;
    logs.length = 0;
  });

  it('POSTs every envelope as JSON to the events URL', async () => {
    sink = await startSink();
    await start({ eventsUrl: sink.url });
    await runJobC(2);
    await emulator!.events.flush();
    const emitted = emulator!.events.recent().map(e => e.envelope);
    expect(emitted).toHaveLength(6);
    expect([...sink.accepted].sort(byId)).toEqual([...emitted].sort(byId));
    expect(sink.requests.every(r => r.contentType === 'application/json')).toBe(
      true,
    );
    expect(emulator!.events.stats()).toEqual({
      emitted: 6,
      delivered: 6,
      dropped: 0,
      droppedOnPurpose: 0,
      overflowed: 0,
      failed: 0,
      pending: 0,
      dropRate: 0,
      url: sink.url,
    });
  });

  it('retries: an event answered 500 first arrives with the second try', async () => {
    sink = await startSink(n => (n === 0 ? 500 : 202));
    await start({ eventsUrl: sink.url });
    await runJobC(1);
    await emulator!.events.flush();
    const [first] = sink.requests;
    expect(first.status).toBe(500);
    expect(
      sink.requests.filter(r => r.id === first.id).map(r => r.status),
    ).toEqual([500, 202]);
    expect(sink.accepted.map(e => e.id).sort()).toEqual(
      emulator!.events
        .recent()
        .map(e => e.envelope.id)
        .sort(),
    );
    expect(emulator!.events.stats()).toMatchObject({
      emitted: 3,
      delivered: 3,
      failed: 0,
      pending: 0,
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('HTTP 500');
  });

  it('delivers to an endpoint that starts after the emulator', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/events/http/aws-glue`;
    await start({ eventsUrl: url, eventDelivery: { retryDelayMs: 50 } });
    await runJobC(1); // connection refused: waiting for a retry
    await new Promise(done => setTimeout(done, 30));
    expect(emulator!.events.stats()).toMatchObject({
      delivered: 0,
      pending: 3,
    });
    sink = await startSink(() => 202, port);
    await emulator!.events.flush();
    expect(sink.accepted).toHaveLength(3);
    expect(emulator!.events.stats()).toMatchObject({ delivered: 3, failed: 0 });
    expect(logs).toHaveLength(1); // once a minute, not per event
  });

  it('does not block the simulation when the endpoint hangs; gives up after the timeout and retries', async () => {
    sink = await startSink(() => 'hang');
    await start({
      eventsUrl: sink.url,
      eventDelivery: { timeoutMs: 1_000, maxAttempts: 2, retryDelayMs: 10 },
    });
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    clock.advance(HOUR);
    const before = Date.now();
    emulator!.tick();
    const { JobRun } = await glue.send(
      new GetJobRunCommand({ JobName: 'c', RunId: JobRunId }),
    );
    expect(JobRun!.JobRunState).toBe('SUCCEEDED');
    // Done before the first POST could even time out: nothing waited for the sink.
    expect(Date.now() - before).toBeLessThan(1_000);
    expect(emulator!.events.stats()).toMatchObject({
      delivered: 0,
      failed: 0,
      pending: 3,
    });
    await emulator!.events.flush();
    expect(sink.requests).toHaveLength(6); // 3 events x 2 attempts
    expect(emulator!.events.stats()).toMatchObject({
      emitted: 3,
      delivered: 0,
      failed: 3,
      pending: 0,
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('timed out');
  });

  it('drops 30% on purpose, the same ones for the same seed; the counters add up', async () => {
    const dropped = async () => {
      sink = await startSink();
      await start({ eventsUrl: sink.url, dropEvents: 0.3 });
      await runJobC(40);
      await emulator!.events.flush();
      const stats = emulator!.events.stats();
      expect(stats.emitted).toBe(120);
      expect(stats.droppedOnPurpose).toBeGreaterThanOrEqual(24);
      expect(stats.droppedOnPurpose).toBeLessThanOrEqual(48);
      expect(stats.emitted).toBe(
        stats.delivered + stats.dropped + stats.failed + stats.pending,
      );
      const recent = emulator!.events.recent();
      const sent = recent.filter(e => !e.dropped).map(e => e.envelope);
      expect([...sink.accepted].sort(byId)).toEqual(sent.sort(byId));
      const result = recent
        .filter(e => e.dropped)
        .map(e => {
          const d = e.envelope.detail as { jobRunId: string; state: string };
          return `${d.jobRunId}/${d.state}`;
        });
      expect(result).toHaveLength(stats.droppedOnPurpose);
      await emulator!.stop();
      await sink.close();
      emulator = undefined;
      sink = undefined;
      return result;
    };
    const once = await dropped();
    expect(await dropped()).toEqual(once);
  });

  it('serves the counters and recent events at /_emulator/events and takes a drop rate there', async () => {
    sink = await startSink();
    await start({ eventsUrl: sink.url });
    const admin = `${emulator!.url}/_emulator/events`;
    const put = (body: unknown) =>
      fetch(admin, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await put({ dropRate: 2 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/^invalid event settings/);
    const set = await put({ dropRate: 1 });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ dropRate: 1 });
    await runJobC(1);
    await emulator!.events.flush();
    const body = await (await fetch(admin)).json();
    expect(body).toEqual({
      emitted: 3,
      delivered: 0,
      dropped: 3,
      droppedOnPurpose: 3,
      overflowed: 0,
      failed: 0,
      pending: 0,
      dropRate: 1,
      url: sink.url,
      recent: emulator!.events.recent(),
    });
    expect(body.recent.map((e: { dropped: boolean }) => e.dropped)).toEqual([
      true,
      true,
      true,
    ]);
    expect(sink.requests).toEqual([]);
  });
});

describe('EventOutbox', () => {
  it('keeps at most maxPending events waiting and drops the oldest', async () => {
    const held: (() => void)[] = [];
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => held.push(() => res.writeHead(202).end()));
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const outbox = new EventOutbox(`http://127.0.0.1:${port}/`, {
      concurrency: 1,
      maxPending: 2,
    });
    try {
      for (let i = 1; i <= 5; i++) outbox.enqueue(JSON.stringify({ id: i }));
      // 1 in flight, 2 and 3 dropped for 4 and 5.
      expect(outbox.counts()).toEqual({
        delivered: 0,
        failed: 0,
        overflowed: 2,
        pending: 3,
      });
      while (outbox.counts().pending > 0) {
        await new Promise(done => setTimeout(done, 5));
        held.splice(0).forEach(release => release());
      }
      await outbox.flush();
      expect(outbox.counts()).toEqual({
        delivered: 3,
        failed: 0,
        overflowed: 2,
        pending: 0,
      });
    } finally {
      outbox.close();
      server.closeAllConnections();
      server.close();
    }
  });

  it('counts what is still waiting as failed when closed', async () => {
    const outbox = new EventOutbox('http://127.0.0.1:9/', {
      retryDelayMs: 60_000,
      log: () => {},
    });
    outbox.enqueue('{}');
    outbox.enqueue('{}');
    outbox.close();
    await outbox.flush();
    expect(outbox.counts()).toEqual({
      delivered: 0,
      failed: 2,
      overflowed: 0,
      pending: 0,
    });
  });
});
