/*
 * Optional parts of the bench's backend (child-process side): the events
 * backend (HTTP ingress + the database-backed event bus across replicas),
 * the notifications backend, the permission backend with an allow-all policy,
 * and a notificationService that tells the parent about every send.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { sendEvent } from '../lib/child';

export type BackendExtra = 'events' | 'notifications' | 'permission-allow-all';

type Backend = { add(feature: unknown): void };

/** A permission policy that allows everything (one policy call per request). */
function allowAllPolicyModule() {
  const { policyExtensionPoint } =
    require('@backstage/plugin-permission-node/alpha') as typeof import('@backstage/plugin-permission-node/alpha');
  const { AuthorizeResult } =
    require('@backstage/plugin-permission-common') as typeof import('@backstage/plugin-permission-common');
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'bench-allow-all-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({
            async handle() {
              return { result: AuthorizeResult.ALLOW };
            },
          });
        },
      });
    },
  });
}

/**
 * The default notificationService (HTTP to the notifications backend),
 * wrapped: each send is reported to the parent as a `notification` event
 * before it goes out, with the calling plugin and the payload's scope.
 */
function countingNotificationService(label: string) {
  const { notificationService, DefaultNotificationService } =
    require('@backstage/plugin-notifications-node') as typeof import('@backstage/plugin-notifications-node');
  return createServiceFactory({
    service: notificationService,
    deps: {
      auth: coreServices.auth,
      discovery: coreServices.discovery,
      plugin: coreServices.pluginMetadata,
    },
    factory({ auth, discovery, plugin }) {
      const inner = DefaultNotificationService.create({ auth, discovery });
      return {
        async send(options) {
          sendEvent({
            type: 'notification',
            label,
            pluginId: plugin.getId(),
            scope: options.payload.scope ?? null,
            title: options.payload.title,
            recipients: JSON.stringify(options.recipients),
          });
          await inner.send(options);
        },
      };
    },
  });
}

export function addBackendExtras(
  backend: Backend,
  options: {
    label: string;
    extras?: BackendExtra[];
    countNotifications?: boolean;
  },
) {
  const extras = new Set(options.extras ?? []);
  if (extras.has('events')) {
    backend.add(require('@backstage/plugin-events-backend'));
  }
  if (extras.has('notifications')) {
    backend.add(require('@backstage/plugin-notifications-backend'));
  }
  if (extras.has('permission-allow-all')) {
    backend.add(require('@backstage/plugin-permission-backend'));
    backend.add(allowAllPolicyModule());
  }
  if (options.countNotifications) {
    backend.add(countingNotificationService(options.label));
  }
}
