/** Response shapes every module shares, named once so a client sees one type for one idea. */

/** Une commune telle que les listes l'affichent : code INSEE et nom. */
export class CommuneRefDto {
  /** Code INSEE de la commune. */
  code: string;
  name: string;
}

/** Une ressource nommée, désignée par son identifiant (entreprise, structure, collectif). */
export class IdNameDto {
  id: string;
  name: string;
}

/** Un code de référentiel et son libellé (appellation ROME, fiche, domaine). */
export class CodeLabelDto {
  code: string;
  label: string;
}

/** Une tâche mise en file par l'outbox : elle part vers le worker après la transaction. */
export class QueuedDto {
  /** Identifiant de la ligne d'outbox, qui est aussi l'identifiant de la tâche BullMQ. */
  outboxId: string;
}
