import type { Readable } from 'node:stream';

/**
 * What an admin route returns instead of JSON to stream a file (a CSV export): the router sends
 * `body` as it is read, with the content type and an attachment filename, never buffering it.
 */
export class StreamedFile {
  constructor(
    readonly contentType: string,
    readonly filename: string,
    readonly body: Readable,
  ) {}
}
