import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The AWS Glue overview page ({@link AwsGluePage}).
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'aws-glue',
});
