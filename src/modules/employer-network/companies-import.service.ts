import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { ReferentialsService } from '../referentials/referentials.service';
import { searchWordSql } from '../referentials/search-text';
import { CompaniesService } from './companies.service';
import { viewerOf } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import { Company, CompanyContact } from './entities';
import { type ColumnMapping, type CsvTable, CsvTableError, importFields, readCsvTable } from './import/csv-table';
import {
  type CheckedLine,
  checkLines,
  cityKey,
  findDuplicates,
  type ImportLineError,
  placeKey,
} from './import/import-lines';
import {
  describeOutcome,
  type ExistingCompany,
  type LineOutcome,
  matchExisting,
  type ResolvedLine,
} from './import/match-existing';
import { PoolingRequests } from './pooling-requests.service';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const INSERT_CHUNK = 1000;
const MAX_REPORTED = 1000;
/** The per-line report of a valid file: enough for a spreadsheet's worth of companies, bounded for a 5 MB one. */
const MAX_LINE_REPORT = 5000;
/** A dry run answers in the request, so only for files this small; a bigger file is imported as a job (issue 12 §7). */
export const DRY_RUN_MAX_LINES = 2000;

export type ImportPhase = 'lecture' | 'vérification' | 'écriture';
/** Told where an import stands (the job writes it where the progress endpoint reads it). */
export type ImportProgress = (phase: ImportPhase, processed: number, total: number) => Promise<void>;
const noProgress: ImportProgress = async () => undefined;

export interface ImportResult {
  dryRun: boolean;
  encoding: string;
  separator: string;
  columns: Record<string, string>;
  ignoredColumns: string[];
  lines: number;
  /** Companies created (lines that matched no existing company). */
  companies: number;
  /** Contacts added (to created companies, or to existing ones that did not have that person). */
  contacts: number;
  /** Lines that matched a company the SIAE already had, and how many of those filled at least one empty field. */
  existing: number;
  updated: number;
  /** Per line, in French: "créée", or "déjà présente : « … », reconnue par … (mise à jour de : … ; contact ajouté)". */
  report: Array<{ line: number; outcome: 'créée' | 'déjà présente'; companyId: string | null; message: string }>;
  reportTruncated: boolean;
}

/**
 * CSV import of an SIAE's company list, all or nothing: every line is checked (values, commune in the referential,
 * duplicates inside the file) before anything is written; one invalid line and the answer is the full report.
 * Each line is compared with the SIAE's existing companies (import/match-existing.ts): importing the same file twice
 * creates nothing the second time; a matched line only fills empty fields and adds a contact the company lacks, never
 * overwriting what the SIAE typed. Imports of one SIAE are serialised so that two at once cannot both create a company.
 */
@Injectable()
export class CompaniesImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly referentials: ReferentialsService,
    private readonly pooling: PoolingRequests,
  ) {}

  parseMapping(raw: string | undefined): ColumnMapping | undefined {
    if (raw === undefined || raw.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw errors.importMappingInvalid('ce n’est pas un objet JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw errors.importMappingInvalid('ce n’est pas un objet JSON');
    const mapping: ColumnMapping = {};
    for (const [field, header] of Object.entries(value)) {
      if (!(importFields as readonly string[]).includes(field))
        throw errors.importMappingInvalid(`« ${field} » n'est pas un champ connu (${importFields.join(', ')})`);
      if (typeof header !== 'string' || header.trim() === '')
        throw errors.importMappingInvalid(`le nom de colonne pour « ${field} » doit être un texte`);
      mapping[field as keyof ColumnMapping] = header;
    }
    if (!mapping.name)
      throw errors.importMappingInvalid('la colonne du nom de l’entreprise (« name ») est obligatoire');
    return mapping;
  }

  /** Who may import into the SIAE's list (direction, chargé·e de développement of that SIAE). */
  assertImporter(principal: Principal, siaeId: string): void {
    this.companies.assertWriter(viewerOf(principal), siaeId);
  }

  /**
   * In the request: the dry run (≤ DRY_RUN_MAX_LINES lines), or a whole import at once — what the job runs too
   * (`run`), kept callable so that both can be compared on one file.
   */
  async import(
    principal: Principal,
    siaeId: string,
    bytes: Uint8Array,
    options: { mapping?: ColumnMapping; dryRun: boolean },
  ): Promise<ImportResult> {
    this.assertImporter(principal, siaeId);
    return this.dataSource.transaction((manager) =>
      this.run(manager, siaeId, principal.userId, bytes, {
        ...options,
        maxLines: options.dryRun ? DRY_RUN_MAX_LINES : undefined,
      }),
    );
  }

  /**
   * The import itself, in the caller's transaction: read, check every line, match, and (unless `dryRun`) write. An
   * invalid line anywhere throws `IMPORT_INVALID` before anything is written.
   */
  async run(
    manager: EntityManager,
    siaeId: string,
    userId: string | null,
    bytes: Uint8Array,
    options: { mapping?: ColumnMapping; dryRun: boolean; maxLines?: number; progress?: ImportProgress },
  ): Promise<ImportResult> {
    const progress = options.progress ?? noProgress;
    let table: CsvTable;
    try {
      table = readCsvTable(bytes, options.mapping);
    } catch (e) {
      if (e instanceof CsvTableError) throw errors.importUnreadable(e.message);
      throw e;
    }
    const total = table.rows.length;
    if (options.maxLines !== undefined && total > options.maxLines)
      throw errors.dryRunTooLarge(total, options.maxLines);
    await progress('lecture', 0, total);
    const { lines, errors: lineErrors } = checkLines(table);
    await progress('vérification', 0, total);
    const { resolved, errors: communeErrors } = await this.resolveCommunes(manager, lines);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('company-import'), hashtext($1))`, [siaeId]);
    const duplicates = findDuplicates(resolved);
    // a line already reported as a duplicate inside the file is not compared again (one problem, one message)
    const twice = new Set(duplicates.map((d) => d.line));
    const matched = matchExisting(
      resolved.filter((l) => !twice.has(l.line)),
      await this.existing(manager, siaeId),
    );
    await progress('vérification', total, total);
    const report = [...lineErrors, ...communeErrors, ...duplicates, ...matched.errors].sort((a, b) => a.line - b.line);
    // a wrong separator or mapping makes every line wrong: the first errors say it, thousands more only weigh the answer
    if (report.length > 0)
      throw errors.importInvalid({
        lines: table.rows.length,
        errorCount: report.length,
        truncated: report.length > MAX_REPORTED,
        errors: report.slice(0, MAX_REPORTED),
      });

    const outcomes = matched.outcomes;
    const created = resolved.filter((_, i) => outcomes[i].kind === 'created');
    const existing = outcomes.filter((o) => o.kind === 'existing');
    const updated = existing.filter((o) => Object.keys(o.fill).length > 0).length;
    const contacts = created.filter((l) => l.contact).length + existing.filter((o) => o.contact === 'added').length;
    const result: ImportResult = {
      dryRun: options.dryRun,
      encoding: table.encoding,
      separator: table.separator === '\t' ? 'tab' : table.separator,
      columns: Object.fromEntries(Object.entries(table.columns).map(([field, index]) => [field, table.headers[index]])),
      ignoredColumns: table.ignoredColumns,
      lines: table.rows.length,
      companies: created.length,
      contacts,
      existing: existing.length,
      updated,
      report: [],
      reportTruncated: outcomes.length > MAX_LINE_REPORT,
    };
    if (options.dryRun) return { ...result, report: lineReport(outcomes, new Map()) };
    // Writing moves the progress by lines: created ones first, then the matched ones' fills and contacts.
    const wrote = (n: number) => progress('écriture', n, total);
    await wrote(0);
    const ids = await this.write(manager, siaeId, userId, created, wrote);
    await this.update(manager, userId, resolved, outcomes, (n) => wrote(created.length + n));
    await wrote(total);
    await this.audit.record(
      {
        actorUserId: userId,
        action: 'company.import',
        subjectType: 'siae',
        subjectId: siaeId,
        context: {
          lines: table.rows.length,
          companies: created.length,
          existing: existing.length,
          updated,
          contacts,
          encoding: table.encoding,
        },
      },
      manager,
    );
    return { ...result, report: lineReport(outcomes, new Map(created.map((l, i) => [l.line, ids[i]]))) };
  }

  /** The SIAE's companies and their contacts, as the matching compares them. */
  private async existing(manager: EntityManager, siaeId: string): Promise<ExistingCompany[]> {
    const companies: Array<Omit<ExistingCompany, 'contacts'>> = await manager.query(
      `SELECT id, name, siret, naf, address, website, commune_code AS "communeCode" FROM company WHERE siae_id = $1 ORDER BY created_at, id`,
      [siaeId],
    );
    const contacts: Array<ExistingCompany['contacts'][number] & { companyId: string }> = await manager.query(
      `SELECT cc.company_id AS "companyId", cc.first_name AS "firstName", cc.last_name AS "lastName", cc.email_normalised AS "emailNormalised", cc.phone_e164 AS "phoneE164"
         FROM company_contact cc JOIN company c ON c.id = cc.company_id WHERE c.siae_id = $1`,
      [siaeId],
    );
    const byCompany = new Map<string, ExistingCompany['contacts']>();
    for (const { companyId, ...k } of contacts)
      (byCompany.get(companyId) ?? byCompany.set(companyId, []).get(companyId)!).push(k);
    return companies.map((c) => ({ ...c, contacts: byCompany.get(c.id) ?? [] }));
  }

  /**
   * Fills the empty fields of matched companies (COALESCE at write time: a value typed meanwhile wins) and adds the
   * contacts they lacked; the collectives their records are shared with re-link them.
   */
  private async update(
    manager: EntityManager,
    userId: string | null,
    lines: ResolvedLine[],
    outcomes: LineOutcome[],
    progress: (existingDone: number) => Promise<void>,
  ): Promise<void> {
    const touched: Array<{ id: string; fill: Extract<LineOutcome, { kind: 'existing' }>['fill'] }> = [];
    const contacts: Array<Partial<CompanyContact>> = [];
    outcomes.forEach((o, i) => {
      if (o.kind !== 'existing') return;
      if (Object.keys(o.fill).length > 0) touched.push({ id: o.companyId, fill: o.fill });
      if (o.contact === 'added' && lines[i].contact)
        contacts.push({ companyId: o.companyId, preferredChannel: null, ...lines[i].contact });
    });
    for (let i = 0; i < touched.length; i += INSERT_CHUNK) {
      const chunk = touched.slice(i, i + INSERT_CHUNK);
      const column = (f: keyof (typeof chunk)[number]['fill']) => chunk.map((t) => t.fill[f] ?? null);
      await manager.query(
        `UPDATE company c SET siret = COALESCE(c.siret, u.siret), naf = COALESCE(c.naf, u.naf), address = COALESCE(c.address, u.address),
                website = COALESCE(c.website, u.website), commune_code = COALESCE(c.commune_code, u.commune_code), updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, siret, naf, address, website, commune_code)
          WHERE c.id = u.id`,
        [
          chunk.map((t) => t.id),
          column('siret'),
          column('naf'),
          column('address'),
          column('website'),
          column('communeCode'),
        ],
      );
      await progress(i + chunk.length);
    }
    for (let i = 0; i < contacts.length; i += INSERT_CHUNK)
      await manager.insert(CompanyContact, contacts.slice(i, i + INSERT_CHUNK));
    const changed = [...new Set([...touched.map((t) => t.id), ...contacts.map((c) => c.companyId!)])];
    if (changed.length === 0) return;
    const shared: Array<{ collective_id: string }> = await manager.query(
      `SELECT DISTINCT collective_id FROM company_share WHERE company_id = ANY($1::uuid[]) AND withdrawn_at IS NULL ORDER BY collective_id`,
      [changed],
    );
    for (const s of shared) await this.pooling.requestForCollective(manager, s.collective_id, userId);
  }

  private async write(
    manager: EntityManager,
    siaeId: string,
    userId: string | null,
    lines: Array<CheckedLine & { communeCode: string | null }>,
    progress: (created: number) => Promise<void>,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
      const chunk = lines.slice(i, i + INSERT_CHUNK);
      const inserted = await manager.insert(
        Company,
        chunk.map((l) => ({
          siaeId,
          name: l.name,
          siret: l.siret,
          siren: null,
          naf: l.naf,
          sizeBand: null,
          communeCode: l.communeCode,
          address: l.address,
          website: l.website,
          createdByUserId: userId,
        })),
      );
      const chunkIds = inserted.identifiers.map((r) => r.id as string);
      ids.push(...chunkIds);
      const contacts = chunk.flatMap((l, k) =>
        l.contact ? [{ companyId: chunkIds[k], preferredChannel: null, ...l.contact }] : [],
      );
      if (contacts.length > 0) await manager.insert(CompanyContact, contacts);
      await progress(ids.length);
    }
    return ids;
  }

  /**
   * INSEE codes are checked against the referential; a postcode and/or city name is looked up once per distinct pair,
   * names compared with the referential's own folding (accents, case, punctuation) so both sides agree.
   */
  private async resolveCommunes(
    manager: EntityManager,
    lines: CheckedLine[],
  ): Promise<{ resolved: Array<CheckedLine & { communeCode: string | null }>; errors: ImportLineError[] }> {
    const codes = lines.flatMap((l) => (l.commune?.kind === 'code' ? [l.commune.code] : []));
    const known = await this.referentials.findCommunes(codes, manager);
    const places = new Map<string, { postcode: string | null; city: string | null }>();
    for (const l of lines)
      if (l.commune?.kind === 'place')
        places.set(placeKey(l.commune.postcode, l.commune.city), {
          postcode: l.commune.postcode,
          city: l.commune.city ? cityKey(l.commune.city) : null,
        });
    const candidates = new Map<string, Array<{ code: string; nameMatch: boolean }>>();
    if (places.size > 0) {
      const keys = [...places.keys()];
      const rows: Array<{ i: string; code: string; name_match: boolean }> = await manager.query(
        // the city is folded once per pair and postcodes are unnested so that both joins are hash joins: an OR join
        // folding names per (pair, commune) took minutes on a few thousand distinct pairs
        `WITH q AS MATERIALIZED (
           SELECT u.i, u.postcode, CASE WHEN u.city IS NULL THEN NULL ELSE ' ' || ${searchWordSql('u.city')} || ' ' END AS city_search
             FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(postcode, city, i)
         ), by_postcode AS (
           SELECT c.code, c.search_name, p.postcode FROM commune c CROSS JOIN LATERAL unnest(c.postcodes) AS p(postcode)
         )
         SELECT q.i::text AS i, b.code, (q.city_search IS NOT NULL AND b.search_name = q.city_search) AS name_match
           FROM q JOIN by_postcode b ON b.postcode = q.postcode
         UNION ALL
         SELECT q.i::text, c.code, true FROM q JOIN commune c ON c.search_name = q.city_search WHERE q.postcode IS NULL`,
        [keys.map((k) => places.get(k)!.postcode), keys.map((k) => places.get(k)!.city)],
      );
      for (const r of rows) {
        const key = keys[Number(r.i) - 1];
        candidates.set(key, [...(candidates.get(key) ?? []), { code: r.code, nameMatch: r.name_match }]);
      }
    }
    const resolved: Array<CheckedLine & { communeCode: string | null }> = [];
    const report: ImportLineError[] = [];
    for (const l of lines) {
      const c = l.commune;
      if (!c) {
        resolved.push({ ...l, communeCode: null });
      } else if (c.kind === 'code') {
        if (known.has(c.code)) resolved.push({ ...l, communeCode: c.code });
        else
          report.push({
            line: l.line,
            field: 'commune',
            message: `Le code INSEE « ${c.code} » ne correspond à aucune commune.`,
          });
      } else {
        const found = candidates.get(placeKey(c.postcode, c.city)) ?? [];
        const outcome = pickCommune(found, c.postcode, c.city);
        if (typeof outcome === 'string') resolved.push({ ...l, communeCode: outcome });
        else report.push({ line: l.line, ...outcome });
      }
    }
    return { resolved, errors: report };
  }
}

function lineReport(outcomes: LineOutcome[], createdIds: Map<number, string>): ImportResult['report'] {
  return outcomes.slice(0, MAX_LINE_REPORT).map((o) => ({
    line: o.line,
    outcome: o.kind === 'created' ? 'créée' : 'déjà présente',
    companyId: o.kind === 'existing' ? o.companyId : (createdIds.get(o.line) ?? null),
    message: describeOutcome(o),
  }));
}

function pickCommune(
  found: Array<{ code: string; nameMatch: boolean }>,
  postcode: string | null,
  city: string | null,
): string | Omit<ImportLineError, 'line'> {
  if (postcode && city) {
    const named = found.filter((f) => f.nameMatch);
    if (named.length === 1) return named[0].code;
    if (found.length === 0)
      return { field: 'postcode', message: `Le code postal « ${postcode} » ne correspond à aucune commune.` };
    if (named.length === 0)
      return { field: 'city', message: `La ville « ${city} » ne correspond pas au code postal ${postcode}.` };
    return {
      field: 'city',
      message: `Plusieurs communes « ${city} » ont le code postal ${postcode} : indiquez le code INSEE.`,
    };
  }
  if (postcode) {
    if (found.length === 1) return found[0].code;
    if (found.length === 0)
      return { field: 'postcode', message: `Le code postal « ${postcode} » ne correspond à aucune commune.` };
    return { field: 'city', message: `Plusieurs communes ont le code postal ${postcode} : indiquez aussi la ville.` };
  }
  if (found.length === 1) return found[0].code;
  if (found.length === 0)
    return {
      field: 'city',
      message: `La commune « ${city} » est introuvable : vérifiez l'orthographe ou ajoutez le code postal.`,
    };
  return { field: 'city', message: `Plusieurs communes s'appellent « ${city} » : ajoutez le code postal.` };
}
