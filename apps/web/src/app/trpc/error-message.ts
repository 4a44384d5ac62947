/** The message a person can act on; tRPC errors carry the server's (validation messages name the field). */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong';
}
