/**
 * The access checks of every proposals route (anonymous 401, wrong role 403, other tenant 404, right role 2xx), with
 * the entries of test/support/proposals-access.ts (derived from proposals.permissions.ts): each refusal with its code,
 * by the shared runner (test/support/access-table.ts).
 */
import { describeAccessTable } from '../support/access-table';
import { proposalsEntries } from '../support/proposals-access';

describeAccessTable('proposals access: every route, every kind of caller', proposalsEntries);
