import { z } from 'zod';

/** Pino's log levels, `silent` included. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** How much the services log. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A log level, case-insensitive. */
export const logLevelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }));
