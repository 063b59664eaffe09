import { describe, expect, it } from 'vitest';
import { bedrockRegionOf } from './bedrock-region-of.js';

describe('bedrockRegionOf', () => {
  it('reads the region of runtime endpoints, FIPS and China included', () => {
    expect(bedrockRegionOf('https://bedrock-runtime.us-east-1.amazonaws.com')).toBe('us-east-1');
    expect(bedrockRegionOf('https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com')).toBe(
      'us-gov-west-1',
    );
    expect(bedrockRegionOf('https://bedrock-runtime.cn-north-1.amazonaws.com.cn')).toBe(
      'cn-north-1',
    );
  });

  it('knows no region for other hosts', () => {
    expect(bedrockRegionOf('http://127.0.0.1:4000')).toBeUndefined();
    expect(bedrockRegionOf('https://bedrock.us-east-1.amazonaws.com')).toBeUndefined();
    expect(bedrockRegionOf('not a url')).toBeUndefined();
  });
});
