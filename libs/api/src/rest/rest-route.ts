/** The HTTP methods the REST API answers; a read is GET, everything else changes something. */
export type RestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Where a procedure is reachable over REST under `/api/v1`, declared beside the procedure itself so the REST API, its
 * OpenAPI document and tRPC are one router and cannot drift. `{name}` in the path fills the input field of that
 * name; the rest of the input is the query string (GET, DELETE) or the JSON body.
 */
export interface RestRoute {
  method: RestMethod;
  path: `/${string}`;
  /** One line for the OpenAPI document and the docs page. */
  summary: string;
  /** 201 for a creation, 202 for work queued, 204 (no body) for a deletion; 200 otherwise. */
  status?: 200 | 201 | 202 | 204;
  /** The input field the JSON body fills, when the body is not the whole input (`PATCH /monitors/{id}` → `patch`). */
  bodyField?: string;
}

export interface ProcedureMeta {
  rest?: RestRoute;
}
