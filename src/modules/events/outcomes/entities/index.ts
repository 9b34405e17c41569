export { EventOutcome } from './event-outcome.entity';
