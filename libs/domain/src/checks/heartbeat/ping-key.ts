import { randomBytes } from 'node:crypto';

/** 144 random bits, URL-safe: unguessable, and short enough to paste into a crontab line. */
const KEY_BYTES = 18;
const KEY_SHAPE = /^[A-Za-z0-9_-]{24}$/;

export const newPingKey = (): string => randomBytes(KEY_BYTES).toString('base64url');

/** A key of the wrong shape is answered 404 without asking the database. */
export const isWellFormedPingKey = (key: string): boolean => KEY_SHAPE.test(key);

/** Where a heartbeat is pinged: the public listener's URL, which the operator may set (PUBLIC_URL). */
export const pingUrlOf = (publicUrl: string, key: string): string => `${publicUrl.replace(/\/+$/, '')}/ping/${key}`;
