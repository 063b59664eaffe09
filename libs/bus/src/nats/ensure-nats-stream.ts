import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { StreamConfig } from '../bus.js';

/**
 * Creates the stream, or updates it when it exists: file storage, limits retention, oldest
 * discarded first. Two replicas racing to create it both succeed.
 */
export async function ensureNatsStream(
  manager: JetStreamManager,
  config: StreamConfig,
): Promise<void> {
  const settings = {
    subjects: config.subjects,
    max_age: config.maxAgeMs === undefined ? 0 : nanos(config.maxAgeMs),
    max_bytes: config.maxBytes ?? -1,
    ...(config.duplicateWindowMs === undefined
      ? {}
      : { duplicate_window: nanos(config.duplicateWindowMs) }),
  };
  try {
    await manager.streams.info(config.name);
  } catch (error: unknown) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) {
      throw error;
    }
    try {
      await manager.streams.add({
        name: config.name,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        ...settings,
      });
      return;
    } catch (addError: unknown) {
      // Another replica created it between our info and add: fall through to the update.
      if (!(addError instanceof JetStreamApiError)) throw addError;
    }
  }
  await manager.streams.update(config.name, settings);
}
