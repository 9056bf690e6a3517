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
  'reference.sync',
  'hospital.update_profile',
  'hospital.confirm_capacity',
  'specialty.add',
  'specialty.update',
  'specialty.retire',
  'investigator.add',
  'investigator.update',
  'investigator.retire',
  'capability.set',
  'shortlist.create',
  'shortlist.rename',
  'shortlist.archive',
  'shortlist.add_item',
  'shortlist.update_item',
  'shortlist.remove_item',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  'user',
  'session',
  'membership',
  'organisation',
  'committee',
  'system',
  'specialty',
  'investigator',
  'shortlist',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
