/** Causes followed at most this deep: a cycle or a long chain must not make a log line unbounded. */
const MAX_CAUSES = 4;

type ErrorLike = Error & { code?: unknown; cause?: unknown };

/** Drizzle's DrizzleQueryError: its message is "Failed query: <sql>\nparams: <values>". */
const isQueryError = (error: Error): error is Error & { query: string; params: unknown } => 'query' in error && 'params' in error;

/** The frames of a stack, without its first line: that line repeats the message, which may hold values. */
function stackFrames(error: Error): string | undefined {
  return error.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

// postgres.js errors also carry `query`, `parameters` and `args` (the values) and `detail` ("Key (x)=(value)…",
// "Failing row contains (…)"): none of those may reach a log line. These name what failed without the values.
const POSTGRES_FIELDS = ['severity', 'code', 'schema_name', 'table_name', 'column_name', 'constraint_name', 'routine'] as const;

function describe(error: ErrorLike, depth: number): Record<string, unknown> {
  const cause = error.cause instanceof Error && depth < MAX_CAUSES ? describe(error.cause, depth + 1) : undefined;
  if (isQueryError(error)) {
    // DrizzleQueryError leaves `name` as "Error"; its class name says more.
    return { name: error.constructor.name, message: 'Failed query', query: error.query, cause, stack: stackFrames(error) };
  }
  const described: Record<string, unknown> = { name: error.name, message: error.message };
  if (typeof error.code === 'string' || typeof error.code === 'number') described['code'] = error.code;
  if (error.name === 'PostgresError') {
    for (const field of POSTGRES_FIELDS) if (field in error) described[field] = (error as unknown as Record<string, unknown>)[field];
  }
  return { ...described, cause, stack: stackFrames(error) };
}

/**
 * An error as a log line shows it: name, message, code, cause chain and stack frames. A failed query shows its
 * SQL text and its cause's name, code and message, never the values it ran with (monitor header values and
 * channel configs are credentials).
 */
export function describeError(error: Error): Record<string, unknown> {
  return describe(error, 0);
}
