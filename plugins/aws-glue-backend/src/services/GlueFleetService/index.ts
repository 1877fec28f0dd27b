export type { FleetOptions, GlueFleetService } from './GlueFleetService';
export { DefaultGlueFleetService } from './DefaultGlueFleetService';
