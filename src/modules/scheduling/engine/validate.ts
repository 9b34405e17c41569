import { ScheduleInstance } from './types';

/** Raised for a malformed instance; `problems` are French sentences a user can act on. */
export class InvalidInstanceError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Instance invalide :\n  - ${problems.slice(0, 50).join('\n  - ')}${problems.length > 50 ? `\n  … et ${problems.length - 50} autre(s) problème(s)` : ''}`,
    );
    this.name = 'InvalidInstanceError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNonNegInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/**
 * Same rules as the shared checker's instance validation (so that anything the
 * judge accepts, the engine accepts too), plus the optional `locked` list,
 * which must be a feasible partial schedule of the instance.
 */
export function validateInstance(raw: unknown): string[] {
  const errs: string[] = [];
  if (!isObject(raw)) return ["l'instance n'est pas un objet JSON"];
  if (raw.version !== 1) errs.push(`version doit valoir 1 (reçu ${show(raw.version)})`);
  for (const key of ['slots', 'employers', 'candidates', 'pairs']) {
    if (!Array.isArray(raw[key])) errs.push(`${key} doit être un tableau`);
  }
  if (
    raw.coverageBonus !== undefined &&
    !(typeof raw.coverageBonus === 'number' && Number.isFinite(raw.coverageBonus))
  ) {
    errs.push('coverageBonus doit être un nombre fini');
  }
  if (raw.locked !== undefined && !Array.isArray(raw.locked)) errs.push('locked doit être un tableau de rendez-vous');
  if (errs.length) return errs;

  const slots = raw.slots as unknown[];
  const slotIds = new Set<string>();
  slots.forEach((s, i) => {
    if (!isObject(s) || typeof s.id !== 'string' || s.id === '') {
      errs.push(`slots[${i}] doit être un objet avec un id texte non vide`);
      return;
    }
    if (slotIds.has(s.id)) errs.push(`id de créneau en double : ${show(s.id)}`);
    slotIds.add(s.id);
    for (const k of ['start', 'end']) {
      const v = s[k];
      if (v !== undefined && (typeof v !== 'string' || Number.isNaN(Date.parse(v))))
        errs.push(`slots[${i}].${k} n'est pas une date lisible`);
    }
    if (typeof s.start === 'string' && typeof s.end === 'string' && Date.parse(s.start) >= Date.parse(s.end)) {
      errs.push(`créneau ${s.id} : le début n'est pas avant la fin`);
    }
  });

  const checkAvailable = (who: string, av: unknown): void => {
    if (!Array.isArray(av)) {
      errs.push(`${who} : available doit être un tableau d'id de créneaux`);
      return;
    }
    const seen = new Set<string>();
    for (const sid of av) {
      if (typeof sid !== 'string' || !slotIds.has(sid))
        errs.push(`${who} : available cite un créneau inconnu ${show(sid)}`);
      else if (seen.has(sid)) errs.push(`${who} : available cite deux fois le créneau ${sid}`);
      else seen.add(sid);
    }
  };

  const employers = new Map<string, Record<string, unknown>>();
  (raw.employers as unknown[]).forEach((e, i) => {
    if (!isObject(e) || typeof e.id !== 'string' || e.id === '') {
      errs.push(`employers[${i}] doit être un objet avec un id texte non vide`);
      return;
    }
    if (employers.has(e.id)) errs.push(`id d'employeur en double : ${show(e.id)}`);
    employers.set(e.id, e);
    if (!isNonNegInt(e.tables)) errs.push(`employeur ${e.id} : tables doit être un entier positif ou nul`);
    if (e.maxMeetings !== undefined && e.maxMeetings !== null && !isNonNegInt(e.maxMeetings)) {
      errs.push(`employeur ${e.id} : maxMeetings doit être un entier positif ou nul`);
    }
    checkAvailable(`employeur ${e.id}`, e.available);
  });

  const candidates = new Map<string, Record<string, unknown>>();
  (raw.candidates as unknown[]).forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string' || c.id === '') {
      errs.push(`candidates[${i}] doit être un objet avec un id texte non vide`);
      return;
    }
    if (candidates.has(c.id)) errs.push(`id de candidat en double : ${show(c.id)}`);
    candidates.set(c.id, c);
    if (c.maxMeetings !== undefined && c.maxMeetings !== null && !isNonNegInt(c.maxMeetings)) {
      errs.push(`candidat ${c.id} : maxMeetings doit être un entier positif ou nul`);
    }
    checkAvailable(`candidat ${c.id}`, c.available);
  });

  const pairKeys = new Set<string>();
  (raw.pairs as unknown[]).forEach((p, i) => {
    if (!isObject(p)) {
      errs.push(`pairs[${i}] n'est pas un objet`);
      return;
    }
    if (typeof p.candidate !== 'string' || !candidates.has(p.candidate))
      errs.push(`pairs[${i}] : candidat inconnu ${show(p.candidate)}`);
    if (typeof p.employer !== 'string' || !employers.has(p.employer))
      errs.push(`pairs[${i}] : employeur inconnu ${show(p.employer)}`);
    if (!(typeof p.weight === 'number' && Number.isFinite(p.weight)))
      errs.push(`pairs[${i}] : weight doit être un nombre fini`);
    if (p.priority !== undefined && typeof p.priority !== 'boolean')
      errs.push(`pairs[${i}] : priority doit être un booléen`);
    const key = JSON.stringify([p.candidate, p.employer]);
    if (pairKeys.has(key)) errs.push(`paire en double (${String(p.candidate)}, ${String(p.employer)})`);
    pairKeys.add(key);
  });

  if (errs.length === 0 && Array.isArray(raw.locked)) {
    errs.push(...validateLocked(raw.locked, { slotIds, employers, candidates, pairKeys }));
  }
  return errs;
}

interface Known {
  slotIds: Set<string>;
  employers: Map<string, Record<string, unknown>>;
  candidates: Map<string, Record<string, unknown>>;
  pairKeys: Set<string>;
}

/** Locked meetings are kept verbatim, so they must already obey every rule of the judge. */
export function validateLocked(locked: unknown[], known: Known): string[] {
  const errs: string[] = [];
  const seen = { pair: new Set<string>(), table: new Set<string>(), candSlot: new Set<string>() };
  const candCount = new Map<string, number>();
  const empCount = new Map<string, number>();
  locked.forEach((m, i) => {
    const at = `locked[${i}]`;
    if (!isObject(m)) {
      errs.push(`${at} n'est pas un objet`);
      return;
    }
    const { candidate, employer, slot, table } = m;
    if (typeof candidate !== 'string' || !known.candidates.has(candidate))
      errs.push(`${at} : candidat inconnu ${show(candidate)}`);
    if (typeof employer !== 'string' || !known.employers.has(employer))
      errs.push(`${at} : employeur inconnu ${show(employer)}`);
    if (typeof slot !== 'string' || !known.slotIds.has(slot)) errs.push(`${at} : créneau inconnu ${show(slot)}`);
    if (!isNonNegInt(table)) errs.push(`${at} : table doit être un entier positif ou nul`);
    if (
      typeof candidate !== 'string' ||
      typeof employer !== 'string' ||
      typeof slot !== 'string' ||
      !isNonNegInt(table)
    )
      return;
    const c = known.candidates.get(candidate);
    const e = known.employers.get(employer);
    if (!c || !e || !known.slotIds.has(slot)) return;
    const pairKey = JSON.stringify([candidate, employer]);
    if (!known.pairKeys.has(pairKey)) errs.push(`${at} : (${candidate}, ${employer}) n'est pas une paire autorisée`);
    if (seen.pair.has(pairKey)) errs.push(`${at} : la paire (${candidate}, ${employer}) est verrouillée deux fois`);
    seen.pair.add(pairKey);
    if (!(c.available as string[]).includes(slot))
      errs.push(`${at} : le candidat ${candidate} n'est pas présent au créneau ${slot}`);
    if (!(e.available as string[]).includes(slot))
      errs.push(`${at} : l'employeur ${employer} n'est pas présent au créneau ${slot}`);
    if ((table as number) >= (e.tables as number))
      errs.push(`${at} : table ${String(table)} hors limites (l'employeur ${employer} a ${String(e.tables)} table(s))`);
    const tableKey = JSON.stringify([employer, slot, table]);
    if (seen.table.has(tableKey))
      errs.push(`${at} : la table ${String(table)} de ${employer} est déjà prise au créneau ${slot}`);
    seen.table.add(tableKey);
    const candSlotKey = JSON.stringify([candidate, slot]);
    if (seen.candSlot.has(candSlotKey))
      errs.push(`${at} : le candidat ${candidate} a déjà un rendez-vous verrouillé au créneau ${slot}`);
    seen.candSlot.add(candSlotKey);
    candCount.set(candidate, (candCount.get(candidate) ?? 0) + 1);
    empCount.set(employer, (empCount.get(employer) ?? 0) + 1);
  });
  for (const [id, n] of candCount) {
    const cap = known.candidates.get(id)?.maxMeetings;
    if (typeof cap === 'number' && n > cap)
      errs.push(`locked : le candidat ${id} a ${n} rendez-vous verrouillés pour un maximum de ${cap}`);
  }
  for (const [id, n] of empCount) {
    const cap = known.employers.get(id)?.maxMeetings;
    if (typeof cap === 'number' && n > cap)
      errs.push(`locked : l'employeur ${id} a ${n} rendez-vous verrouillés pour un maximum de ${cap}`);
  }
  return errs;
}

/** Narrows an unknown JSON value to a valid instance or throws InvalidInstanceError. */
export function assertValidInstance(raw: unknown): asserts raw is ScheduleInstance {
  const problems = validateInstance(raw);
  if (problems.length) throw new InvalidInstanceError(problems);
}
