import { ParseId } from '../../platform/errors/parse-id.pipe';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { CompaniesImportService, DRY_RUN_MAX_LINES, IMPORT_MAX_BYTES } from './companies-import.service';
import { CompanyImportJobs } from './company-import-jobs.service';
import { ImportCompaniesQueryDto } from './dto/import.dto';
import { CompanyImportDto, ImportResultDto } from './dto/import-views.dto';
import { employerNetworkErrors as errors } from './employer-network.errors';

/**
 * The file travels as the raw request body: the application's JSON parser stops at 256 kB and base64 would inflate a
 * 5 MB export by a third; bytes (not text) are needed anyway to tell UTF-8 from Windows-1252.
 */
async function readFile(req: Request): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  // these were (or would be) consumed by the global body parsers, or need a multipart parser the API does not carry
  if (/^(application\/json|application\/x-www-form-urlencoded|multipart\/)/.test(type)) throw errors.importMediaType();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > IMPORT_MAX_BYTES) throw errors.importTooLarge(IMPORT_MAX_BYTES);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > IMPORT_MAX_BYTES) throw errors.importTooLarge(IMPORT_MAX_BYTES);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

@ApiTags('réseau d’entreprises')
@ApiBearerAuth()
@Controller()
export class CompaniesImportController {
  constructor(
    private readonly imports: CompaniesImportService,
    private readonly jobs: CompanyImportJobs,
  ) {}

  @Post('siae/:siaeId/companies/import')
  @Allow('direction', 'charge_dev')
  @ApiOperation({
    summary: 'Importer la liste d’entreprises de la structure depuis un CSV (tout ou rien)',
    description:
      'Le corps est le fichier CSV tel quel (Content-Type: text/csv, 5 Mo au plus). Séparateur « ; », « , » ou tabulation détecté ' +
      'sur la ligne d’en-tête ; encodage UTF-8 (avec ou sans BOM) ou Windows-1252 (Excel) détecté ; champs entre guillemets acceptés. ' +
      'Chaque ligne est vérifiée (nom obligatoire, SIRET avec sa clé, commune par code INSEE ou code postal + ville, e-mail, téléphone, ' +
      'doublons dans le fichier) : si une seule ligne est invalide, rien n’est écrit et le compte rendu IMPORT_INVALID détaille ' +
      '`details.errors = [{ line, field, message }]` (réponse 422 en dryRun, `errors` de l’import sinon). ' +
      'L’import s’exécute en arrière-plan : la réponse 202 donne son identifiant ; `GET …/companies/imports/{importId}` dit où il en est ' +
      `(lignes traitées / total, en français) puis son résultat. dryRun=true répond tout de suite, pour ${DRY_RUN_MAX_LINES} lignes au plus ` +
      '(IMPORT_DRY_RUN_TOO_LARGE au-delà). Chaque ligne est comparée aux entreprises de la structure : même SIRET quand les deux ' +
      'en ont un, sinon même nom normalisé (formes juridiques, accents, abréviations) dans la même commune. Une ligne reconnue ne crée rien : ' +
      'elle complète seulement les champs vides de la fiche existante (SIRET, NAF, adresse, site, commune ; jamais ce que la structure a saisi) ' +
      'et ajoute son contact s’il n’y est pas (même e-mail, même téléphone ou même nom). Importer deux fois le même fichier ne crée donc ' +
      'aucun doublon. Le résultat (200 en dryRun, `result` de l’import) donne les nombres d’entreprises créées, de lignes déjà présentes, de fiches complétées, de ' +
      'contacts ajoutés, et `report = [{ line, outcome: "créée" | "déjà présente", companyId, message }]` (5 000 lignes au plus).',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({
    status: 202,
    type: CompanyImportDto,
    description:
      'Fichier reçu, import en attente du worker (une transaction, journalisé) : suivez-le par son identifiant.',
  })
  @ApiResponse({ status: 200, type: ImportResultDto, description: 'dryRun=true : fichier valide, rien n’a été écrit.' })
  @ApiResponse({ status: 422, description: 'dryRun=true, IMPORT_INVALID : compte rendu ligne par ligne.' })
  async import(
    @CurrentPrincipal() p: Principal,
    @Param('siaeId', ParseId) siaeId: string,
    @Query() query: ImportCompaniesQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResultDto | CompanyImportDto> {
    const mapping = this.imports.parseMapping(query.mapping);
    // Checked before the file is read: a refused caller does not get to upload 5 MB.
    this.imports.assertImporter(p, siaeId);
    const file = await readFile(req);
    if (query.dryRun === 'true') {
      res.status(200);
      return this.imports.import(p, siaeId, file, { mapping, dryRun: true });
    }
    res.status(202);
    return this.jobs.enqueue(p, siaeId, file, mapping);
  }

  @Get('siae/:siaeId/companies/imports/:importId')
  @Allow('direction', 'charge_dev')
  @ApiOperation({ summary: 'Où en est un import d’entreprises (lignes traitées / total), puis son résultat' })
  progress(
    @CurrentPrincipal() p: Principal,
    @Param('siaeId', ParseId) siaeId: string,
    @Param('importId', ParseId) importId: string,
  ): Promise<CompanyImportDto> {
    return this.jobs.view(p, siaeId, importId);
  }
}
