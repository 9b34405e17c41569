/**
 * What a kind of employer link opens. Each module declares its kinds once, at import time, next to the code that
 * issues them (events: an event's company; proposals: a proposal), so the link mechanism stays ignorant of domains.
 */
export interface LinkKind<K extends string = string> {
  /** Stored on the link; lower snake case, at most 40 characters (CHK_employer_link_kind). */
  readonly kind: string;
  /** The ids a link of this kind carries, e.g. `['eventId', 'companyId']`. */
  readonly scopeKeys: readonly K[];
  /** Where the employer lands after the link is exchanged for a session (a page outside /api). */
  landingPath(scope: Record<K, string>): string;
}

const kinds = new Map<string, LinkKind>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function defineLinkKind<K extends string>(definition: LinkKind<K>): LinkKind<K> {
  if (!/^[a-z][a-z_]{1,39}$/.test(definition.kind)) throw new Error(`invalid link kind ${definition.kind}`);
  const known = kinds.get(definition.kind);
  if (known && known !== (definition as LinkKind)) throw new Error(`link kind ${definition.kind} declared twice`);
  kinds.set(definition.kind, definition as LinkKind);
  return definition;
}

export function linkKind(kind: string): LinkKind | undefined {
  return kinds.get(kind);
}

/** Keeps exactly the declared keys, each a UUID: a scope is compared by equality, so no stray key may slip in. */
export function normaliseScope<K extends string>(kind: LinkKind<K>, scope: Record<K, string>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of kind.scopeKeys) {
    const value = scope[key];
    if (typeof value !== 'string' || !UUID.test(value))
      throw new Error(`link scope ${kind.kind}.${key} must be a uuid`);
    out[key] = value.toLowerCase();
  }
  return out;
}
