export { GlueJobsPage, compareRows } from './GlueJobsPage';
export type { AwsGluePageProps, GlueJobRow } from './GlueJobsPage';
