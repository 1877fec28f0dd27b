/*
 * A standalone backend for developing this plugin: the catalog and the AWS
 * Glue backend, with the repository's app-config.yaml (the emulator at
 * http://127.0.0.1:4599). Start the emulator and this backend:
 *
 *   npm run start:emulator                 # from the repository root
 *   cd plugins/aws-glue-backend && npx backstage-cli package start
 *
 * Register Glue entities through catalog locations (or add the AWS Glue
 * catalog module here) and call e.g.
 * GET http://localhost:7007/api/aws-glue/v1/entity/default/component/triggering_job/runs
 * with a Backstage token.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../src'));

backend.start();
