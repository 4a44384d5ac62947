export * from './url';
export * from './status-codes';
export * from './http-check';
export * from './monitor';
export * from './check-result';
export * from './incident';
export * from './live-event';
export * from './system';
