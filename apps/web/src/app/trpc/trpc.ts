import { InjectionToken, type Provider } from '@angular/core';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@mini-netumo/api';

/** The typed tRPC client of the api; Dates and other non-JSON values survive the trip through superjson. */
export type TrpcClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export const TRPC = new InjectionToken<TrpcClient>('TRPC');

/** Same-origin by default: the api serves the dashboard, and `ng serve` proxies `/trpc` to it. */
export function provideTrpc(url = '/trpc'): Provider {
  return {
    provide: TRPC,
    useFactory: () =>
      createTRPCClient<AppRouter>({
        links: [
          splitLink({
            condition: (op) => op.type === 'subscription',
            true: httpSubscriptionLink({ url, transformer: superjson }),
            false: httpBatchLink({ url, transformer: superjson }),
          }),
        ],
      }),
  };
}
