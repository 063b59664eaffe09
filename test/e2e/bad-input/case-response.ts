/** What came back for a case: a response, or the transport error the client saw instead. */
export type CaseResponse =
  | {
      kind: 'response';
      status: number;
      /** Header lines as received, in order. */
      headers: ReadonlyArray<readonly [string, string]>;
      body: string;
    }
  | { kind: 'transport-error'; error: string };

/** A response header's value (the first, case-insensitive), if present. */
export function headerOf(
  response: Extract<CaseResponse, { kind: 'response' }>,
  name: string,
): string | undefined {
  return response.headers.find(([header]) => header.toLowerCase() === name)?.[1];
}
