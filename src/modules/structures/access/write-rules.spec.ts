import { HttpStatus } from '@nestjs/common';
import { refusalAuditOf } from '../../../platform/audit/refused-writes';
import { AppError } from '../../../platform/errors/app-error';
import type { Viewer } from './viewer';
import {
  assertMayWrite,
  coordinatorParty,
  employerActor,
  employerParty,
  mayWrite,
  refusedAction,
  staffOf,
  type WriteFacts,
  type WriteRule,
} from './write-rules';

const rule: WriteRule = {
  routes: ['PUT /x'],
  may: [coordinatorParty, staffOf('contributor', ['direction']), employerParty('pooledCompanyId', 'POST /y')],
  visibleTo: [staffOf('member')],
  refused: () => new AppError('X_FORBIDDEN', HttpStatus.FORBIDDEN, 'Non.'),
  hidden: () => new AppError('X_NOT_FOUND', HttpStatus.NOT_FOUND, 'Introuvable.'),
  audit: 'x.write',
};
const facts: WriteFacts = {
  collectiveIds: ['c1'],
  contributorSiaeIds: ['siae-a'],
  subject: { type: 'pooled_company', id: 'pooled-1' },
};
const viewer = (over: Partial<Viewer>): Viewer => ({
  userId: 'u1',
  isAdmin: false,
  grants: [],
  ownSiaeIds: [],
  memberships: [],
  memberCollectiveIds: [],
  coordinatorOf: [],
  partnerSiaeIds: [],
  ...over,
});
const caught = (f: () => void): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('write rules', () => {
  it('lets an employer act only through a link whose scope names the object', () => {
    expect(mayWrite(employerActor({ linkId: 'l1', scope: { pooledCompanyId: 'pooled-1' } }), rule, facts)).toBe(true);
    expect(mayWrite(employerActor({ linkId: 'l2', scope: { pooledCompanyId: 'pooled-2' } }), rule, facts)).toBe(false);
    expect(mayWrite(employerActor({ linkId: 'l3', scope: { eventId: 'pooled-1' } }), rule, facts)).toBe(false);
    expect(
      mayWrite(employerActor({ linkId: 'l1', scope: { pooledCompanyId: 'pooled-1' } }), rule, {
        ...facts,
        subject: undefined,
      }),
    ).toBe(false);
  });

  it('never counts a signed-in person as the employer party', () => {
    expect(mayWrite(viewer({}), { ...rule, may: [employerParty('pooledCompanyId', 'POST /y')] }, facts)).toBe(false);
  });

  it('marks a refusal with the audit row to write: hidden for who does not see the object, refused for a member', () => {
    const hidden = caught(() =>
      assertMayWrite(employerActor({ linkId: 'l2', scope: { pooledCompanyId: 'pooled-2' } }), rule, facts),
    );
    expect(hidden).toMatchObject({ code: 'X_NOT_FOUND' });
    expect(refusalAuditOf(hidden)).toMatchObject({
      actorUserId: null,
      actorLabel: 'employeur (lien l2)',
      action: refusedAction(rule),
      subjectType: 'pooled_company',
      subjectId: 'pooled-1',
      context: { outcome: 'hidden', code: 'X_NOT_FOUND' },
    });
    const member = viewer({
      grants: [{ siaeId: 'siae-p', role: 'cip' }],
      ownSiaeIds: ['siae-p'],
      memberships: [{ siaeId: 'siae-p', collectiveId: 'c1' }],
      memberCollectiveIds: ['c1'],
    });
    const refused = caught(() => assertMayWrite(member, rule, facts));
    expect(refusalAuditOf(refused)).toMatchObject({
      actorUserId: 'u1',
      action: 'x.write.refused',
      context: { outcome: 'refused', code: 'X_FORBIDDEN', collectiveIds: ['c1'] },
    });
    expect(refusalAuditOf(new AppError('OTHER', 400, 'x'))).toBeUndefined();
  });
});
