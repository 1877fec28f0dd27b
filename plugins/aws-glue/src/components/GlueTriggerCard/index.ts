export { GlueTriggerCard } from './GlueTriggerCard';
export type { EntityAwsGlueTriggerCardProps } from './GlueTriggerCard';
