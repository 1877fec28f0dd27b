export { GlueTeamCard, TeamSummaryCard } from './GlueTeamCard';
export type {
  EntityAwsGlueTeamCardProps,
  TeamSummaryCardProps,
} from './GlueTeamCard';
export { TeamSummary } from './TeamSummary';
export type { TeamSummaryProps } from './TeamSummary';
