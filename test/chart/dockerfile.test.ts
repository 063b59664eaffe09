import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  argumentDefault,
  copySources,
  type DockerStage,
  execForm,
  parseDockerfile,
} from './support/parse-dockerfile.js';
import { repoPath } from './support/repo-paths.js';

// Docker cannot run on the development machines: these tests keep docker/Dockerfile true to the
// repository by reading it.
const dockerfile = parseDockerfile(readFileSync(repoPath('docker/Dockerfile'), 'utf8'));

/** Each SERVICE build argument and the workspace package its image runs. */
const SERVICES = {
  gateway: 'services/gateway',
  accounting: 'services/accounting',
  catalog: 'services/catalog',
  console: 'services/console',
  migrate: 'libs/db',
} as const;

function stage(name: string): DockerStage {
  const found = dockerfile.stages.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`docker/Dockerfile has no stage ${name}`);
  return found;
}

function lastInstruction(target: DockerStage, keyword: string) {
  return target.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
}

describe('docker/Dockerfile', () => {
  it('copies only paths that exist in the repository, and only from its own stages', () => {
    const stageNames = dockerfile.stages.map((candidate) => candidate.name);
    const copies = dockerfile.stages.flatMap((candidate) =>
      candidate.instructions.filter((instruction) => instruction.keyword === 'COPY'),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const { from, sources } = copySources(copy);
      expect(sources.length, `line ${copy.line}`).toBeGreaterThan(0);
      if (from === undefined) {
        for (const source of sources) {
          expect(existsSync(repoPath(source)), `line ${copy.line}: ${source}`).toBe(true);
        }
      } else {
        expect(stageNames, `line ${copy.line}`).toContain(from);
      }
    }
  });

  it('keeps node_modules out of the build context', () => {
    const ignored = readFileSync(repoPath('docker/Dockerfile.dockerignore'), 'utf8').split('\n');
    expect(ignored).toContain('**/node_modules');
    expect(ignored).toContain('.git');
  });

  it('builds on the current Node LTS slim image', () => {
    expect(argumentDefault(dockerfile.globalArguments, 'NODE_IMAGE')).toBe('node:22-slim');
    expect(stage('runtime').base).toBe(`\${NODE_IMAGE}`);
  });

  it('ends in the stage named by the SERVICE argument, one per service', () => {
    expect(dockerfile.stages.at(-1)?.base).toBe(`service-\${SERVICE}`);
    expect(argumentDefault(dockerfile.globalArguments, 'SERVICE')).toBe('gateway');
    for (const service of Object.keys(SERVICES)) {
      expect(stage(`service-${service}`).base).toBe('runtime');
    }
  });

  it.each(Object.entries(SERVICES))(
    'runs %s with node on a file its package has',
    (service, packageDirectory) => {
      const command = lastInstruction(stage(`service-${service}`), 'CMD');
      if (command === undefined) throw new Error(`service-${service} has no CMD`);
      const [program, ...rest] = execForm(command);
      expect(program).toBe('node');
      expect(rest.slice(0, 2)).toEqual(['--import', 'tsx']);
      const entry = rest[2] ?? '';
      expect(entry).toMatch(/\.ts$/);
      expect(existsSync(repoPath(packageDirectory, entry)), `${packageDirectory}/${entry}`).toBe(
        true,
      );
    },
  );

  it.each(Object.entries(SERVICES))(
    'deploys the package of %s with pnpm deploy --prod',
    (service, packageDirectory) => {
      const build = stage('build').instructions.map((instruction) => instruction.arguments);
      const script = build.find((argumentsText) => argumentsText.includes('deploy --prod'));
      expect(script).toBeDefined();
      const packageName = (
        JSON.parse(readFileSync(repoPath(packageDirectory, 'package.json'), 'utf8')) as {
          name: string;
        }
      ).name;
      const mapped =
        service === 'migrate'
          ? `migrate) package="${packageName}"`
          : `package="@switchyard/\${SERVICE}"`;
      expect(script).toContain(mapped);
      if (service !== 'migrate') expect(packageName).toBe(`@switchyard/${service}`);
    },
  );

  it("keeps the console's UI sources and checks esbuild's binary runs", () => {
    expect(existsSync(repoPath('services/console/ui/main.tsx'))).toBe(true);
    const ignored = readFileSync(repoPath('docker/Dockerfile.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const pattern of ignored) {
      expect(['ui', '**/ui', '*.tsx', '**/*.tsx', 'services']).not.toContain(pattern);
    }
    const build = stage('build').instructions.map((instruction) => instruction.arguments);
    const script = build.find((argumentsText) => argumentsText.includes('deploy --prod')) ?? '';
    expect(script).toContain('test -f /out/ui/main.tsx');
    expect(script).toContain(`require('esbuild').transformSync(`);
    const packageJson = JSON.parse(
      readFileSync(repoPath('services/console/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string>; files?: string[] };
    // A production dependency, so `pnpm deploy --prod` installs it; no `files` list drops ui/.
    expect(packageJson.dependencies.esbuild).toBeDefined();
    expect(packageJson.files).toBeUndefined();
  });

  it("moves the console off the catalog's port", () => {
    const environment = stage('service-console')
      .instructions.filter((instruction) => instruction.keyword === 'ENV')
      .map((instruction) => instruction.arguments);
    expect(environment).toContain('PORT=8004');
    expect(lastInstruction(stage('service-console'), 'EXPOSE')?.arguments).toBe('8004');
    expect(lastInstruction(stage('service-catalog'), 'EXPOSE')?.arguments).toBe('8003');
  });

  it('runs as a numeric non-root user under tini', () => {
    const user = lastInstruction(stage('runtime'), 'USER');
    expect(user?.arguments).toBe('10001:10001');
    for (const candidate of dockerfile.stages.filter((each) => each.name.startsWith('service-'))) {
      expect(lastInstruction(candidate, 'USER'), candidate.name).toBeUndefined();
    }
    const entrypoint = lastInstruction(stage('runtime'), 'ENTRYPOINT');
    if (entrypoint === undefined) throw new Error('runtime has no ENTRYPOINT');
    expect(execForm(entrypoint)).toEqual(['/usr/bin/tini', '--']);
  });

  it('writes only to /tmp (TMPDIR), so a read-only root filesystem works', () => {
    const environment = stage('runtime')
      .instructions.filter((instruction) => instruction.keyword === 'ENV')
      .map((instruction) => instruction.arguments)
      .join(' ');
    expect(environment).toContain('TMPDIR=/tmp');
    expect(environment).toContain('NODE_ENV=production');
  });

  it('pins the pnpm of packageManager and the tsx of the lockfile', () => {
    const rootPackage = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      packageManager: string;
    };
    expect(`pnpm@${argumentDefault(stage('base').instructions, 'PNPM_VERSION')}`).toBe(
      rootPackage.packageManager,
    );
    const lockfile = parse(readFileSync(repoPath('pnpm-lock.yaml'), 'utf8')) as {
      importers: Record<string, { dependencies?: Record<string, { version: string }> }>;
    };
    const lockedTsx = lockfile.importers['.']?.dependencies?.tsx?.version;
    expect(argumentDefault(stage('tsx').instructions, 'TSX_VERSION')).toBe(lockedTsx);
  });
});
