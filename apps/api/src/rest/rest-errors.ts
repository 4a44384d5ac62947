import type { Response } from 'express';
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { clientMessage, fieldErrorsOf } from '@mini-netumo/api';

/** The REST error body the OpenAPI document describes: our words only, and the fields to blame. */
export interface RestErrorBody {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
  fieldErrors?: Record<string, string>;
}

/** A procedure's failure as REST answers it, in the same words tRPC's error formatter uses. */
export function sendProcedureError(res: Response, error: TRPCError, procedure: string, type: string): void {
  const body: RestErrorBody = {
    code: error.code,
    message: clientMessage({ error, path: procedure, type }),
    fieldErrors: fieldErrorsOf(error),
  };
  res.status(getHTTPStatusCodeFromError(error)).json(body);
}

/** A refusal made before any procedure runs (no route, bad JSON, a body too large). */
export function sendRestError(res: Response, status: number, code: TRPC_ERROR_CODE_KEY, message: string): void {
  const body: RestErrorBody = { code, message };
  res.status(status).json(body);
}

/** Anything a caller throws that is not a TRPCError is an internal error: its text stays on the server. */
export const asTrpcError = (error: unknown): TRPCError =>
  error instanceof TRPCError ? error : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
