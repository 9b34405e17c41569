import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Untrimmed } from '../input/text-rules';

export class LoginDto {
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  @MaxLength(254)
  email: string;

  @Untrimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class SessionDto {
  /** Jeton à envoyer dans l'en-tête `Authorization: Bearer …`. */
  token: string;
  expiresAt: Date;
}

export class ChangePasswordDto {
  @Untrimmed()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  /** Au moins 10 caractères. */
  @Untrimmed()
  @IsString()
  @MinLength(10, { message: 'doit contenir au moins 10 caractères' })
  @MaxLength(200)
  newPassword: string;
}

export class SiaeGrantDto {
  siaeId: string;
  role: string;
}

export class MeDto {
  userId: string;
  email: string;
  isAdmin: boolean;
  siaeGrants: SiaeGrantDto[];
  coordinatorOf: string[];
}
