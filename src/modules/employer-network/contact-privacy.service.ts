import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import type { MailAttachment } from '../notifications/mail-message.entity';
import { CompaniesService } from './companies.service';
import { type ContactIdentity, mentions, personMatcher, scrubJson, scrubText } from './contact-scrub';
import { viewerOf } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import { Company, CompanyContact } from './entities';
import { PoolingRequests } from './pooling-requests.service';

type ContactRow = ContactIdentity & {
  id: string;
  companyId: string;
  companyName: string;
  role: string | null;
  preferredChannel: string | null;
  createdAt: Date;
};

export interface ContactExport {
  exportedAt: Date;
  notice: string;
  siae: { id: string; name: string };
  contact: ContactRow;
  /** The same person on other records of the SIAE (same e-mail, or same phone and name): erased with this one. */
  sameOnOtherRecords: ContactRow[];
  interactions: Array<{
    id: string;
    companyId: string;
    kind: string;
    occurredOn: string;
    bySiaeId: string | null;
    byUserId: string | null;
    note: string | null;
    namesContact: boolean;
  }>;
  /** Collectives the record was shared with contacts included: their members could read this contact while the sharing lasted. */
  sharedWith: Array<{ collectiveId: string; collectiveName: string; sharedAt: Date; withdrawnAt: Date | null }>;
  /** Other text held by the collective's pooled view that mentions the person (pause reasons, solicitation notes). */
  pooledMentions: Array<{ pooledCompanyId: string; field: string; text: string }>;
  auditTrail: Array<{
    at: Date;
    action: string;
    actorUserId: string | null;
    actorName: string | null;
    subjectType: string;
    context: Record<string, unknown>;
  }>;
}

/**
 * GDPR rights of a company contact (an employee of a company: personal data the SIAE entered). Modelled on the
 * candidates' CandidatePrivacyService; who may act is who may write the record (direction, chargé·e de développement of
 * the owner SIAE), as for candidates where the writers of the record (direction, CIP) export and erase.
 * Erasure deletes the contact row (an erased placeholder would only show as an empty person in the pooled view) and
 * removes the name, e-mail and phone from every free text that can hold them: interaction notes of the SIAE's records
 * and of this record, pause reasons and solicitation notes of the pooled companies the record belongs to, the reasons
 * copied into audit contexts, and the delivery log of e-mails. Pooled companies keep no copy of contacts (they are merged
 * at read time from company_contact), so deleting the row also empties the pooled view; a new pooling run is asked for
 * because contacts help linking.
 */
@Injectable()
export class ContactPrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly companies: CompaniesService,
    private readonly pooling: PoolingRequests,
  ) {}

  async export(principal: Principal, companyId: string, contactId: string): Promise<ContactExport> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const company = await this.companies.lockWritable(manager, viewer, companyId);
      const person = await this.person(manager, company, contactId);
      // audited before the trail is read, so that the person sees this export in it too
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: 'company_contact.exported',
          subjectType: 'company_contact',
          subjectId: contactId,
          context: { companyId, siaeId: company.siaeId },
        },
        manager,
      );
      const matcher = personMatcher(person.all);
      const recordIds = [...new Set(person.all.map((p) => p.companyId))];
      const interactions: ContactExport['interactions'] = (
        await this.notesMentioning(manager, company.siaeId, recordIds, person.all, matcher, true)
      ).map((r) => ({
        id: r.id,
        companyId: r.company_id,
        kind: r.kind,
        occurredOn: r.occurred_on,
        bySiaeId: r.by_siae_id,
        byUserId: r.by_user_id,
        note: r.note,
        namesContact: r.contact_id !== null && person.all.some((p) => p.id === r.contact_id),
      }));
      const [siae] = await manager.query(`SELECT id, name FROM siae WHERE id = $1`, [company.siaeId]);
      const sharedWith = await manager.query(
        `SELECT s.collective_id AS "collectiveId", co.name AS "collectiveName", s.shared_at AS "sharedAt", s.withdrawn_at AS "withdrawnAt"
           FROM company_share s JOIN collective co ON co.id = s.collective_id
          WHERE s.company_id = ANY($1::uuid[]) AND s.with_contacts ORDER BY s.shared_at, s.id`,
        [recordIds],
      );
      const pooled = await this.pooledTexts(manager, recordIds);
      const pooledMentions = pooled
        .filter((p) => mentions(p.text, matcher))
        .map(({ pooledCompanyId, field, text }) => ({ pooledCompanyId, field, text }));
      const trail = await manager.query(
        // reads of a contact list are audited per record (or pooled company), not per person: those since the person was entered
        `SELECT a.at, a.action, a.actor_user_id AS "actorUserId", u.display_name AS "actorName", a.subject_type AS "subjectType", a.context
           FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_user_id
          WHERE (a.subject_type = 'company_contact' AND a.subject_id = ANY($1::uuid[]))
             OR (a.subject_type = 'company' AND a.action = 'company.contacts.read' AND a.subject_id = ANY($2::uuid[]) AND a.at >= $4)
             OR (a.subject_type = 'pooled_company' AND a.action = 'pooled_company.contacts.read' AND a.subject_id = ANY($3::uuid[]) AND a.at >= $4)
          ORDER BY a.at, a.id`,
        [
          person.all.map((p) => p.id),
          recordIds,
          [...new Set(pooled.map((p) => p.pooledCompanyId))],
          person.contact.createdAt,
        ],
      );
      return {
        exportedAt: this.clock.now(),
        notice:
          'Export de toutes les données détenues dans Maillage sur ce contact d’entreprise : sa fiche, les échanges qui le nomment, ' +
          'les collectifs avec lesquels ses coordonnées ont été partagées et le journal des consultations.',
        siae,
        contact: person.contact,
        sameOnOtherRecords: person.all.filter((p) => p.id !== contactId),
        interactions,
        sharedWith,
        pooledMentions,
        auditTrail: trail,
      };
    });
  }

  async erase(
    principal: Principal,
    companyId: string,
    contactId: string,
  ): Promise<{ erasedAt: Date; alreadyErased: boolean; contactsErased: number }> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const company = await this.companies.lockWritable(manager, viewer, companyId);
      const exists = await manager.count(CompanyContact, { where: { id: contactId, companyId } });
      if (exists === 0) {
        const [done] = await manager.query(
          `SELECT at FROM audit_entry WHERE action = 'company_contact.erased' AND subject_type = 'company_contact' AND subject_id = $1 AND context->>'companyId' = $2`,
          [contactId, companyId],
        );
        if (done) return { erasedAt: done.at as Date, alreadyErased: true, contactsErased: 0 };
        throw errors.contactNotFound();
      }
      const person = await this.person(manager, company, contactId);
      const matcher = personMatcher(person.all);
      const recordIds = [...new Set(person.all.map((p) => p.companyId))];
      const counts = { interactions: 0, pooledTexts: 0, auditEntries: 0, mails: 0 };

      for (const r of await this.notesMentioning(manager, company.siaeId, recordIds, person.all, matcher, false)) {
        await manager.query(`UPDATE company_interaction SET note = $2 WHERE id = $1`, [
          r.id,
          scrubText(r.note!, matcher),
        ]);
        counts.interactions++;
      }
      const pooled = await this.pooledTexts(manager, recordIds);
      for (const p of pooled.filter((x) => mentions(x.text, matcher))) {
        // table and column names come from pooledTexts' fixed list, never from input
        await manager.query(`UPDATE ${p.table} SET ${p.field} = $2 WHERE id = $1`, [
          p.rowId,
          scrubText(p.text, matcher),
        ]);
        counts.pooledTexts++;
      }
      const subjects = [
        companyId,
        ...recordIds,
        ...person.all.map((p) => p.id),
        ...pooled.map((p) => p.pooledCompanyId),
      ];
      const audits: Array<{ id: string; context: Record<string, unknown> }> = await manager.query(
        `SELECT id, context FROM audit_entry WHERE subject_id = ANY($1::uuid[]) AND context::text <> '{}'`,
        [[...new Set(subjects)]],
      );
      for (const a of audits.filter((x) => mentions(JSON.stringify(x.context), matcher))) {
        await manager.query(`UPDATE audit_entry SET context = $2 WHERE id = $1`, [
          a.id,
          JSON.stringify(scrubJson(a.context, matcher)),
        ]);
        counts.auditEntries++;
      }
      counts.mails = await this.scrubMails(manager, person.all, matcher);

      await manager.delete(
        CompanyContact,
        person.all.map((p) => p.id),
      );
      for (const id of recordIds) await this.pooling.requestForCompany(manager, id, viewer.userId);
      const erasedAt = this.clock.now();
      await this.audit.recordMany(
        person.all.map((p) => ({
          actorUserId: viewer.userId,
          action: 'company_contact.erased',
          subjectType: 'company_contact',
          subjectId: p.id,
          context: { companyId: p.companyId, siaeId: company.siaeId, requestedFor: contactId, scrubbed: counts },
        })),
        manager,
      );
      return { erasedAt, alreadyErased: false, contactsErased: person.all.length };
    });
  }

  /**
   * The contact and the same person on the SIAE's other records: same normalised e-mail, or same E.164 phone with the
   * same last name (a switchboard number shared by colleagues is not the person).
   */
  private async person(
    manager: EntityManager,
    company: Company,
    contactId: string,
  ): Promise<{ contact: ContactRow; all: ContactRow[] }> {
    const select = `SELECT cc.id, cc.company_id AS "companyId", c.name AS "companyName", cc.first_name AS "firstName", cc.last_name AS "lastName",
                           cc.role, cc.email, cc.phone, cc.email_normalised AS "emailNormalised", cc.phone_e164 AS "phoneE164",
                           cc.preferred_channel AS "preferredChannel", cc.created_at AS "createdAt"
                      FROM company_contact cc JOIN company c ON c.id = cc.company_id`;
    const [contact]: ContactRow[] = await manager.query(`${select} WHERE cc.id = $1 AND cc.company_id = $2`, [
      contactId,
      company.id,
    ]);
    if (!contact) throw errors.contactNotFound();
    const same: ContactRow[] = await manager.query(
      `${select} WHERE c.siae_id = $1 AND cc.id <> $2
          AND ((cc.email_normalised IS NOT NULL AND cc.email_normalised = $3)
            OR (cc.phone_e164 IS NOT NULL AND cc.phone_e164 = $4 AND lower(unaccent(coalesce(cc.last_name, ''))) = lower(unaccent(coalesce($5, '')))))
        ORDER BY cc.created_at, cc.id`,
      [company.siaeId, contactId, contact.emailNormalised, contact.phoneE164, contact.lastName],
    );
    return { contact, all: [contact, ...same] };
  }

  /**
   * Interactions that name the person: linked to one of their rows, or whose note mentions them, on the SIAE's records
   * and on the person's records (where partners of a collective may have logged). SQL narrows on the last name, e-mail
   * and phone digits; the matcher decides.
   */
  private async notesMentioning(
    manager: EntityManager,
    siaeId: string,
    recordIds: string[],
    people: ContactRow[],
    matcher: RegExp | null,
    withLinked: boolean,
  ) {
    const words = [
      ...new Set(
        people
          .flatMap((p) => [p.lastName, p.firstName, p.emailNormalised])
          .filter((w): w is string => !!w && w.trim().length >= 2),
      ),
    ];
    const likes = words.map(
      (w) =>
        `%${w
          .trim()
          .toLowerCase()
          .replace(/[\\%_]/g, '\\$&')}%`,
    );
    const digits = [
      ...new Set(
        people.map((p) => (p.phoneE164 ?? p.phone ?? '').replace(/\D/g, '').slice(-9)).filter((d) => d.length >= 6),
      ),
    ].map((d) => `%${d}%`);
    const rows: Array<{
      id: string;
      company_id: string;
      kind: string;
      occurred_on: string;
      by_siae_id: string | null;
      by_user_id: string | null;
      note: string | null;
      contact_id: string | null;
    }> = await manager.query(
      `SELECT i.id, i.company_id, i.kind, i.occurred_on::text AS occurred_on, i.by_siae_id, i.by_user_id, i.note, i.contact_id
           FROM company_interaction i JOIN company c ON c.id = i.company_id
          WHERE (c.siae_id = $1 OR i.company_id = ANY($2::uuid[]))
            AND (($6::boolean AND i.contact_id = ANY($5::uuid[]))
              OR (i.note IS NOT NULL AND (lower(unaccent(i.note)) LIKE ANY (SELECT lower(unaccent(x)) FROM unnest($3::text[]) x)
                                          OR regexp_replace(i.note, '\\D', '', 'g') LIKE ANY($4::text[]))))
          ORDER BY i.occurred_on DESC, i.id`,
      [siaeId, recordIds, likes, digits, people.map((p) => p.id), withLinked],
    );
    return rows.filter(
      (r) =>
        (withLinked && r.contact_id !== null && people.some((p) => p.id === r.contact_id)) || mentions(r.note, matcher),
    );
  }

  /** Free texts of the pooled companies the records belong to: pause reasons, solicitation notes and override reasons. */
  private async pooledTexts(manager: EntityManager, recordIds: string[]) {
    const rows: Array<{
      pooled_company_id: string;
      table: 'pooled_company' | 'solicitation';
      field: string;
      row_id: string;
      text: string;
    }> = await manager.query(
      `WITH p AS (SELECT DISTINCT pooled_company_id FROM pooled_company_member WHERE company_id = ANY($1::uuid[]))
       SELECT pc.id AS pooled_company_id, 'pooled_company' AS "table", 'pause_reason' AS field, pc.id AS row_id, pc.pause_reason AS text
         FROM pooled_company pc JOIN p ON p.pooled_company_id = pc.id WHERE pc.pause_reason IS NOT NULL
       UNION ALL
       SELECT s.pooled_company_id, 'solicitation', 'note', s.id, s.note FROM solicitation s JOIN p USING (pooled_company_id) WHERE s.note IS NOT NULL
       UNION ALL
       SELECT s.pooled_company_id, 'solicitation', 'override_reason', s.id, s.override_reason FROM solicitation s JOIN p USING (pooled_company_id) WHERE s.override_reason IS NOT NULL`,
      [recordIds],
    );
    return rows.map((r) => ({
      pooledCompanyId: r.pooled_company_id,
      table: r.table,
      field: r.field,
      rowId: r.row_id,
      text: r.text,
    }));
  }

  /** Messages sent to the person's address (the events' e-mails to employers), their attachments included. */
  private async scrubMails(manager: EntityManager, people: ContactRow[], matcher: RegExp | null): Promise<number> {
    const emails = [...new Set(people.map((p) => p.emailNormalised).filter((e): e is string => !!e))];
    if (emails.length === 0) return 0;
    const mails: Array<{
      id: string;
      subject: string;
      body_text: string;
      body_html: string;
      attachments: MailAttachment[];
    }> = await manager.query(
      `SELECT id, subject, body_text, body_html, attachments FROM mail_message WHERE lower(recipient) = ANY($1::text[])`,
      [emails],
    );
    for (const m of mails)
      await manager.query(
        `UPDATE mail_message SET recipient = 'contact-efface@invalid', subject = $2, body_text = $3, body_html = $4,
                attachments = $5::jsonb WHERE id = $1`,
        [
          m.id,
          scrubText(m.subject, matcher),
          scrubText(m.body_text, matcher),
          scrubText(m.body_html, matcher),
          JSON.stringify(m.attachments.map((a) => ({ ...a, content: scrubText(a.content, matcher) }))),
        ],
      );
    return mails.length;
  }
}
