/*
 * The demo portal's backend for scenario tests: the real catalog (with the
 * demo organisation and a file of hand-written entities), the AWS Glue
 * catalog module syncing from the emulator, the real auth (the guest
 * provider), permissions and user info, and the AWS Glue backend plugin.
 * Tests add the features they are about (the demo's policy, the events,
 * notifications and signals backends).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import awsGluePlugin from '@aws-glue-backstage/plugin-aws-glue-backend';
import catalogModuleAwsGlue from '@aws-glue-backstage/plugin-catalog-backend-module-aws-glue';

export const ACCOUNT = '123456789012';
export const ROOT = path.resolve(__dirname, '../../../..');
export const GUEST = 'user:default/guest';

type Feature = Parameters<typeof startTestBackend>[0]['features'] extends
  | (infer F)[]
  | undefined
  ? F
  : never;

/** Options of {@link TestPortal.start}. */
export interface TestPortalOptions {
  emulatorUrl: string;
  /** `demo.glueRunsVisibleTo` of the demo policy. */
  readers?: 'everyone' | 'owners';
  /** Entities in a catalog-info file, as any developer can register them. */
  handWritten?: object[];
  /** More features (a permission policy, the events backend, ...). */
  features?: Feature[];
  /** More config, merged over the portal's (top-level keys replace). */
  config?: Record<string, unknown>;
  /** `awsGlue` config, merged over the portal's. */
  awsGlue?: Record<string, unknown>;
}

function portalConfig(options: TestPortalOptions, locationFile: string) {
  return {
    app: { baseUrl: 'http://localhost:3000' },
    auth: {
      providers: {
        guest: {
          userEntityRef: GUEST,
          dangerouslyAllowOutsideDevelopment: true,
        },
      },
    },
    permission: { enabled: true },
    demo: { glueRunsVisibleTo: options.readers ?? 'everyone' },
    aws: {
      accounts: [
        { accountId: ACCOUNT, accessKeyId: ACCOUNT, secretAccessKey: 'x' },
      ],
    },
    catalog: {
      rules: [
        {
          allow: ['Component', 'System', 'Resource', 'Location', 'User'],
        },
        { allow: ['Group'] },
      ],
      locations: [
        { type: 'file', target: path.join(ROOT, 'examples/org.yaml') },
        { type: 'file', target: locationFile },
      ],
      providers: {
        awsGlue: {
          demo: {
            accountId: ACCOUNT,
            regions: ['us-east-1'],
            entityNameTemplate: '{{ name }}',
            endpoint: options.emulatorUrl,
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
            ownership: { defaultOwner: 'group:default/data-platform' },
          },
        },
      },
    },
    awsGlue: {
      endpoint: options.emulatorUrl,
      actions: {
        startJobRun: true,
        stopJobRun: true,
        allowedArguments: ['--input*', '--output*'],
      },
      ...options.awsGlue,
    },
    ...options.config,
  };
}

/** A running portal backend and the guest signed in to it. */
export class TestPortal {
  headers: Record<string, string> = {};

  private constructor(
    readonly base: string,
    readonly server: Server,
    private readonly backend: { stop(): Promise<void> },
  ) {}

  /** Stops the backend (its scheduled tasks and servers). */
  stop(): Promise<void> {
    return this.backend.stop();
  }

  static async start(options: TestPortalOptions): Promise<TestPortal> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glue-portal-'));
    const file = path.join(dir, 'catalog-info.yaml');
    fs.writeFileSync(
      file,
      (options.handWritten ?? []).map(e => JSON.stringify(e)).join('\n---\n'),
    );
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleAwsGlue,
        permissionPlugin,
        awsGluePlugin,
        ...(options.features ?? []),
        mockServices.rootConfig.factory({ data: portalConfig(options, file) }),
        // PORTAL_LOG=debug (or info) shows the backend's log
        ...(process.env.PORTAL_LOG
          ? [
              mockServices.rootLogger.factory({
                level: process.env.PORTAL_LOG as 'debug' | 'info',
              }),
            ]
          : []),
        // real auth, permissions and user info: the guest signs in through
        // the guest provider, the permission backend decides (with catalog
        // conditions), ownership comes from the catalog
        authPlugin,
        guestProvider,
        authServiceFactory,
        httpAuthServiceFactory,
        userInfoServiceFactory,
        permissionsServiceFactory,
        permissionsRegistryServiceFactory,
      ],
    });
    const { port } = backend.server.address() as { port: number };
    return new TestPortal(`http://localhost:${port}`, backend.server, backend);
  }

  /** Signs in as the demo's guest, as the portal's sign-in page does. */
  async signInAsGuest(): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (!res.ok) throw new Error(`guest sign-in: ${res.status}`);
    const body = await res.json();
    this.headers = { Authorization: `Bearer ${body.backstageIdentity.token}` };
  }

  /** Calls a route of the AWS Glue plugin as the guest. */
  async fetchJson(
    route: string,
    method: 'GET' | 'POST' = 'GET',
    body?: object,
  ): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.base}${route}`, {
      method,
      headers: { ...this.headers, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Calls an entity route of the AWS Glue plugin for a Component. */
  call(
    entityName: string,
    route: string,
    method: 'GET' | 'POST' = 'GET',
    body?: object,
  ) {
    return this.fetchJson(
      `/api/aws-glue/v1/entity/default/component/${entityName}${route}`,
      method,
      body,
    );
  }

  /** An entity (a Component, or `kind:name`) from the catalog. */
  async entity(name: string): Promise<Entity> {
    const ref = name.includes(':')
      ? name.replace(':', '/')
      : `component/${name}`;
    const [kind, entityName] = ref.split('/');
    const res = await fetch(
      `${this.base}/api/catalog/entities/by-name/${kind}/default/${entityName}`,
      { headers: this.headers },
    );
    if (!res.ok) {
      throw new Error(`${name}: ${res.status} ${await res.text()}`);
    }
    return res.json();
  }

  /**
   * Waits (bounded) until every named entity is in the catalog, then signs
   * the guest in again: its token now carries its team from the catalog.
   */
  async waitForEntities(names: string[], timeoutMs = 90_000): Promise<void> {
    if (!this.headers.Authorization) await this.signInAsGuest();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing = (
        await Promise.all(
          names.map(n =>
            this.entity(n).then(
              () => undefined,
              (e: Error) => e.message,
            ),
          ),
        )
      ).filter(Boolean);
      if (missing.length === 0) {
        await this.signInAsGuest();
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`not in the catalog: ${missing.join('; ')}`);
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }
}
