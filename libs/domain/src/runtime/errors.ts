/** Errors the domain throws on purpose; the API edge maps each code to a tRPC code. */
export class DomainError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'SERVICE_UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} not found`);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string) {
    super('BAD_REQUEST', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/** A dependency (the job queue) did not answer in time; nothing was changed, the caller may try again. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super('SERVICE_UNAVAILABLE', message);
  }
}

/** What a request answers while the database restarts: a 503 in our words, the cause kept for the log. */
export function databaseUnavailable(cause: unknown): UnavailableError {
  return Object.assign(new UnavailableError('The database is not reachable right now. Try again in a moment.'), { cause });
}
