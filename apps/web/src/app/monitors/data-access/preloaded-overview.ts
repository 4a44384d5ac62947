import { OVERVIEW_PRELOAD_PATH, overviewWireSchema, type OverviewWire } from '@mini-netumo/contracts';

/** tRPC's answer to a query over HTTP (superjson's envelope): the data, or an error with its message. */
interface TrpcAnswer {
  result?: { data?: { json?: unknown } };
  error?: { json?: { message?: unknown } };
}

/**
 * The overview from the response the page shell asked the browser to preload (see OVERVIEW_PRELOAD_PATH), so the
 * request is already under way, or answered, when the bundle gets here. It is tRPC's own endpoint asked without an
 * input: the typed client adds one to the address, and the browser only reuses a preload for the same address.
 * The answer is checked against the contract's schema, as the typed client would have trusted it.
 */
export async function fetchPreloadedOverview(): Promise<OverviewWire> {
  const response = await fetch(OVERVIEW_PRELOAD_PATH);
  const answer = (await response.json().catch(() => null)) as TrpcAnswer | null;
  const wire = overviewWireSchema.safeParse(answer?.result?.data?.json);
  if (response.ok && wire.success) return wire.data;
  const message = answer?.error?.json?.message;
  throw new Error(typeof message === 'string' && message ? message : `The overview could not be loaded (HTTP ${response.status})`);
}
