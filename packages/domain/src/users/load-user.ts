import { type Db, users } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../errors.ts';

/** The user row an admin action is about, or USER_NOT_FOUND. */
export function loadUser(db: Db, userId: string) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new DomainError('NOT_FOUND', 'USER_NOT_FOUND');
  return user;
}

/** An admin acting on their own account could lock the platform out: another admin must do it. */
export function assertNotOwnAccount(actorUserId: string | undefined, userId: string) {
  if (actorUserId === userId) throw new DomainError('PRECONDITION_FAILED', 'CANNOT_CHANGE_OWN_ACCOUNT');
}
