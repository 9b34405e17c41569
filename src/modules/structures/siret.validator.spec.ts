import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError } from '../../platform/errors/app-error';
import { createValidationPipe } from '../../platform/errors/validation';
import { InviteSiaeDto } from './dto/collective.dto';
import { CreateSiaeDto } from './dto/siae.dto';
import { SIRET_INVALID_MESSAGE } from './structures.errors';

const base = {
  kind: 'ACI',
  name: 'Chantier',
  siret: '73282932000074',
  communeCode: '69123',
  directionEmail: 'direction@exemple.fr',
};
const problemsOf = (dto: object) =>
  validateSync(dto).map((e) => ({ field: e.property, problems: Object.values(e.constraints ?? {}) }));

describe('IsSiret and the SIRET_INVALID promotion', () => {
  it('accepts a valid SIRET and refuses a wrong check digit with the French message', () => {
    expect(problemsOf(plainToInstance(CreateSiaeDto, base))).toEqual([]);
    expect(problemsOf(plainToInstance(CreateSiaeDto, { ...base, siret: '73282932000075' }))).toEqual([
      { field: 'siret', problems: [SIRET_INVALID_MESSAGE] },
    ]);
  });

  it('checks the SIRET of a collective invitation only when it is the identifier given', () => {
    expect(problemsOf(plainToInstance(InviteSiaeDto, { siaeId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }))).toEqual([]);
    expect(problemsOf(plainToInstance(InviteSiaeDto, { siret: '35600000049837' }))).toEqual([]);
    expect(problemsOf(plainToInstance(InviteSiaeDto, { siret: '35600000049838' })).map((p) => p.field)).toEqual([
      'siret',
    ]);
    expect(problemsOf(plainToInstance(InviteSiaeDto, {})).map((p) => p.field)).toEqual(['siaeId', 'siret']);
  });

  it('gives SIRET_INVALID when the SIRET is the only problem, and keeps VALIDATION_FAILED otherwise', async () => {
    const pipe = createValidationPipe();
    const codeFor = (body: object) =>
      pipe.transform(body, { type: 'body', metatype: CreateSiaeDto }).then(
        () => 'accepted',
        (error: AppError) => error.code,
      );
    expect(await codeFor({ ...base, siret: '73282932000075' })).toBe('SIRET_INVALID');
    expect(await codeFor({ ...base, siret: '73282932000075', name: 42 })).toBe('VALIDATION_FAILED');
    const { siret: _siret, ...withoutSiret } = base;
    expect(await codeFor(withoutSiret)).toBe('VALIDATION_FAILED');
    expect(await codeFor(base)).toBe('accepted');
  });
});
