export * from './annotations';
export * from './consoleLinks';
export * from './globs';
export * from './permissions';
export * from './redaction';
export * from './runState';
export * from './types';
