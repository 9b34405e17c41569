import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from './access.decorators';
import { ChangePasswordDto, LoginDto, MeDto, SessionDto } from './auth.dto';
import { AuthService } from './auth.service';
import type { Principal } from './principal';

@ApiTags('authentification')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Ouvre une session ; limité en nombre de tentatives par adresse IP et par compte. */
  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<SessionDto> {
    return this.auth.login(body.email, body.password, ip);
  }

  /** Ferme la session courante. */
  @Post('logout')
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal.tokenId);
  }

  /** Change le mot de passe et ferme toutes les sessions. */
  @Post('password')
  @ApiBearerAuth()
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(principal.userId, body.currentPassword, body.newPassword);
  }

  /** L'utilisateur connecté et ses rôles. */
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentPrincipal() principal: Principal): MeDto {
    return {
      userId: principal.userId,
      email: principal.email,
      isAdmin: principal.isAdmin,
      siaeGrants: principal.siaeGrants,
      coordinatorOf: principal.coordinatorOf,
    };
  }
}
