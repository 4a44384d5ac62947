import { expect, type APIRequestContext } from '@playwright/test';

/**
 * Setting up through the api the way the dashboard calls it (tRPC over HTTP, superjson envelope), for the
 * steps a spec is not about. Input and output carry no Dates, so the envelope is plain `{ json }`.
 */
export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/trpc/${path}`, { data: { json: input } });
  return unwrap<T>(path, response.ok(), await response.json());
}

export async function trpcQuery<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await request.get(`/trpc/${path}${query}`);
  return unwrap<T>(path, response.ok(), await response.json());
}

function unwrap<T>(path: string, ok: boolean, body: unknown): T {
  expect(ok, `${path}: ${JSON.stringify(body)}`).toBe(true);
  return (body as { result: { data: { json: T } } }).result.data.json;
}

/** Removes the channels a spec made (after its monitors), so the other specs see an install without them. */
export async function deleteChannelsNamed(request: APIRequestContext, prefix: string): Promise<void> {
  for (const channel of await trpcQuery<{ id: string; name: string }[]>(request, 'channels.list')) {
    if (channel.name.startsWith(prefix)) await request.post('/trpc/channels.delete', { data: { json: { id: channel.id } } });
  }
}
