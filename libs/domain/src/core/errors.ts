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

/**
 * A value of the request to blame: its path in the contract's input (as a zod issue's path, so `patch.port`
 * for an edit), and why. The api keys its `fieldErrors` by it, as it does for the contract's own refusals.
 */
export interface FieldProblem {
  path: readonly (string | number)[];
  message: string;
}

export class ValidationError extends DomainError {
  /** The values to blame; empty when the refusal is about no one field (a cursor from nowhere). */
  readonly problems: readonly FieldProblem[];

  constructor(message: string, problems: readonly FieldProblem[] = []) {
    super('BAD_REQUEST', message);
    this.problems = problems;
  }

  /** A refusal of one value, whose message names it. */
  static at(path: FieldProblem['path'], message: string): ValidationError {
    return new ValidationError(message, [{ path, message }]);
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
