import type { ActorRef } from './policies.ts';

/**
 * Who keeps a provider's profile (issue 18): its own provider admin, nobody else (not the platform admin either, as
 * a hospital profile is kept by its own trial office). Pure, shared by the use-case and the web.
 */
export function keepsProviderProfile(actor: ActorRef | null, providerId: string): boolean {
  return actor?.role === 'provider_admin' && actor.orgId === providerId;
}
