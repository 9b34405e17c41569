/**
 * The access checks (anonymous 401, wrong role 403, other tenant 404, right role 2xx) for every employer-network route,
 * with the entries of test/support/employer-network-access.ts, by the shared runner (test/support/access-table.ts).
 */
import { describeAccessTable } from '../support/access-table';
import { employerNetworkEntries } from '../support/employer-network-access';

describeAccessTable('employer network access: every route, every kind of caller', employerNetworkEntries);
