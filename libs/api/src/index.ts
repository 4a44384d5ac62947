export { appRouter, createCaller, type AppRouter } from './_app';
export { createContextFactory, createContextInner, type Context } from './context';
