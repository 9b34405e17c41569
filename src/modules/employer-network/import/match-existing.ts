import { fold } from '../linking/text';
import { type CheckedLine, companyKey, type ImportLineError } from './import-lines';

/** A company the SIAE already has, with what is needed to compare a line to it. */
export interface ExistingCompany {
  id: string;
  name: string;
  siret: string | null;
  naf: string | null;
  address: string | null;
  website: string | null;
  communeCode: string | null;
  contacts: Array<{
    firstName: string | null;
    lastName: string | null;
    emailNormalised: string | null;
    phoneE164: string | null;
  }>;
}

export type ResolvedLine = CheckedLine & { communeCode: string | null };

/** Fields a line may fill on an existing company; what the SIAE typed is never overwritten. */
export const fillableFields = ['siret', 'naf', 'address', 'website', 'communeCode'] as const;
export type FillableField = (typeof fillableFields)[number];
const LABELS: Record<FillableField, string> = {
  siret: 'SIRET',
  naf: 'code NAF',
  address: 'adresse',
  website: 'site web',
  communeCode: 'commune',
};

export type LineOutcome =
  | { line: number; kind: 'created' }
  | {
      line: number;
      kind: 'existing';
      companyId: string;
      companyName: string;
      matchedBy: 'siret' | 'name';
      fill: Partial<Record<FillableField, string>>;
      contact: 'added' | 'known' | null;
    };

const personKey = (first: string | null, last: string | null) =>
  fold(`${first ?? ''} ${last ?? ''}`)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Compares each line with the SIAE's companies (pure): same SIRET when both have one, otherwise the same normalised
 * name (the linking engine's normalisation: legal forms, accents, abbreviations) in the same commune, except when both
 * carry a SIRET (two SIRETs under one name in one town are two establishments). Matching the oldest record when the
 * SIAE already has duplicates. A matched line fills only the empty fields of the company and adds its contact unless
 * the company already has that person (same e-mail, same phone, or same name when the line gives neither); two lines
 * landing on the same existing company are reported, as two lines describing the same company are.
 */
export function matchExisting(
  lines: ResolvedLine[],
  existing: ExistingCompany[],
): { outcomes: LineOutcome[]; errors: ImportLineError[] } {
  const bySiret = new Map<string, ExistingCompany>();
  const byKey = new Map<string, ExistingCompany[]>();
  for (const c of existing) {
    if (c.siret && !bySiret.has(c.siret)) bySiret.set(c.siret, c);
    const key = companyKey(c.name, c.communeCode);
    if (key) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(c);
  }
  const claimedBy = new Map<string, number>();
  const outcomes: LineOutcome[] = [];
  const errors: ImportLineError[] = [];
  for (const l of lines) {
    let match: ExistingCompany | undefined = l.siret ? bySiret.get(l.siret) : undefined;
    let matchedBy: 'siret' | 'name' = 'siret';
    if (!match) {
      const key = companyKey(l.name, l.communeCode);
      match = key ? byKey.get(key)?.find((c) => !(l.siret && c.siret)) : undefined;
      matchedBy = 'name';
    }
    if (!match) {
      outcomes.push({ line: l.line, kind: 'created' });
      continue;
    }
    const first = claimedBy.get(match.id);
    if (first !== undefined) {
      errors.push({
        line: l.line,
        field: matchedBy,
        message: `Cette ligne et la ligne ${first} correspondent toutes deux à l'entreprise déjà présente « ${match.name} » : gardez-en une seule, ou complétez le SIRET de la fiche existante.`,
      });
      continue;
    }
    claimedBy.set(match.id, l.line);
    const fill: Partial<Record<FillableField, string>> = {};
    for (const field of fillableFields) {
      const value = l[field];
      if (value && !match[field]) fill[field] = value;
    }
    let contact: 'added' | 'known' | null = null;
    if (l.contact) {
      const c = l.contact;
      const key = personKey(c.firstName, c.lastName);
      const known = match.contacts.some(
        (k) =>
          (c.emailNormalised && k.emailNormalised === c.emailNormalised) ||
          (c.phoneE164 && k.phoneE164 === c.phoneE164) ||
          (!c.emailNormalised && !c.phoneE164 && key !== '' && personKey(k.firstName, k.lastName) === key),
      );
      contact = known ? 'known' : 'added';
    }
    outcomes.push({
      line: l.line,
      kind: 'existing',
      companyId: match.id,
      companyName: match.name,
      matchedBy,
      fill,
      contact,
    });
  }
  return { outcomes, errors };
}

/** What the chargé·e de développement reads for each line, in the dry run as after the import. */
export function describeOutcome(o: LineOutcome): string {
  if (o.kind === 'created') return 'créée';
  const by = o.matchedBy === 'siret' ? 'reconnue par le SIRET' : 'reconnue par le nom et la commune';
  const parts: string[] = [];
  const filled = (Object.keys(o.fill) as FillableField[]).map((f) => LABELS[f]);
  if (filled.length) parts.push(`mise à jour de : ${filled.join(', ')}`);
  if (o.contact === 'added') parts.push('contact ajouté');
  if (o.contact === 'known') parts.push('contact déjà connu');
  return `déjà présente : « ${o.companyName} », ${by} (${parts.length ? parts.join(' ; ') : 'rien à mettre à jour'})`;
}
