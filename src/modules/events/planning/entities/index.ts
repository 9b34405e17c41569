export { EventPlanningRun, type PlannedMeeting } from './event-planning-run.entity';
export { EventMeeting } from './event-meeting.entity';
export { EventPlanNotice } from './event-plan-notice.entity';
