import type { CredentialConfig, KeyStrategy } from '@switchyard/config';

/** An upstream credential picked for one call; `key` is undefined for servers that need none. */
export interface Credential {
  id: string;
  key: string | undefined;
}

/** Why no credential could take a call, and when one may again. */
export interface NoCredential {
  reason: 'rate_limited' | 'refused' | 'excluded';
  /** Milliseconds until the first credential becomes usable again (rate limits only). */
  retryAfterMs: number | undefined;
}

export interface CredentialPool {
  /**
   * The credential for the next call to `upstreamModel` by the pool's strategy, skipping any
   * cooling down, at its RPM/TPM/daily limit, or in `exclude`; the call and its estimated tokens
   * are counted at once. A `NoCredential` says why none can take the call now.
   */
  acquire(
    upstreamModel: string,
    estimatedTokens: number,
    exclude: ReadonlySet<string>,
  ): Credential | NoCredential;
  /**
   * Undoes an `acquire` whose call was never made (the route's circuit refused it, the deadline
   * passed, the request could not be built or signed for the route).
   */
  release(credentialId: string, estimatedTokens: number): void;
  /** Replaces a call's estimated tokens by the actual ones once usage is known. */
  settle(credentialId: string, estimatedTokens: number, actualTokens: number): void;
  /**
   * Takes a credential out of rotation: for one upstream model after its 429 (providers limit
   * per model), or for every model when `upstreamModel` is undefined (the key was refused).
   */
  coolDown(credentialId: string, upstreamModel: string | undefined, milliseconds: number): void;
  /** Each credential's use and cooldowns as this process sees them now (never its secret). */
  state(): CredentialState[];
  readonly size: number;
  /** The pool's keys themselves, only to redact them from what is logged or echoed. */
  readonly secrets: readonly string[];
}

/** One credential of a pool, for operators: use this minute and today, limits, cooldowns. */
export interface CredentialState {
  id: string;
  requestsThisMinute: number;
  tokensThisMinute: number;
  requestsToday: number;
  limits: { rpm: number | null; tpm: number | null; dailyRequests: number | null };
  /** Refused by the provider (for every model) until then; null when not. */
  refusedUntil: number | null;
  /** Rate-limited per upstream model until then (only cooldowns still running). */
  coolingDown: { upstreamModel: string; until: number }[];
}

/** Whether `acquire` found a credential. */
export function isCredential(value: Credential | NoCredential): value is Credential {
  return 'id' in value;
}

interface Slot {
  config: CredentialConfig;
  minute: number;
  requestsThisMinute: number;
  tokensThisMinute: number;
  day: number;
  requestsToday: number;
  /** Refused by the provider: unusable for every model until then. */
  refusedUntil: number;
  /** Rate-limited per upstream model until then. */
  limitedUntil: Map<string, number>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A provider's keys with their own limits (per process; cross-replica limits are `libs/limits`'
 * job), chosen round robin, least used (fewest calls this minute) or at random. Rate-limit
 * cooldowns are per upstream model, as providers count them; a refused key is out for all.
 */
export function createCredentialPool(options: {
  provider: string;
  credentials: readonly CredentialConfig[];
  strategy: KeyStrategy;
  now: () => number;
  random?: () => number;
}): CredentialPool {
  const { now } = options;
  const random = options.random ?? Math.random;
  if (options.credentials.length === 0) return keylessPool(options.provider);
  const slots: Slot[] = options.credentials.map((config) => ({
    config,
    minute: 0,
    requestsThisMinute: 0,
    tokensThisMinute: 0,
    day: 0,
    requestsToday: 0,
    refusedUntil: 0,
    limitedUntil: new Map<string, number>(),
  }));
  const byId = new Map(slots.map((slot) => [slot.config.id, slot]));
  let cursor = 0;

  const roll = (slot: Slot, at: number) => {
    const minute = Math.floor(at / MINUTE);
    if (slot.minute !== minute)
      Object.assign(slot, { minute, requestsThisMinute: 0, tokensThisMinute: 0 });
    const day = Math.floor(at / DAY);
    if (slot.day !== day) Object.assign(slot, { day, requestsToday: 0 });
  };
  /** When the slot can take a call for `model` again: 0 if now, Infinity for a refused key. */
  const readyAt = (slot: Slot, model: string, tokens: number, at: number): number => {
    if (slot.refusedUntil > at) return Number.POSITIVE_INFINITY;
    const limited = slot.limitedUntil.get(model) ?? 0;
    if (limited > at) return limited;
    const { rpm, tpm, dailyRequests } = slot.config;
    const nextMinute = (slot.minute + 1) * MINUTE;
    if (rpm !== undefined && slot.requestsThisMinute >= rpm) return nextMinute;
    if (tpm !== undefined && slot.tokensThisMinute > 0 && slot.tokensThisMinute + tokens > tpm)
      return nextMinute;
    if (dailyRequests !== undefined && slot.requestsToday >= dailyRequests)
      return (slot.day + 1) * DAY;
    return 0;
  };
  const choose = (eligible: Slot[]): Slot | undefined => {
    if (eligible.length <= 1) return eligible[0];
    if (options.strategy === 'random') return eligible[Math.floor(random() * eligible.length)];
    if (options.strategy === 'least_used') {
      return eligible.reduce((best, slot) =>
        slot.requestsThisMinute < best.requestsThisMinute ? slot : best,
      );
    }
    return undefined;
  };

  return {
    size: slots.length,
    secrets: options.credentials.map((credential) => credential.key),
    state() {
      const at = now();
      return slots.map((slot) => {
        roll(slot, at);
        return {
          id: slot.config.id,
          requestsThisMinute: slot.requestsThisMinute,
          tokensThisMinute: slot.tokensThisMinute,
          requestsToday: slot.requestsToday,
          limits: {
            rpm: slot.config.rpm ?? null,
            tpm: slot.config.tpm ?? null,
            dailyRequests: slot.config.dailyRequests ?? null,
          },
          refusedUntil: slot.refusedUntil > at ? slot.refusedUntil : null,
          coolingDown: [...slot.limitedUntil]
            .filter(([, until]) => until > at)
            .map(([upstreamModel, until]) => ({ upstreamModel, until })),
        };
      });
    },
    acquire(upstreamModel, estimatedTokens, exclude) {
      const at = now();
      const usable: Slot[] = [];
      let soonest = Number.POSITIVE_INFINITY;
      let excluded = 0;
      for (const slot of slots) {
        if (exclude.has(slot.config.id)) {
          excluded += 1;
          continue;
        }
        roll(slot, at);
        const ready = readyAt(slot, upstreamModel, estimatedTokens, at);
        if (ready === 0) usable.push(slot);
        else soonest = Math.min(soonest, ready);
      }
      const chosen = options.strategy === 'round_robin' ? nextInTurn(usable) : choose(usable);
      if (!chosen) {
        if (excluded === slots.length) return { reason: 'excluded', retryAfterMs: undefined };
        if (soonest === Number.POSITIVE_INFINITY)
          return { reason: 'refused', retryAfterMs: undefined };
        return { reason: 'rate_limited', retryAfterMs: soonest - at };
      }
      chosen.requestsThisMinute += 1;
      chosen.tokensThisMinute += estimatedTokens;
      chosen.requestsToday += 1;
      return { id: chosen.config.id, key: chosen.config.key };
    },
    release(credentialId, estimatedTokens) {
      const slot = byId.get(credentialId);
      if (!slot || slot.minute !== Math.floor(now() / MINUTE)) return;
      slot.requestsThisMinute = Math.max(0, slot.requestsThisMinute - 1);
      slot.requestsToday = Math.max(0, slot.requestsToday - 1);
      slot.tokensThisMinute = Math.max(0, slot.tokensThisMinute - estimatedTokens);
    },
    settle(credentialId, estimatedTokens, actualTokens) {
      const slot = byId.get(credentialId);
      if (slot && slot.minute === Math.floor(now() / MINUTE)) {
        slot.tokensThisMinute = Math.max(0, slot.tokensThisMinute - estimatedTokens + actualTokens);
      }
    },
    coolDown(credentialId, upstreamModel, milliseconds) {
      const slot = byId.get(credentialId);
      if (!slot) return;
      const until = now() + milliseconds;
      if (upstreamModel === undefined) slot.refusedUntil = Math.max(slot.refusedUntil, until);
      else
        slot.limitedUntil.set(
          upstreamModel,
          Math.max(slot.limitedUntil.get(upstreamModel) ?? 0, until),
        );
    },
  };

  /** Round robin: the first usable slot at or after the cursor. */
  function nextInTurn(usable: readonly Slot[]): Slot | undefined {
    if (usable.length === 0) return undefined;
    for (let step = 0; step < slots.length; step++) {
      const index = (cursor + step) % slots.length;
      const slot = slots[index];
      if (slot && usable.includes(slot)) {
        cursor = (index + 1) % slots.length;
        return slot;
      }
    }
    return undefined;
  }
}

function keylessPool(provider: string): CredentialPool {
  const credential: Credential = { id: `${provider}:none`, key: undefined };
  return {
    size: 0,
    secrets: [],
    acquire: (_model, _tokens, exclude) =>
      exclude.has(credential.id) ? { reason: 'excluded', retryAfterMs: undefined } : credential,
    release: () => {},
    settle: () => {},
    coolDown: () => {},
    state: () => [],
  };
}
