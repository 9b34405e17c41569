import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReferentialsService } from '../referentials/referentials.service';
import { structuresErrors } from './structures.errors';

export interface CommuneInfo {
  code: string;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** INSEE code: 5 digits, or 2A/2B + 3 digits for Corsica. */
export const INSEE_CODE_PATTERN = /^(?:[0-9]{5}|2[AB][0-9]{3})$/;

/** The communes of SIAE, resolved through the referentials module (name and centroid). */
@Injectable()
export class CommuneDirectory {
  constructor(private readonly referentials: ReferentialsService) {}

  /** For writes: a code the referential does not know is refused (400 `UNKNOWN_COMMUNE`). */
  async known(code: string, manager?: EntityManager): Promise<CommuneInfo> {
    const commune = await this.referentials.findCommune(code, manager);
    if (!commune) throw structuresErrors.communeUnknown(code);
    return { code: commune.code, name: commune.name, latitude: commune.latitude, longitude: commune.longitude };
  }

  /**
   * For reads: a code the referential no longer knows (a merged commune after a COG update) still shows, without name
   * or coordinates, instead of hiding the SIAE.
   */
  async describe(codes: string[], manager?: EntityManager): Promise<Map<string, CommuneInfo>> {
    const found = await this.referentials.findCommunes(codes, manager);
    return new Map(
      codes.map((code) => {
        const c = found.get(code);
        return [
          code,
          c
            ? { code, name: c.name, latitude: c.latitude, longitude: c.longitude }
            : { code, name: null, latitude: null, longitude: null },
        ];
      }),
    );
  }
}
