/**
 * The access checks of every events route (anonymous 401, wrong role 403, other tenant 404, right role 2xx), with the
 * entries of test/support/events-access.ts (planning and agendas included): each refusal checked with its status and
 * its code, by the shared runner (test/support/access-table.ts).
 */
import { describeAccessTable } from '../support/access-table';
import { eventsEntries } from '../support/events-access';

describeAccessTable('events access: every route, every kind of caller', eventsEntries);
