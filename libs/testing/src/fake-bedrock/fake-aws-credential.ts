/** An AWS key the fake accepts: the secret it verifies signatures with, and a session token if temporary. */
export interface FakeAwsCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** When set, requests must carry it in `x-amz-security-token`, signed. */
  readonly sessionToken?: string;
}
