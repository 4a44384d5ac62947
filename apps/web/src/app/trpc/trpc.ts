import { InjectionToken, type Provider } from '@angular/core';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@mini-netumo/api';

/** The typed tRPC client of the api; Dates and other non-JSON values survive the trip through superjson. */
export type TrpcClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export const TRPC = new InjectionToken<TrpcClient>('TRPC');

/**
 * Pass as a call's `context` to send it on its own: a large answer (the fleet's overview) then neither waits for the
 * calls batched with it nor holds them up.
 */
export const UNBATCHED = { context: { skipBatch: true } } as const;

/** Same-origin by default: the api serves the dashboard, and `ng serve` proxies `/trpc` to it. */
export function createTrpcClient(url = '/trpc'): TrpcClient {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, transformer: superjson }),
        false: splitLink({
          condition: (op) => op.context['skipBatch'] === true,
          true: httpLink({ url, transformer: superjson }),
          false: httpBatchLink({ url, transformer: superjson }),
        }),
      }),
    ],
  });
}

/** The dashboard's one client. */
let shared: TrpcClient | null = null;
export const sharedTrpcClient = (): TrpcClient => (shared ??= createTrpcClient());

export function provideTrpc(): Provider {
  return { provide: TRPC, useFactory: sharedTrpcClient };
}
