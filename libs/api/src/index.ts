export { appRouter, createCaller, type AppRouter } from './_app';
export { createContextFactory, createContextInner, type Context } from './context';
export { clientMessage } from './client-message';
export { fieldErrorsOf } from './field-errors';
export { inputFromJson } from './rest/input-from-json';
export { OPENAPI_DOCUMENT_PATH, openApiDocument, REST_BASE_PATH } from './rest/openapi-document';
export type { ProcedureMeta, RestMethod, RestRoute } from './rest/rest-route';
export { REST_ROUTES, type ResolvedRestRoute } from './rest/rest-routes';
