export { GlueJobsPage } from './GlueJobsPage';
export type { AwsGluePageProps } from './GlueJobsPage';
