import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../../platform/auth/access.decorators';
import type { Principal } from '../../../../platform/auth/principal';
import { ParseId } from '../../../../platform/errors/parse-id.pipe';
import { ReminderLogRowDto } from '../dto/reminder.dto';
import { RemindersService } from './reminders.service';

/** The reminders' delivery log, for the event's organisers. */
@ApiTags('agendas')
@ApiBearerAuth()
@Controller('events/:id/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @ApiOperation({
    summary: 'Journal des rappels J-n : un envoi par personne et par type, SMS et e-mail (organisation)',
  })
  @ApiOkResponse({ type: [ReminderLogRowDto] })
  log(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<ReminderLogRowDto[]> {
    return this.reminders.log(p, id);
  }
}
