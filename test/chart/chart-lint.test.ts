import { describe, expect, it } from 'vitest';
import { lintChart, templateChart } from './support/run-helm.js';
import { VALID_VALUES_FILES } from './support/values-files.js';

describe('helm lint --strict', () => {
  it.each(VALID_VALUES_FILES)('passes with %s.yaml', (name) => {
    const result = lintChart({ valuesFiles: [name] });
    expect(result.stderr + result.stdout).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });

  it('fails on a key the schema does not know, naming it', () => {
    const lint = lintChart({ valuesFiles: ['unknown-key'] });
    expect(lint.status).not.toBe(0);
    expect(lint.stdout + lint.stderr).toContain(
      "additional properties 'readinessprobe' not allowed",
    );
    const template = templateChart({ valuesFiles: ['unknown-key'] });
    expect(template.status).not.toBe(0);
    expect(template.stderr).toContain("at '/gateway'");
  });

  it.each([
    ['a misspelt top-level key', 'ingres.enabled=true', "additional properties 'ingres'"],
    ['an unknown switchyard.yaml key', 'config.server.prot=8000', "additional properties 'prot'"],
    ['a port out of range', 'gateway.port=70000', '/gateway/port'],
    ['an unknown image pull policy', 'image.pullPolicy=Sometimes', '/image/pullPolicy'],
    ['a short pepper', 'secrets.keyPepper=short', '/secrets/keyPepper'],
  ])('rejects %s', (_case, assignment, message) => {
    const result = templateChart({ valuesFiles: ['minimal'], set: [assignment] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});
