import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../platform/auth/access.decorators';
import { AutocompleteQueryDto } from './dto/autocomplete-query.dto';
import { CommuneCodeParamsDto, FicheCodeParamsDto } from './dto/referential-params.dto';
import { AppellationSuggestionDto, CommuneDto, FicheDto } from './dto/referentials.dto';
import { ReferentialsSearch } from './referentials-search.service';
import { ReferentialsService } from './referentials.service';

const DEFAULT_LIMIT = 10;
// Public reference data that changes only with a deployment: browsers and proxies may keep it a while.
const CACHE = 'public, max-age=300';

/** Public: reference data only (job titles, communes), nothing about people or structures. */
@ApiTags('référentiels')
@Public()
@Controller('referentials')
export class ReferentialsController {
  constructor(
    private readonly referentials: ReferentialsService,
    private readonly search: ReferentialsSearch,
  ) {}

  /** Autocomplétion des appellations ROME : chaque mot tapé doit commencer un mot du libellé (accents ignorés). */
  @Get('appellations')
  @Header('Cache-Control', CACHE)
  @ApiOkResponse({ type: [AppellationSuggestionDto] })
  appellations(@Query() query: AutocompleteQueryDto): Promise<AppellationSuggestionDto[]> {
    return this.search.appellations(query.q, query.limit ?? DEFAULT_LIMIT);
  }

  /** Autocomplétion des communes, par nom (accents, tirets et « St » ignorés) ou par début de code postal. */
  @Get('communes')
  @Header('Cache-Control', CACHE)
  @ApiOkResponse({ type: [CommuneDto] })
  communes(@Query() query: AutocompleteQueryDto): Promise<CommuneDto[]> {
    return this.search.communes(query.q, query.limit ?? DEFAULT_LIMIT);
  }

  /** Une commune par son code INSEE, avec ses coordonnées. */
  @Get('communes/:code')
  @Header('Cache-Control', CACHE)
  @ApiOkResponse({ type: CommuneDto })
  commune(@Param() params: CommuneCodeParamsDto): Promise<CommuneDto> {
    return this.referentials.getCommune(params.code);
  }

  /** Une fiche ROME, son domaine, son nombre d'appellations et ses métiers connexes. */
  @Get('fiches/:code')
  @Header('Cache-Control', CACHE)
  @ApiOkResponse({ type: FicheDto })
  async fiche(@Param() params: FicheCodeParamsDto): Promise<FicheDto> {
    const fiche = await this.referentials.getFiche(params.code);
    const [appellationsCount, related] = await Promise.all([
      this.referentials.countAppellations(fiche.code),
      this.referentials.relatedFiches(fiche.code, 20),
    ]);
    return { ...fiche, appellationsCount, related };
  }
}
