import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { ParseId } from '../../platform/errors/parse-id.pipe';
import { ApiOkNamedResponse } from '../../platform/openapi/named-schemas';
import { CollectiveReportDto, EventReportDto, ReportPeriodQueryDto } from './dto/report.dto';
import { collectiveReportCsv, eventReportCsv, REPORT_CSV_HEADER } from './report-csv';
import { ReportsService } from './reports.service';

/**
 * The CSV body as a named schema (`ReportCsv`), so the operations refer to a type like every JSON answer does; the
 * columns are REPORT_CSV_HEADER's.
 */
const ApiOkCsv = () =>
  ApiOkNamedResponse(
    'ReportCsv',
    {
      type: 'string',
      description: `Bilan en CSV pour un tableur français : UTF-8 avec BOM, séparateur « ; », fins de ligne CRLF, virgule décimale, dates JJ/MM/AAAA. Une ligne par chiffre (format long), colonnes : ${REPORT_CSV_HEADER.join(' ; ')}. « Structure » est vide pour un chiffre de l’ensemble ; les lignes « Total <collectif> » d’un bilan de collectif portent les totaux de la période.`,
    },
    { description: 'Le bilan en CSV (une ligne par chiffre)', mediaType: 'text/csv' },
  );

function sendCsv(res: Response, filename: string, body: string): string {
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  return body;
}

/** Impact reports (thin: each route calls the service, which the report page calls too). */
@ApiTags('bilans')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('events/:id/report')
  @ApiOperation({ summary: 'Bilan d’impact d’un événement (organisation de l’événement)' })
  @ApiOkResponse({ type: EventReportDto })
  eventReport(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<EventReportDto> {
    return this.reports.eventReport(p, id);
  }

  @Get('events/:id/report.csv')
  @ApiOperation({ summary: 'Bilan d’impact d’un événement, en CSV pour un tableur français' })
  @ApiProduces('text/csv')
  @ApiOkCsv()
  async eventReportCsv(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const report = await this.reports.eventReport(p, id);
    return sendCsv(res, `bilan-${report.event.date}.csv`, eventReportCsv(report));
  }

  @Get('collectives/:id/report')
  @ApiOperation({ summary: 'Bilan d’impact d’un collectif sur une période (coordination)' })
  @ApiOkResponse({ type: CollectiveReportDto })
  collectiveReport(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Query() q: ReportPeriodQueryDto,
  ): Promise<CollectiveReportDto> {
    return this.reports.collectiveReport(p, id, q.from, q.to);
  }

  @Get('collectives/:id/report.csv')
  @ApiOperation({ summary: 'Bilan d’impact d’un collectif sur une période, en CSV pour un tableur français' })
  @ApiProduces('text/csv')
  @ApiOkCsv()
  async collectiveReportCsv(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Query() q: ReportPeriodQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const report = await this.reports.collectiveReport(p, id, q.from, q.to);
    return sendCsv(res, `bilan-${q.from}-${q.to}.csv`, collectiveReportCsv(report));
  }
}
