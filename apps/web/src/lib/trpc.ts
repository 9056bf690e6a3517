import type { AppRouter } from '@ctp/api';
import { MAX_BATCH_CALLS } from '@ctp/contracts';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext, createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import { currentLocale } from '../i18n/index.ts';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Whether a query key is `auth.me`'s: its own 401 is the answer, not a reason to ask again. */
export const isMeQueryKey = (key: readonly unknown[]) =>
  Array.isArray(key[0]) && key[0][0] === 'auth' && key[0][1] === 'me';

export function createClients(onUnauthenticated: () => void) {
  const queryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // Re-asking auth.me after its own 401 looped forever (a spinner and a request storm once a session ended).
        if (error instanceof TRPCClientError && error.data?.httpStatus === 401 && !isMeQueryKey(query.queryKey))
          onUnauthenticated();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof TRPCClientError && (error.data?.httpStatus ?? 500) < 500) && count < 2,
      },
    },
  });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        // The server refuses larger batches; the link splits them instead.
        maxItems: MAX_BATCH_CALLS,
        transformer: superjson,
        headers: () => ({ 'x-ctp-locale': currentLocale() }),
      }),
    ],
  });
  return { queryClient, trpcClient };
}

/** How `auth.me` is asked, by the session (auth/session.tsx) and by the start-up prefetch alike. */
export const ME_QUERY_OPTIONS = { retry: false, staleTime: 5 * 60_000 } as const;

/**
 * Starts `auth.me` at once, before the opened page's code is requested: behind the dozens of chunk requests that the
 * route preload queues on the browser's six connections, it came back last and held the page up (issue 16).
 */
export function prefetchMe({ queryClient, trpcClient }: ReturnType<typeof createClients>): void {
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  void queryClient.prefetchQuery({ ...trpc.auth.me.queryOptions(), ...ME_QUERY_OPTIONS });
}
