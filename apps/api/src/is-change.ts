/** Methods that only read (tRPC queries are GET; so are REST reads). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change something: a tRPC mutation (POST) or REST's POST, PUT, PATCH and DELETE. What the
 * limit of changes counts and what the request log writes at `info`.
 */
export const isChange = (method: string | undefined): boolean => !SAFE_METHODS.has(method ?? 'GET');
