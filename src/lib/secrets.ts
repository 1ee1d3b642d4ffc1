import { hash, randomBytes } from 'node:crypto';

/** A new bearer secret: a readable prefix naming its kind, then 32 random bytes. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as this digest, so a leaked database reveals no credential. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}
