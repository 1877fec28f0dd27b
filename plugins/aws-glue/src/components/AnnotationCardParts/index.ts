export {
  ConsoleLink,
  GlueNameLink,
  GlueResourceCard,
  GlueTargetName,
  ScheduleValue,
  TriggerState,
  useCardStyles,
} from './AnnotationCardParts';
