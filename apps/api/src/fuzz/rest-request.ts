import type { ResolvedRestRoute } from '@mini-netumo/api';
import type { FuzzFixtures } from './valid-inputs';

/** A fuzz input as a REST client would send it. */
export interface RestRequest {
  method: string;
  path: string;
  body?: string;
}

/** JSON of anything a fuzz input holds: a bigint as its digits (JSON.stringify would throw), a Map or Set as `{}`. */
export const fuzzJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)) ?? 'null';

/** A value as query or path text: strings as they are (a lone surrogate has no URL form), anything else as its JSON. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : fuzzJson(value)).replace(/\p{Cs}/gu, '\uFFFD');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** The id a path parameter names when the input does not: the fixture of that kind, so the route is reached. */
function fixtureFor(route: ResolvedRestRoute, name: string, fixtures: FuzzFixtures): string {
  if (name === 'monitorId') return fixtures.monitorId;
  const area = route.procedure.split('.')[0];
  if (area === 'channels') return fixtures.channelId;
  if (area === 'maintenanceWindows') return fixtures.windowId;
  if (area === 'statusPages') return fixtures.statusPageId;
  return fixtures.monitorId;
}

/**
 * A generated input (the same the tRPC fuzz sends) laid out on a route: its path fields in the path, hostile ones
 * included; the rest in the query string for GET and DELETE (a list as repeated names), or as the JSON body.
 */
export function restRequestFor(route: ResolvedRestRoute, input: unknown, fixtures: FuzzFixtures): RestRequest {
  const fields = isRecord(input) ? input : {};
  const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(name in fields ? asText(fields[name]) : fixtureFor(route, name, fixtures)),
  );
  const rest = Object.fromEntries(Object.entries(fields).filter(([key]) => !route.pathParams.includes(key)));
  if (route.method === 'GET' || route.method === 'DELETE') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) {
      for (const item of Array.isArray(value) ? value : [value]) query.append(key, asText(item));
    }
    const search = query.toString();
    return { method: route.method, path: `/api/v1${path}${search ? `?${search}` : ''}` };
  }
  const body = !isRecord(input) ? input : route.bodyField ? fields[route.bodyField] : rest;
  return { method: route.method, path: `/api/v1${path}`, body: fuzzJson(body) };
}
