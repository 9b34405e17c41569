/**
 * The access checks of every route of the day (anonymous 401, wrong role 403, other tenant 404, right role 2xx), with
 * the entries of test/support/day-access.ts: each refusal checked with its status and its code, by the shared runner
 * (test/support/access-table.ts).
 */
import { describeAccessTable } from '../support/access-table';
import { dayEntries } from '../support/day-access';

describeAccessTable('the day’s access: every route, every kind of caller', dayEntries);
