export { solveSchedule } from './solve-schedule';
export { InvalidInstanceError, validateInstance } from './validate';
export * from './types';
