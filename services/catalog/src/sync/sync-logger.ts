import type { Logger } from 'pino';

/** The part of a pino logger the sync uses; fastify's `app.log` fits too. */
export type SyncLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
