import { Global, Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { QueueProducer } from './queue-producer.service';

@Global()
@Module({
  providers: [OutboxService, QueueProducer, OutboxRelay],
  exports: [OutboxService, QueueProducer, OutboxRelay],
})
export class QueueModule {}
