import { createRouteRef } from '@backstage/core-plugin-api';

/** The AWS Glue overview page ({@link AwsGluePage}). */
export const rootRouteRef = createRouteRef({
  id: 'aws-glue',
});
