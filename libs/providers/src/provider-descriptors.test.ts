import { describe, expect, it } from 'vitest';
import { adapterFor } from './adapter-registry.js';
import { descriptorFor } from './descriptor-for.js';
import { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';
import { PROVIDER_TYPES } from './provider-type.js';
import { signerFor } from './signer-registry.js';

describe('PROVIDER_DESCRIPTORS', () => {
  it('lists each type once, in the order configuration errors name them', () => {
    expect(PROVIDER_TYPES).toEqual([
      'openai',
      'openai-compatible',
      'openrouter',
      'anthropic',
      'google',
      'bedrock',
      'azure',
      'vertex',
    ]);
  });

  it('builds each adapter for its own type', () => {
    for (const type of PROVIDER_TYPES) {
      expect(adapterFor(type)?.type).toBe(type);
      expect(descriptorFor(type)?.type).toBe(type);
    }
    expect(adapterFor('bedrock-classic')).toBeUndefined();
    expect(descriptorFor('bedrock-classic')).toBeUndefined();
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

  it('needs a key for every public API, not for a self-hosted server or ambient credentials', () => {
    const keyless = PROVIDER_DESCRIPTORS.filter((descriptor) => !descriptor.auth.required);
    // Bedrock and Vertex fall back to the environment's credentials (the AWS default chain;
    // Google's ADC and metadata server).
    expect(keyless.map((descriptor) => descriptor.type)).toEqual([
      'openai-compatible',
      'bedrock',
      'vertex',
    ]);
  });

  it('gives a signer to each type whose credential is exchanged for a token', () => {
    const signed = PROVIDER_DESCRIPTORS.filter((descriptor) => 'createSigner' in descriptor.auth);
    expect(signed.map((descriptor) => [descriptor.type, descriptor.auth.kind])).toEqual([
      ['azure', 'azure-entra'],
      ['vertex', 'google-oauth'],
    ]);
    expect(signerFor('azure')).toBe(signerFor('azure'));
    expect(signerFor('openai')).toBeUndefined();
    // SigV4 signs per provider (its region), in the gateway: no per-type signer.
    expect(signerFor('bedrock')).toBeUndefined();
  });
});
