/**
 * The access checks of the outcomes and reports routes (anonymous 401 — or a 303 to the login for staff pages —, wrong
 * role 403, other tenant 404, right role 2xx), with the entries of test/support/reports-access.ts: each refusal checked
 * with its status and its code, by the shared runner (test/support/access-table.ts). Staff pages are opened with the
 * page session cookie the real login form sets.
 */
import { describeAccessTable } from '../support/access-table';
import { reportsEntries } from '../support/reports-access';

describeAccessTable('outcomes and reports access: every route, every kind of caller', reportsEntries);
