import { Module } from '@nestjs/common';
import { ReferentialsController } from './referentials.controller';
import { ReferentialsImporter } from './referentials.importer';
import { ReferentialsSearch } from './referentials-search.service';
import { ReferentialsService } from './referentials.service';

/** ROME (fiches, appellations, domains, related jobs) and communes: reference data shipped in data/. */
@Module({
  controllers: [ReferentialsController],
  providers: [ReferentialsService, ReferentialsSearch, ReferentialsImporter],
  exports: [ReferentialsService, ReferentialsSearch, ReferentialsImporter],
})
export class ReferentialsModule {}
