/** One request's outcome, as the load generator saw it; times in ms from the request's start. */
export type RequestSample =
  | { readonly ok: true; readonly totalMs: number; readonly firstTokenMs: number | undefined }
  | { readonly ok: false; readonly error: string };

/** A failed request's short, groupable description: `status 502`, `ECONNRESET`, … */
export function describeRequestError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error.message;
  }
  return String(error);
}
