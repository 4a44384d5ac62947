export * from './monitors';
export * from './check-results';
export * from './incidents';
export * from './check-rollups';
