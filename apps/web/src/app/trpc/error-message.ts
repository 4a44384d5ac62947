/** The message a person can act on; tRPC errors carry the server's (validation messages name the field). */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong';
}

/** The server answered that the thing asked for does not exist (a tRPC NOT_FOUND). */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { data?: { code?: unknown } }).data?.code === 'NOT_FOUND';
}
