/**
 * Renders the important SQL (the match lists and the pooling run) into test/sql/*.sql, for a reviewer to read whole
 * statements in one place (issue 12 §6). Each statement is produced by calling the production function with
 * representative parameters on a recording manager: no database, so the snapshot is fast, and the text is exactly what
 * the function sends to the driver (the recording manager only answers canned rows, chosen so that every statement of
 * the function runs). Statements written by TypeORM itself (find, save, update of an entity) appear as a comment.
 * Written by `npm run sql:snapshot`; `npm run sql:check` (also part of `npm run test:unit`) fails when a file differs.
 */
import { format } from '@sqltools/formatter';
import type { EntityManager } from 'typeorm';
import { pooledCompaniesByTrade } from '../../src/modules/employer-network/pooled-companies-by-trade';
import { loadPrevious, loadSnapshot, type SnapshotRow } from '../../src/modules/employer-network/pooling-snapshot';
import { writePooling } from '../../src/modules/employer-network/pooling-writer';
import type { RelinkOutcome } from '../../src/modules/employer-network/linking/incremental';
import { neverAnsweringSql } from '../../src/modules/matching/company-responsiveness';
import type { CandidateSnapshot, NeedSnapshot } from '../../src/modules/matching/engine';
import {
  loadNeedsOfCandidate,
  loadShownDetails,
  loadViewerAndCandidate,
  loadViewerAndNeed,
  prefilterCandidates,
  type JobReferential,
  type MatchingViewer,
} from '../../src/modules/matching/matching-queries';

interface Recorded {
  /** What produced it: the function and the call (e.g. `prefilterCandidates: ids and versions`). */
  readonly title: string;
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * An EntityManager that records every statement and answers the next canned result. Only the members the rendered
 * functions use exist; a function that starts using another one fails here, loudly, rather than rendering half.
 */
class RecordingManager {
  readonly recorded: Recorded[] = [];
  private readonly answers: unknown[];

  constructor(
    private readonly fn: string,
    answers: unknown[],
  ) {
    this.answers = [...answers];
  }

  private next(what: string): unknown {
    if (this.answers.length === 0) throw new Error(`${this.fn}: no canned answer left for ${what}`);
    return this.answers.shift();
  }

  private record(sql: string, params: readonly unknown[] = []): void {
    this.recorded.push({ title: this.fn, sql, params });
  }

  query = async (sql: string, params: unknown[] = []): Promise<unknown> => {
    this.record(sql, params);
    return this.next(sql);
  };

  /** `prepared()` runs named statements on the query runner's node-pg connection. */
  readonly queryRunner = {
    databaseConnection: {
      query: async (config: { text: string; values: unknown[] }) => {
        this.record(config.text, config.values);
        return { rows: this.next(config.text) };
      },
    },
  };

  find = async (entity: { name: string }, options: unknown): Promise<unknown> => {
    this.record(`-- TypeORM: manager.find(${entity.name}, ${describeCall(options)})`);
    return this.next('find');
  };

  create = (_entity: unknown, value: object): object => value;

  save = async (entity: { name: string }, value: object): Promise<unknown> => {
    this.record(`-- TypeORM: manager.save(${entity.name}, ${describeCall(value)}) (INSERT … RETURNING)`);
    return this.next('save');
  };

  update = async (entity: { name: string }, criteria: unknown, value: object): Promise<unknown> => {
    this.record(`-- TypeORM: manager.update(${entity.name}, ${describeCall(criteria)}, ${describeCall(value)})`);
    return { affected: 1 };
  };

  /** Every canned answer used: otherwise the call took a shorter path than the section says. */
  done(): void {
    if (this.answers.length > 0) throw new Error(`${this.fn}: ${this.answers.length} canned answer(s) not used`);
  }

  asManager(): EntityManager {
    return this as unknown as EntityManager;
  }
}

/** JSON of an ORM call's arguments, with TypeORM's operators (In, …) written as in the code. */
function describeCall(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Set) return [...v];
    if (v !== null && typeof v === 'object' && '_type' in v && '_value' in v) {
      const name = String(v._type);
      return `@@${name[0].toUpperCase()}${name.slice(1)}(${JSON.stringify(v._value)})@@`;
    }
    return v;
  });
  return json.replace(/"@@(.*?)@@"/g, (_m, inner: string) => JSON.parse(`"${inner}"`) as string);
}

// Representative values: fixed, so that the files only change when the SQL does.
const SIAE_A = '00000000-0000-4000-a000-00000000000a';
const SIAE_B = '00000000-0000-4000-a000-00000000000b';
const SIAE_C = '00000000-0000-4000-a000-00000000000c';
const COLLECTIVE_1 = '00000000-0000-4000-c000-000000000001';
const COLLECTIVE_2 = '00000000-0000-4000-c000-000000000002';
const NEED = '00000000-0000-4000-e000-000000000001';
const CANDIDATE = '00000000-0000-4000-d000-000000000001';
const COMPANY_1 = '00000000-0000-4000-b000-000000000001';
const COMPANY_2 = '00000000-0000-4000-b000-000000000002';
const COMPANY_3 = '00000000-0000-4000-b000-000000000003';
const COMPANY_GONE = '00000000-0000-4000-b000-000000000009';
const POOLED_1 = '00000000-0000-4000-f000-000000000001';
const POOLED_NEW = '00000000-0000-4000-f000-000000000002';
const POOLED_3 = '00000000-0000-4000-f000-000000000003';
const RUN = '00000000-0000-4000-9000-000000000001';
const NOW = new Date('2027-03-15T09:00:00.000Z');

/** A viewer of SIAE A, partner of B, in `collectives` (the needs statement has one OR branch per collective). */
function viewer(collectives: string[]): MatchingViewer {
  return {
    ownSiaeIds: [SIAE_A],
    candidateSiaeIds: [SIAE_A, SIAE_B],
    memberCollectiveIds: collectives,
    collectiveMembers: new Map(collectives.map((c, i) => [c, i === 0 ? [SIAE_A, SIAE_B] : [SIAE_A, SIAE_C]])),
  };
}

const viewerRow = { partners: [SIAE_B], collectives: [{ id: COLLECTIVE_1, weights: null, members: [SIAE_A, SIAE_B] }] };

/** Two domains of fiches and one related fiche: what `searchedFiches` expands a search to. */
const referential: JobReferential = {
  related: [{ ficheCode: 'K2204', relatedCode: 'G1603', score: 0.8 }],
  domains: new Set(['K22', 'G16', 'N11']),
  fichesByDomain: new Map([
    ['K22', ['K2201', 'K2204']],
    ['G16', ['G1602', 'G1603']],
    ['N11', ['N1103', 'N1105']],
  ]),
  relatedByFiche: new Map([
    ['K2204', new Set(['G1603'])],
    ['G1603', new Set(['K2204'])],
  ]),
};

/** Only what the statements read of a need (its fiche and place); the engine's other fields do not shape SQL. */
function need(location: NeedSnapshot['location']): NeedSnapshot {
  return { id: NEED, ogrCode: '12345', ficheCode: 'K2204', location } as NeedSnapshot;
}

/** A candidate with two target jobs; the statements read only their fiches and the place. */
const candidate: CandidateSnapshot = {
  id: CANDIDATE,
  targetJobs: [
    { ogrCode: '12345', ficheCode: 'K2204' },
    { ogrCode: '38000', ficheCode: 'N1103' },
  ],
  skills: [],
  softSkills: [],
  location: { communeCode: '69123', latitude: 45.764, longitude: 4.8357 },
  mobilityRadiusKm: 30,
  transportMeans: [],
  drivingLicences: [],
  languages: [],
  frenchAsForeignLanguage: false,
  literacyDifficulty: false,
  availableFrom: null,
  workTime: null,
  contractEnd: null,
};

const needScoreRow = {
  id: NEED,
  status: 'open',
  appellation_code: '12345',
  fiche_code: 'K2204',
  place_commune_code: null,
  latitude: null,
  longitude: null,
  start_date: null,
  weekly_hours: null,
  accommodations: '',
  positions: 1,
  contract_type: 'cdi',
  company_id: COMPANY_1,
  match_version: '7',
};

const snapshotRow = (id: string, withContacts: boolean): SnapshotRow => ({
  id,
  siae_id: SIAE_A,
  name: 'Boulangerie du Centre',
  siret: '73282932000074',
  siren: '732829320',
  naf: '1071C',
  commune_code: '69123',
  address: '1 rue de la République',
  size_band: '10-19',
  with_contacts: withContacts,
  shared_at: NOW,
});

const state = (component: string) => ({ inputHash: 'h', fingerprint: 'f', keys: [17, 42], component });

type Render = () => Promise<Recorded[]>;

async function recording(
  title: string,
  answers: unknown[],
  call: (m: EntityManager) => Promise<unknown>,
): Promise<Recorded[]> {
  const manager = new RecordingManager(title, answers);
  await call(manager.asManager());
  manager.done();
  return manager.recorded;
}

/** One file per subject; each section is one call of one function, in one usual shape. */
export const SNAPSHOTS: ReadonlyArray<{ file: string; about: string; sections: ReadonlyArray<[string, Render]> }> = [
  {
    file: 'matching-candidates-for-a-need.sql',
    about: 'The candidates-for-a-need list (src/modules/matching: matching.service.ts candidatesForNeed).',
    sections: [
      [
        'loadViewerAndNeed (matching-queries.ts): the viewer (partners, collectives, members, weights) and the need, one statement',
        () =>
          recording('loadViewerAndNeed', [[{ ...viewerRow, need: null }]], (m) => loadViewerAndNeed(m, [SIAE_A], NEED)),
      ],
      [
        'prefilterCandidates (candidate-queries.ts), need with a place, radius 30 km, availableBy: ids and versions from the index, then the profiles not in the cache',
        () =>
          recording('prefilterCandidates', [[{ candidate_id: CANDIDATE, match_version: '3' }], []], (m) =>
            prefilterCandidates(
              m,
              viewer([COLLECTIVE_1]),
              need({ communeCode: '69123', latitude: 45.764, longitude: 4.8357 }),
              referential,
              {
                radiusKm: 30,
                availableBy: '2027-04-01',
              },
            ),
          ),
      ],
      [
        'prefilterCandidates (candidate-queries.ts), need without a place, domain filter K22: no box, no distance',
        () =>
          recording('prefilterCandidates', [[]], (m) =>
            prefilterCandidates(m, viewer([COLLECTIVE_1]), need(null), referential, { radiusKm: 30, domain: 'K22' }),
          ),
      ],
    ],
  },
  {
    file: 'matching-needs-for-a-candidate.sql',
    about:
      'The needs-for-a-candidate list and the pooled companies list, which read the same needs (src/modules/matching: matching.service.ts needsForCandidate).',
    sections: [
      [
        'loadViewerAndCandidate (matching-queries.ts): the viewer and a candidate of their own SIAE, one statement',
        () =>
          recording('loadViewerAndCandidate', [[{ ...viewerRow, candidate: null }]], (m) =>
            loadViewerAndCandidate(m, [SIAE_A], CANDIDATE),
          ),
      ],
      [
        'loadNeedsOfCandidate (need-queries.ts), viewer in 2 collectives, candidate with 2 target jobs (K2204, N1103), radius 30 km: open and recent needs of both lists, then the needs not in the cache',
        () =>
          recording(
            'loadNeedsOfCandidate',
            [[{ id: NEED, status: 'open', match_version: '7', pooled_id: null, pooled_point: null }], [needScoreRow]],
            (m) =>
              loadNeedsOfCandidate(m, viewer([COLLECTIVE_1, COLLECTIVE_2]), candidate, referential, {
                radiusKm: 30,
                today: '2027-03-15',
              }),
          ),
      ],
    ],
  },
  {
    file: 'matching-pooled-companies.sql',
    about:
      'What the match lists show of the needs and pooled companies they keep (src/modules/matching), and the pooled companies of a collective by trade (src/modules/employer-network/pooled-companies-by-trade.ts).',
    sections: [
      [
        'loadShownDetails (need-queries.ts + pooled-company-queries.ts): names of the needs shown and facts of the pooled companies shown, one statement',
        () =>
          recording('loadShownDetails', [[{ labels: [], facts: [] }]], (m) =>
            loadShownDetails(m, [NEED], [POOLED_1], NOW),
          ),
      ],
      [
        'neverAnsweringSql (company-responsiveness.ts), as matching.service.ts loadNeverAnswering calls it: pooled companies that never answer proposals',
        () => recording('loadNeverAnswering', [[]], (m) => m.query(neverAnsweringSql('$1', '$2'), [[POOLED_1], NOW])),
      ],
      [
        'pooledCompaniesByTrade (employer-network/pooled-companies-by-trade.ts), filtered on an appellation and a ROME code',
        () =>
          recording('pooledCompaniesByTrade', [[]], (m) =>
            pooledCompaniesByTrade(m, {
              collectiveId: COLLECTIVE_1,
              filter: { appellationCodes: ['12345'], romeCodes: ['N11'] },
              now: NOW,
              limit: 50,
            }),
          ),
      ],
    ],
  },
  {
    file: 'pooling-run.sql',
    about:
      'A pooling run of a collective (src/modules/employer-network: pooling.service.ts reads with pooling-snapshot.ts, links in the worker, writes with pooling-writer.ts).',
    sections: [
      [
        'loadSnapshot (pooling-snapshot.ts): shared records of the collective, their shared contacts, the corrections',
        () => recording('loadSnapshot', [[snapshotRow(COMPANY_1, true)], [], []], (m) => loadSnapshot(m, COLLECTIVE_1)),
      ],
      [
        'loadPrevious (pooling-snapshot.ts): the last successful run, the members with their states, its statistics',
        () =>
          recording(
            'loadPrevious',
            [
              [{ id: RUN, engine_version: 'e', statistics_run_id: RUN, corrections: [], drift: 0 }],
              [
                {
                  company_id: COMPANY_1,
                  pooled_company_id: POOLED_1,
                  input_hash: 'h',
                  fingerprint: 'f',
                  linking_keys: [17],
                  link_group: COMPANY_1,
                },
              ],
              [{ linking_statistics: { records: 1, documentFrequency: [] } }],
            ],
            (m) => loadPrevious(m, COLLECTIVE_1),
          ),
      ],
      [
        'writePooling (pooling-writer.ts), incremental run: two records re-linked apart (one keeps its pooled company, one gets a new one), one record gone, one record not re-linked (its pooled company compared for what it shows)',
        () => {
          const outcome = {
            mode: 'incremental',
            relinked: new Set([COMPANY_1, COMPANY_2]),
            clusters: [[COMPANY_1], [COMPANY_2]],
            states: new Map([
              [COMPANY_1, state(COMPANY_1)],
              [COMPANY_2, state(COMPANY_2)],
            ]),
          } as unknown as RelinkOutcome;
          const pooled = {
            id: POOLED_1,
            displayName: 'Boulangerie du Centre',
            siret: '73282932000074',
            siren: '732829320',
            communeCode: '69123',
            sizeBand: '10-19',
            dissolvedAt: null,
          };
          return recording('writePooling', [[pooled], { id: POOLED_NEW }, [], [], [[], 0], []], (m) =>
            writePooling(m, {
              collectiveId: COLLECTIVE_1,
              outcome,
              rows: [snapshotRow(COMPANY_1, false), snapshotRow(COMPANY_2, false), snapshotRow(COMPANY_3, false)],
              pooledOf: new Map([
                [COMPANY_1, POOLED_1],
                [COMPANY_2, POOLED_1],
                [COMPANY_3, POOLED_3],
                [COMPANY_GONE, POOLED_1],
              ]),
              previousStates: null,
              now: NOW,
              onProgress: async () => undefined,
            }),
          );
        },
      ],
    ],
  },
];

const HEADER = `-- Read-only snapshot of SQL built by the code, for review (issue 12 §6). Do not edit: change the code, then run
-- \`npm run sql:snapshot\`. Written by test/sql/sql-snapshot.ts, which calls each function named below with the
-- parameters shown; \`npm run sql:check\` (part of \`npm run test:unit\`) fails when this file differs from the code.`;

/** A parameter as a comment; fractions rounded (a box's bounds come from trigonometry: the last digits say nothing). */
function param(value: unknown): string {
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toFixed(6)));
  return JSON.stringify(value);
}

/**
 * Readable layout by @sqltools/formatter, the formatter TypeORM's `--pretty` migrations use (already in every
 * worktree's node_modules). It only re-spaces: `uuid[]` reads `uuid []`, the same type to PostgreSQL.
 */
export function layout(sql: string): string {
  if (sql.startsWith('-- ')) return sql;
  return format(sql, { language: 'sql', indent: '  ' });
}

/** Every snapshot file's text, by file name. */
export async function renderSnapshots(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const snapshot of SNAPSHOTS) {
    const parts = [HEADER, `-- ${snapshot.about}`];
    for (const [title, render] of snapshot.sections) {
      const statements = await render();
      parts.push(`\n-- ${'='.repeat(116)}\n-- ${title}\n-- ${'='.repeat(116)}`);
      statements.forEach((s, i) => {
        const head = [`\n-- ${s.title}, statement ${i + 1} of ${statements.length}`];
        s.params.forEach((v, j) => head.push(`--   $${j + 1} = ${param(v)}`));
        parts.push(`${head.join('\n')}\n${layout(s.sql)}${s.sql.startsWith('-- ') ? '' : ';'}`);
      });
    }
    files.set(snapshot.file, `${parts.join('\n')}\n`);
  }
  return files;
}
