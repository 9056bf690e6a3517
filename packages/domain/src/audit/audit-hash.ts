import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that the hash covers: everything but the id and the hashes themselves. */
export type HashedAuditFields = {
  at: number;
  actorUserId: string | null;
  orgId: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  requestId: string | null;
  /** Hashed only when set: rows written before API tokens existed keep their hashes. */
  apiTokenId?: string | null;
};

export function auditHash(prevHash: string, fields: HashedAuditFields): string {
  const { apiTokenId, ...rest } = fields;
  const hashed = apiTokenId == null ? rest : fields;
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(hashed)).digest('hex');
}
