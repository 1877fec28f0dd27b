/**
 * Test utilities for the AWS Glue packages' tests.
 *
 * @packageDocumentation
 */

export { SECRET_SHAPES } from './secretShapes';
export type { SecretShape } from './secretShapes';
