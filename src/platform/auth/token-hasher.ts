import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** Random opaque tokens (sessions, invitations, employer links) and their keyed hash for storage. */
@Injectable()
export class TokenHasher {
  constructor(private readonly config: AppConfig) {}

  newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(token: string): string {
    return createHmac('sha256', this.config.TOKEN_SECRET).update(token).digest('hex');
  }

  matches(token: string, hash: string): boolean {
    const a = Buffer.from(this.hash(token), 'hex');
    const b = Buffer.from(hash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
