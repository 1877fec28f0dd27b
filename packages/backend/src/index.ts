import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@aws-glue-backstage/plugin-catalog-backend-module-aws-glue'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

backend.add(import('@aws-glue-backstage/plugin-aws-glue-backend'));

// The run index's transports: Glue's EventBridge events arrive through the
// events backend (HTTP ingress in the demo; the SQS module in production,
// see the backend plugin's README), failures reach owners as notifications
// and state changes reach open pages as signals.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// Agents and scorecards: the actions the plugins register (the AWS Glue
// backend's among them) served to MCP clients at /api/mcp-actions/v1, and
// Tech Insights with the AWS Glue job facts and the JSON rules checks.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import('@aws-glue-backstage/plugin-tech-insights-backend-module-aws-glue'),
);

backend.start();
