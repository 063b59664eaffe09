import { describe, expect, it } from 'vitest';
import { adapterFor } from './adapter-registry.js';
import { descriptorFor } from './descriptor-for.js';
import { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';
import { PROVIDER_TYPES } from './provider-type.js';

describe('PROVIDER_DESCRIPTORS', () => {
  it('lists each type once, in the order configuration errors name them', () => {
    expect(PROVIDER_TYPES).toEqual([
      'openai',
      'openai-compatible',
      'openrouter',
      'anthropic',
      'google',
      'bedrock',
    ]);
  });

  it('builds each adapter for its own type', () => {
    for (const type of PROVIDER_TYPES) {
      expect(adapterFor(type)?.type).toBe(type);
      expect(descriptorFor(type)?.type).toBe(type);
    }
    expect(adapterFor('azure')).toBeUndefined();
    expect(descriptorFor('azure')).toBeUndefined();
  });

  it('gives every provider the environment can enable a public base URL', () => {
    const fromEnv = PROVIDER_DESCRIPTORS.filter((descriptor) => descriptor.env !== undefined);
    expect(fromEnv.map((descriptor) => descriptor.type)).toEqual([
      'openai',
      'openrouter',
      'anthropic',
      'google',
    ]);
    for (const descriptor of fromEnv) expect(descriptor.defaultBaseUrl).toMatch(/^https:\/\//);
  });

  it('needs a key for every public API, not for a self-hosted server', () => {
    const keyless = PROVIDER_DESCRIPTORS.filter(
      (descriptor) => descriptor.auth.kind === 'api-key' && !descriptor.auth.required,
    );
    expect(keyless.map((descriptor) => descriptor.type)).toEqual(['openai-compatible']);
  });
});
