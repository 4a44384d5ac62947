import type { Db } from './client';

/** A transaction handle; queries that must join a caller's transaction take an Executor. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
