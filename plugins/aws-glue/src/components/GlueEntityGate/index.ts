export { GlueEntityGate, GlueJobsGate } from './GlueEntityGate';
export type {
  GlueEntityGateProps,
  GlueEntityRequirement,
  GlueJobsGateProps,
} from './GlueEntityGate';
