import { ROLES } from '@ctp/contracts';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ethicsCommittees, organisations } from './organisations.ts';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `scrypt$N$r$p$salt$hash`, all base64; see domain/auth/password.ts. */
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: integer('password_changed_at').notNull(),
    disabledAt: integer('disabled_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/** user × organisation × role (DESIGN §2); EC roles also name the committee they sit on. */
export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: ROLES }).notNull(),
    committeeId: text('committee_id').references(() => ethicsCommittees.id),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [
    uniqueIndex('memberships_user_org_role_uq').on(t.userId, t.orgId, t.role),
    index('memberships_org_idx').on(t.orgId),
  ],
);

/** Server-side sessions; the cookie holds a random token and only its sha256 is stored here. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    activeMembershipId: text('active_membership_id').references(() => memberships.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
