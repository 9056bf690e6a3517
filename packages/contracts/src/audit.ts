/** The closed set of audited actions (CONVENTIONS §4). Adding an action is a deliberate code change. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password_change',
  'auth.switch_membership',
  'user.create',
  'membership.create',
  'organisation.create',
  'organisation.update',
  'committee.create',
  'seed.demo',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = ['user', 'session', 'membership', 'organisation', 'committee', 'system'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
