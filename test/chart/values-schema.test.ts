import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_TYPES } from '@switchyard/providers';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseDocument, type YAMLMap } from 'yaml';
import { CHART_DIR, repoPath } from './support/repo-paths.js';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
}

const schemaText = readFileSync(join(CHART_DIR, 'values.schema.json'), 'utf8');
const schema = JSON.parse(schemaText) as SchemaNode;
const valuesText = readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8');
const values = parse(valuesText) as Record<string, unknown>;

// Kubernetes objects typed field by field in the schema whose fields values.yaml sets only in
// part; the comment on the block documents them.
const PASS_THROUGH = new Set(['podSecurityContext', 'securityContext', 'resources']);

/** Every object path of the schema with fixed properties, e.g. `gateway.autoscaling.enabled`. */
function schemaPaths(node: SchemaNode, prefix: string[] = []): string[][] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = [...prefix, key];
    if (PASS_THROUGH.has(key)) return [path];
    return [path, ...schemaPaths(child, path)];
  });
}

function hasPath(root: unknown, path: readonly string[]): boolean {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/** Keys of values.yaml with no comment of their own (pass-through blocks are documented whole). */
function undocumentedKeys(map: YAMLMap, prefix: string[] = []): string[] {
  return map.items.flatMap((pair, index) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    const path = [...prefix, key];
    const comment =
      (isScalar(pair.key) ? pair.key.commentBefore : undefined) ??
      (index === 0 ? map.commentBefore : undefined);
    const missing = comment === undefined || comment === null ? [path.join('.')] : [];
    if (PASS_THROUGH.has(key) || !isMap(pair.value)) return missing;
    // A block's comment may document its parent; its own keys still need theirs.
    const hasOwnKeys = pair.value.items.length > 0;
    return [...(hasOwnKeys ? [] : missing), ...undocumentedKeys(pair.value, path)];
  });
}

describe('values.schema.json', () => {
  it('is what deploy/helm/scripts/generate-values-schema.mjs writes', () => {
    const directory = mkdtempSync(join(tmpdir(), 'switchyard-schema-'));
    try {
      const output = join(directory, 'values.schema.json');
      execFileSync('node', [repoPath('deploy/helm/scripts/generate-values-schema.mjs'), output]);
      expect(readFileSync(output, 'utf8')).toBe(schemaText);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('accepts every provider type the gateway speaks, and no other', () => {
    const providers = schema.properties?.config?.properties?.providers as
      | { items: { properties: { type: { enum: string[] } } } }
      | undefined;
    expect(providers?.items.properties.type.enum).toEqual([...PROVIDER_TYPES]);
  });

  it('rejects unknown keys in every object of the chart', () => {
    const open: string[] = [];
    const visit = (node: SchemaNode, path: string): void => {
      if (node.properties === undefined) return;
      if (node.additionalProperties !== false) open.push(path);
      for (const [key, child] of Object.entries(node.properties)) visit(child, `${path}.${key}`);
    };
    visit(schema, '$');
    expect(open).toEqual([]);
  });

  it('has a default in values.yaml for every value, and values.yaml nothing else', () => {
    const missing = schemaPaths(schema)
      .filter((path) => path[0] !== 'global')
      .filter((path) => !hasPath(values, path))
      .map((path) => path.join('.'));
    expect(missing).toEqual([]);
  });
});

describe('values.yaml', () => {
  it('documents every value with a comment', () => {
    const document = parseDocument(valuesText);
    if (!isMap(document.contents)) throw new Error('values.yaml is not a mapping');
    expect(undocumentedKeys(document.contents)).toEqual([]);
  });
});
