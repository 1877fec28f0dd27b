export * from './annotations';
export * from './permissions';
export * from './redaction';
export * from './runState';
export * from './types';
