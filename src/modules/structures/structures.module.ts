import { Module } from '@nestjs/common';
import { MembershipGrantReader } from './grant-reader.service';

@Module({
  providers: [MembershipGrantReader],
  exports: [MembershipGrantReader],
})
export class StructuresModule {}
