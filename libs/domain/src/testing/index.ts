export * from './test-database';
export * from './target-server';
export * from './wait-for';
