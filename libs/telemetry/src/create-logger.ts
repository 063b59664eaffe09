import { type Logger, type LoggerOptions, pino } from 'pino';

/** Paths pino replaces with `[redacted]` wherever they appear in a log line. */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["x-goog-api-key"]',
  'authorization',
  'apiKey',
  'masterKey',
  'keys',
  '*.apiKey',
  '*.masterKey',
  '*.keys',
  '*.authorization',
];

export interface CreateLoggerOptions {
  level: string;
  name: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: NodeJS.WritableStream;
}

/** Options for a pino logger with Switchyard's redaction; fastify accepts them as `logger`. */
export function loggerOptions(options: CreateLoggerOptions): LoggerOptions {
  return {
    level: options.level,
    name: options.name,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    base: { service: options.name },
  };
}

/** A structured JSON logger; secrets at the redacted paths never reach the output. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const destination = options.destination ?? pino.destination({ sync: false });
  return pino(loggerOptions(options), destination);
}
