import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { siaeIdsWith, type Principal } from '../../platform/auth/principal';
import { CommuneDirectory, CommuneInfo } from './commune-directory.service';
import { CreatedSiaeDto, CreateSiaeDto, SiaeDto, UpdateSiaeDto } from './dto/siae.dto';
import { SiaeCollectiveMembershipDto } from './dto/collective.dto';
import { CollectiveMembership } from './entities/collective-membership.entity';
import { Siae } from './entities/siae.entity';
import { InvitationsService } from './invitations.service';
import { assertSiaeRole, assertSiaeVisible } from './structures-access';
import { structuresErrors } from './structures.errors';

/** SIAE records: created by the platform admin, then administered by their own direction. */
@Injectable()
export class SiaeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly communes: CommuneDirectory,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  /** The SIAE and the invitation of its first direction are one decision: both are written or neither. */
  async create(principal: Principal, input: CreateSiaeDto): Promise<CreatedSiaeDto> {
    return this.dataSource.transaction(async (manager) => {
      const commune = await this.communes.known(input.communeCode, manager);
      const siae = await manager.save(
        manager.create(Siae, {
          kind: input.kind,
          name: input.name,
          siret: input.siret,
          communeCode: input.communeCode,
          address: input.address ?? null,
          contactEmail: input.contactEmail ?? null,
          contactPhone: input.contactPhone ?? null,
        }),
      );
      const directionInvitation = await this.invitations.issue(
        manager,
        { siaeId: siae.id },
        input.directionEmail,
        'direction',
        principal.userId,
      );
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'siae.created',
          subjectType: 'siae',
          subjectId: siae.id,
          context: { siret: siae.siret },
        },
        manager,
      );
      return { ...this.toDto(siae, commune, principal), directionInvitation };
    });
  }

  async list(principal: Principal): Promise<SiaeDto[]> {
    const repository = this.dataSource.getRepository(Siae);
    const rows = principal.isAdmin
      ? await repository.find({ order: { name: 'ASC' } })
      : await repository.find({ where: { id: In(siaeIdsWith(principal)) }, order: { name: 'ASC' } });
    const communes = await this.communes.describe(rows.map((r) => r.communeCode));
    return rows.map((r) => this.toDto(r, communes.get(r.communeCode)!, principal));
  }

  async get(principal: Principal, siaeId: string): Promise<SiaeDto> {
    assertSiaeVisible(principal, siaeId);
    const siae = await this.dataSource.getRepository(Siae).findOneBy({ id: siaeId });
    if (!siae) throw structuresErrors.siaeNotFound();
    const communes = await this.communes.describe([siae.communeCode]);
    return this.toDto(siae, communes.get(siae.communeCode)!, principal);
  }

  async update(principal: Principal, siaeId: string, input: UpdateSiaeDto): Promise<SiaeDto> {
    assertSiaeRole(principal, siaeId, ['direction']);
    return this.dataSource.transaction(async (manager) => {
      const siae = await manager.findOne(Siae, { where: { id: siaeId }, lock: { mode: 'pessimistic_write' } });
      if (!siae) throw structuresErrors.siaeNotFound();
      if (input.communeCode !== undefined) await this.communes.known(input.communeCode, manager);
      const changes: Partial<Siae> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.communeCode !== undefined) changes.communeCode = input.communeCode;
      if (input.address !== undefined) changes.address = input.address;
      if (input.contactEmail !== undefined) changes.contactEmail = input.contactEmail;
      if (input.contactPhone !== undefined) changes.contactPhone = input.contactPhone;
      Object.assign(siae, changes);
      const saved = await manager.save(siae);
      const communes = await this.communes.describe([saved.communeCode], manager);
      return this.toDto(saved, communes.get(saved.communeCode)!, principal);
    });
  }

  /** The collectives an SIAE belongs to, was invited to, declined or left: any of its staff may know. */
  async collectives(principal: Principal, siaeId: string): Promise<SiaeCollectiveMembershipDto[]> {
    assertSiaeVisible(principal, siaeId);
    if (!(await this.dataSource.getRepository(Siae).existsBy({ id: siaeId }))) throw structuresErrors.siaeNotFound();
    const rows = await this.dataSource
      .getRepository(CollectiveMembership)
      .find({ where: { siaeId }, relations: { collective: true }, order: { createdAt: 'DESC' } });
    return rows.map((m) => ({
      collectiveId: m.collectiveId,
      collectiveName: m.collective!.name,
      status: m.status,
      invitedAt: m.createdAt,
      joinedAt: m.joinedAt,
      leftAt: m.leftAt,
    }));
  }

  private toDto(siae: Siae, commune: CommuneInfo, principal: Principal): SiaeDto {
    return {
      id: siae.id,
      kind: siae.kind,
      name: siae.name,
      siret: siae.siret,
      commune,
      address: siae.address,
      contactEmail: siae.contactEmail,
      contactPhone: siae.contactPhone,
      myRole: principal.siaeGrants.find((g) => g.siaeId === siae.id)?.role ?? null,
      createdAt: siae.createdAt,
    };
  }
}
