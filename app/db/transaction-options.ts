/**
 * Interactive-transaction limits for every Prisma client the app opens (SQLite and PostgreSQL).
 *
 * SQLite has one writer: the better-sqlite3 adapter runs one interactive transaction at a time and the others
 * queue for it, so under a burst of webhooks the wait to *start* is the length of that queue. Prisma's default
 * `maxWait` of 2 s turned such a burst into `P2028 Unable to start a transaction in the given time`, i.e. a 500
 * on a valid tracking webhook (the fuzz suite under CI load). Waiting longer is the right answer for a single
 * writer; `timeout` still bounds how long one transaction may hold the lock once started.
 * Options: https://www.prisma.io/docs/orm/prisma-client/queries/transactions#transaction-options
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
