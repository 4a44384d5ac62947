export * from './test-database';
export * from './target-server';
export * from './wait-for';
export * from './self-signed-cert';
export * from './test-config';
