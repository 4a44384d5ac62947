const DAY_MS = 86_400_000;

/** Whole days left; a certificate that expires in 10 h has 0 days left, one that expired 10 h ago has -1. */
export const daysUntil = (instant: Date, now: Date) => Math.floor((instant.getTime() - now.getTime()) / DAY_MS);
