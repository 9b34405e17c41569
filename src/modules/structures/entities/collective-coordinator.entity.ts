import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { Collective } from './collective.entity';

@Entity('collective_coordinator')
export class CollectiveCoordinator {
  @PrimaryColumn({ name: 'collective_id', type: 'uuid', primaryKeyConstraintName: 'PK_collective_coordinator' })
  collectiveId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_collective_coordinator' })
  userId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_collective_coordinator_collective' })
  collective?: Collective;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_collective_coordinator_user' })
  user?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
