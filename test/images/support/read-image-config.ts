import { buildah } from './buildah.js';

/** What `docker run` would take from an image to start it. */
export interface ImageConfig {
  readonly entrypoint: readonly string[];
  readonly command: readonly string[];
  readonly user: string;
  readonly workingDirectory: string;
  readonly exposedPorts: readonly string[];
  /** The HEALTHCHECK's test (`["CMD", …]`), when the image has one. */
  readonly healthcheck: readonly string[] | undefined;
}

/** Reads the Docker-format config of an image or a working container (`buildah inspect`). */
export async function readImageConfig(
  nameOrId: string,
  type: 'image' | 'container',
): Promise<ImageConfig> {
  const inspected: unknown = JSON.parse(await buildah(['inspect', '--type', type, nameOrId]));
  const config = field(field(inspected, 'Docker'), 'config');
  const exposed = field(config, 'ExposedPorts');
  const healthcheck = field(config, 'Healthcheck');
  return {
    entrypoint: strings(field(config, 'Entrypoint')) ?? [],
    command: strings(field(config, 'Cmd')) ?? [],
    user: text(field(config, 'User')) || '0:0',
    workingDirectory: text(field(config, 'WorkingDir')) || '/',
    exposedPorts: typeof exposed === 'object' && exposed !== null ? Object.keys(exposed) : [],
    healthcheck: strings(field(healthcheck, 'Test')),
  };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value
    : undefined;
}
