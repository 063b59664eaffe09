// A process that logs with the default (batched, asynchronous) destination, then ends as its
// argument says: `exit` (process.exit, as after a graceful shutdown), `throw` (a fatal error),
// or `idle` (stays up, so only the periodic flush can bring its lines out).
import { createLogger } from '../create-logger.js';

const logger = createLogger({ level: 'info', name: 'fixture' });
const ending = process.argv[2];
for (let index = 0; index < 3; index++) logger.info({ index }, 'line');
if (ending === 'exit') process.exit(0);
if (ending === 'throw') throw new Error('fatal');
setTimeout(() => process.exit(0), 10_000);
