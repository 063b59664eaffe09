/** How testcontainers runs a service and how its URL is built from the mapped port. */
export interface ContainerRecipe {
  readonly image: string;
  readonly port: number;
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  /** A log line that means the service accepts connections, and how many times it must appear. */
  readonly readyLog: { readonly message: string; readonly times: number };
  url(host: string, port: number): string;
}
