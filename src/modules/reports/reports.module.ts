import { Module } from '@nestjs/common';
import { ReportStaffPagesController } from './pages/report-pages.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Impact reports of the job datings (issue 15 §7): JSON, CSV and the organisers' report page. */
@Module({
  controllers: [ReportsController, ReportStaffPagesController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
