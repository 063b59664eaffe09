/** What the PGlite worker thread is asked: one message per statement (or batch of them). */
export type PgliteRequest =
  | { id: number; kind: 'ready' }
  | { id: number; kind: 'close' }
  | { id: number; kind: 'exec'; sql: string }
  | { id: number; kind: 'query'; sql: string; parameters: unknown[] };

/** One statement's result as it crosses the thread boundary. */
export interface PgliteResult {
  rows: unknown[];
  /** The command tag's verb (`INSERT`, `SELECT`…). */
  command?: string;
  rowCount?: number;
  affectedRows?: number;
}

/** The worker's answer to the request with the same id. */
export type PgliteReply =
  | { id: number; results: PgliteResult[]; error?: undefined }
  | { id: number; error: { message: string; fields: Record<string, string> } };
