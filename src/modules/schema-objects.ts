import type { SchemaObjects } from '../platform/database/schema-objects';
import { candidatesSchemaObjects } from './candidates/candidates.triggers';
import { hiringNeedsSchemaObjects } from './employer-network/hiring-needs.triggers';
import { referentialsSchemaObjects } from './referentials/referentials.functions';

/**
 * Every function and trigger of schema `public` (outside extensions), by owning module. The migration check fails when
 * the migrated database holds one that is not here, or a definition that differs (src/platform/database/README.md).
 */
export const schemaObjects: readonly SchemaObjects[] = [
  referentialsSchemaObjects,
  candidatesSchemaObjects,
  hiringNeedsSchemaObjects,
];
