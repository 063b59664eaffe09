/** An AWS access key pair, with the session token of temporary credentials. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  /** When temporary credentials stop working; undefined for long-term keys. */
  readonly expiration?: Date | undefined;
}
