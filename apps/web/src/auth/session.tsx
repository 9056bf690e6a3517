import type { ActorRef, MembershipView, MeOutput } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ME_QUERY_OPTIONS, useTRPC } from '../lib/trpc.ts';

export type Session = {
  me: MeOutput;
  active: MembershipView | null;
  actor: ActorRef | null;
};

const SessionContext = createContext<Session | null>(null);

export function useMeQuery() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), ...ME_QUERY_OPTIONS });
}

export function SessionProvider({ me, children }: { me: MeOutput; children: ReactNode }) {
  const active = me.memberships.find((m) => m.membershipId === me.active?.membershipId) ?? null;
  const actor: ActorRef | null = active
    ? { userId: me.user.id, role: active.role, orgId: active.orgId, committeeId: active.committeeId }
    : null;
  return <SessionContext.Provider value={{ me, active, actor }}>{children}</SessionContext.Provider>;
}

/** The signed-in user and the membership they act in; only inside the signed-in layout. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
