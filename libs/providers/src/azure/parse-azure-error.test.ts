import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeContentFilter } from './describe-content-filter.js';
import { parseAzureError } from './parse-azure-error.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseAzureError', () => {
  it('types a prompt refused by the content filter as content_filter, naming the categories', () => {
    const error = parseAzureError(400, fixture('error-content-filter.json'), {}, 0);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      code: 'content_filter',
      param: 'prompt',
      retryable: false,
    });
    expect(error.message).toMatch(/content management policy/);
    expect(error.message).toMatch(/\(filtered: jailbreak \(detected\), violence \(medium\)\)$/);
  });

  it("reads the Responses API's content_filters the same way, skipping sources not blocked", () => {
    const error = parseAzureError(400, fixture('responses-error-content-filter.json'), {}, 0);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      code: 'content_filter',
      param: 'prompt',
      retryable: false,
    });
    expect(error.message).toMatch(/\(filtered: jailbreak \(detected\), violence \(medium\)\)$/);
    const unblocked = JSON.stringify({
      error: {
        code: 'content_filter',
        message: 'Filtered.',
        content_filters: [
          { blocked: false, content_filter_results: { hate: { filtered: true, severity: 'low' } } },
          {
            blocked: true,
            content_filter_results: { sexual: { filtered: true, severity: 'high' } },
          },
        ],
      },
    });
    expect(parseAzureError(400, unblocked, {}, 0).message).toBe(
      'Filtered. (filtered: sexual (high))',
    );
  });

  it("types Azure's other errors as OpenAI's", () => {
    const denied = parseAzureError(401, fixture('error-access-denied.json'), {}, 0);
    expect(denied).toMatchObject({ kind: 'authentication', code: '401' });
    const limited = parseAzureError(
      429,
      fixture('error-rate-limit.json'),
      { 'retry-after': '6' },
      0,
    );
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 6, retryable: true });
  });
});

describe('describeContentFilter', () => {
  it('lists only the filtered categories, with severity or detection', () => {
    expect(
      describeContentFilter({
        hate: { filtered: true, severity: 'high' },
        sexual: { filtered: false, severity: 'safe' },
        protected_material_text: { filtered: true, detected: true },
        custom_blocklists: { filtered: true },
      }),
    ).toBe('hate (high), protected_material_text (detected), custom_blocklists');
    expect(describeContentFilter({ hate: { filtered: false } })).toBeUndefined();
    expect(describeContentFilter('nonsense')).toBeUndefined();
  });
});
