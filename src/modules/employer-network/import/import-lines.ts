import { siretProblem } from '../../structures/siret';
import { normaliseCompanyName } from '../linking/company-name';
import { normaliseEmail, toE164 } from '../linking/phone';
import { fold } from '../linking/text';
import { forbiddenCharacter, invisibleInName, textMessages } from '../../../platform/input/text-rules';
import type { CsvTable, ImportField } from './csv-table';

export interface ImportLineError {
  line: number;
  field: ImportField | 'line';
  message: string;
}

/** Where a line's commune comes from: an INSEE code, or a postcode and/or a city name to look up in the referential. */
export type CommuneQuery =
  { kind: 'code'; code: string } | { kind: 'place'; postcode: string | null; city: string | null };

/** A line whose values are well formed, before its commune is resolved. */
export interface CheckedLine {
  line: number;
  name: string;
  siret: string | null;
  naf: string | null;
  address: string | null;
  website: string | null;
  commune: CommuneQuery | null;
  contact: {
    firstName: string | null;
    lastName: string | null;
    role: string | null;
    email: string | null;
    phone: string | null;
    emailNormalised: string | null;
    phoneE164: string | null;
  } | null;
}

const INSEE = /^[0-9][0-9AB][0-9]{3}$/;
const NAF = /^([0-9]{2})\.?([0-9]{2}) ?([A-Za-z])$/;

export function placeKey(postcode: string | null, city: string | null): string {
  return `${postcode ?? ''}|${city ? cityKey(city) : ''}`;
}

/** "St-Priest", "SAINT PRIEST", "Saint-Priest" meet; the database compares with its own folding after this. */
export function cityKey(city: string): string {
  return fold(city)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte');
}

/** Checks each line's values in isolation (pure). Messages are read by the chargé·e de développement: French, actionable. */
export function checkLines(table: CsvTable): { lines: CheckedLine[]; errors: ImportLineError[] } {
  const errors: ImportLineError[] = [];
  const lines: CheckedLine[] = [];
  for (const { line, values: raw } of table.rows) {
    const before = errors.length;
    // one message per field: a cell refused for its characters is not also reported missing
    const failed = new Set<ImportLineError['field']>();
    const fail = (field: ImportLineError['field'], message: string) => {
      if (failed.has(field)) return;
      failed.add(field);
      errors.push({ line, field, message });
    };
    const v = cleanCells(raw, fail);
    const name = v.name ?? '';
    if (!name) fail('name', "Le nom de l'entreprise est obligatoire.");
    else if (name.length > 200) fail('name', "Le nom de l'entreprise dépasse 200 caractères.");
    for (const field of ['name', 'contactName', 'contactFirstName'] as const) {
      const invisible = v[field] ? invisibleInName(v[field]) : undefined;
      if (invisible) fail(field, `Ce nom ${textMessages.invisibleInName(invisible)}.`);
    }

    let siret: string | null = null;
    if (v.siret) {
      siret = v.siret.replace(/[\s.]/g, '');
      const problem = siretProblem(siret);
      if (problem === 'format') fail('siret', `Le SIRET « ${v.siret} » doit compter 14 chiffres.`);
      else if (problem === 'checksum')
        fail('siret', `Le SIRET « ${v.siret} » n'est pas valide (clé de contrôle incorrecte).`);
    }

    let naf: string | null = null;
    if (v.naf) {
      const m = NAF.exec(v.naf.trim());
      if (!m) fail('naf', `Le code NAF « ${v.naf} » n'est pas reconnu (attendu par exemple 49.41A).`);
      else naf = `${m[1]}${m[2]}${m[3].toUpperCase()}`;
    }

    const address = v.address ?? null;
    if (address && address.length > 300) fail('address', "L'adresse dépasse 300 caractères.");
    const website = v.website ?? null;
    if (website && (website.length > 300 || /\s/.test(website) || !website.includes('.')))
      fail('website', `Le site « ${website} » n'est pas une adresse web.`);

    let commune: CommuneQuery | null = null;
    const postcodeRaw = v.postcode?.replace(/\s/g, '') ?? null;
    // a spreadsheet's number column drops the leading zero of Ain, Aisne… postcodes
    const postcode = postcodeRaw && /^[0-9]{4}$/.test(postcodeRaw) ? `0${postcodeRaw}` : postcodeRaw;
    if (v.commune) {
      const code = v.commune.trim().toUpperCase();
      if (!INSEE.test(code)) fail('commune', `Le code INSEE « ${v.commune} » n'est pas un code de commune.`);
      else commune = { kind: 'code', code };
    } else if (postcode && !/^[0-9]{5}$/.test(postcode)) {
      fail('postcode', `Le code postal « ${v.postcode} » doit compter 5 chiffres.`);
    } else if (!postcode && v.city && INSEE.test(v.city.trim().toUpperCase())) {
      commune = { kind: 'code', code: v.city.trim().toUpperCase() };
    } else if (postcode || v.city) {
      commune = { kind: 'place', postcode: postcode ?? null, city: v.city ?? null };
    }

    let contact: CheckedLine['contact'] = null;
    if (v.contactName || v.contactFirstName || v.contactEmail || v.contactPhone) {
      const emailNormalised = v.contactEmail ? normaliseEmail(v.contactEmail) : null;
      if (v.contactEmail && (!emailNormalised || v.contactEmail.length > 254))
        fail('contactEmail', `L'adresse e-mail « ${v.contactEmail} » n'est pas valide.`);
      const phoneE164 = v.contactPhone ? toE164(v.contactPhone) : null;
      // the phone is kept as typed (40 characters at most): "06 12 34 56 78 (standard, demander Mme X)" reads as a
      // valid number but would not fit
      if (v.contactPhone && (!phoneE164 || v.contactPhone.length > 40))
        fail('contactPhone', `Le numéro « ${v.contactPhone} » n'est pas un numéro de téléphone valide.`);
      for (const field of ['contactName', 'contactFirstName', 'contactRole'] as const)
        if ((v[field]?.length ?? 0) > 100) fail(field, 'Ce champ du contact dépasse 100 caractères.');
      contact = {
        // without a first-name column the whole "Marie Dupont" stays in last_name: splitting "DUPONT Marie" would guess wrong
        firstName: v.contactFirstName ?? null,
        lastName: v.contactName ?? null,
        role: v.contactRole ?? null,
        email: v.contactEmail ?? null,
        phone: v.contactPhone ?? null,
        emailNormalised,
        phoneE164,
      };
    } else if (v.contactRole) {
      fail('contactRole', 'Une fonction est indiquée sans nom, e-mail ni téléphone de contact.');
    }
    if (errors.length === before) lines.push({ line, name, siret, naf, address, website, commune, contact });
  }
  return { lines, errors };
}

/**
 * The platform's text rules applied to the cells of a line (the CSV does not go through the validation pipe): a
 * forbidden character (NUL, control, bidi override) is reported on its column; line breaks and tabs that a quoted cell
 * may hold become spaces (", " in an address); values are NFC-normalised and trimmed, and a cell left empty is absent.
 * Without this a NUL passed the dry run ("créée") and failed the real import with a 500 when PostgreSQL refused it.
 */
function cleanCells(
  values: CsvTable['rows'][number]['values'],
  fail: (field: ImportField, message: string) => void,
): CsvTable['rows'][number]['values'] {
  const out: CsvTable['rows'][number]['values'] = {};
  for (const [field, value] of Object.entries(values) as Array<[ImportField, string]>) {
    const forbidden = forbiddenCharacter(value);
    if (forbidden) {
      fail(field, `La valeur ${textMessages.forbidden(forbidden)}.`);
      continue;
    }
    const text = value
      .normalize('NFC')
      .replace(/\s*[\r\n]+\s*/g, field === 'address' ? ', ' : ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) out[field] = text;
  }
  return out;
}

/**
 * The key two descriptions of one company share: the linking engine's normalised name (legal forms, accents, "et"/"&",
 * abbreviations) glued, and the commune. Empty when the name leaves nothing distinctive: such a name matches nothing.
 */
export function companyKey(name: string, communeCode: string | null): string {
  const compact = normaliseCompanyName(name).compact;
  return compact ? `${compact}|${communeCode ?? ''}` : '';
}

/**
 * Lines describing the same company twice (same SIRET, or same normalised name in the same commune) are reported on
 * the later line: merging them silently would hide which of the two the user meant to keep.
 */
export function findDuplicates(lines: Array<CheckedLine & { communeCode: string | null }>): ImportLineError[] {
  const errors: ImportLineError[] = [];
  const bySiret = new Map<string, number>();
  const byName = new Map<string, { line: number; siret: string | null }>();
  for (const l of lines) {
    if (l.siret) {
      const first = bySiret.get(l.siret);
      if (first !== undefined) {
        errors.push({
          line: l.line,
          field: 'siret',
          message: `Même SIRET que la ligne ${first} : cette entreprise figure deux fois dans le fichier.`,
        });
        continue;
      }
      bySiret.set(l.siret, l.line);
    }
    const key = `${normaliseCompanyName(l.name).compact}|${l.communeCode ?? ''}`;
    const first = byName.get(key);
    // two different SIRETs under one name in one town are two establishments (a chain's shops), not a duplicate
    if (first !== undefined && !(first.siret && l.siret))
      errors.push({
        line: l.line,
        field: 'name',
        message: `Même nom et même commune que la ligne ${first.line} : cette entreprise figure deux fois dans le fichier.`,
      });
    else if (first === undefined) byName.set(key, { line: l.line, siret: l.siret });
  }
  return errors;
}
