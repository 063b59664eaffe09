import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILD_TARGETS } from '../../scripts/build/build-targets.js';
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
const dockerfileText = readFileSync(repoPath('docker/Dockerfile'), 'utf8');
const dockerfile = parseDockerfile(dockerfileText);

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
    'runs %s with plain node on a bundle `pnpm build` writes for its package',
    (service, packageDirectory) => {
      const command = lastInstruction(stage(`service-${service}`), 'CMD');
      if (command === undefined) throw new Error(`service-${service} has no CMD`);
      const [program, ...rest] = execForm(command);
      expect(program).toBe('node');
      expect(rest[0]).toBe('--enable-source-maps');
      const output = /^dist\/([a-z-]+)\.js$/.exec(rest[1] ?? '')?.[1];
      const target = BUILD_TARGETS.find((candidate) => candidate.directory === packageDirectory);
      expect(output, rest[1]).toBeDefined();
      expect(Object.keys(target?.entries ?? {})).toContain(output);
    },
  );

  it.each(Object.entries(SERVICES))(
    'compiles %s with pnpm build in the build stage and keeps only its dist/',
    (service, packageDirectory) => {
      const build = stage('build').instructions.map((instruction) => instruction.arguments);
      const script = build.find((argumentsText) => argumentsText.includes('pnpm build'));
      expect(script).toBeDefined();
      const mapped =
        service === 'migrate'
          ? `migrate) target=db; directory=${packageDirectory}`
          : `target="\${SERVICE}"; directory="services/\${SERVICE}"`;
      expect(script).toContain(mapped);
      expect(script).toContain('/dist" /out/dist');
      expect(packageDirectory.endsWith(service === 'migrate' ? '/db' : `/${service}`)).toBe(true);
    },
  );

  it('bundles the console UI at build time; the runtime has no tsx, TypeScript or esbuild', () => {
    const build = stage('build').instructions.map((instruction) => instruction.arguments);
    const script = build.find((argumentsText) => argumentsText.includes('pnpm build')) ?? '';
    expect(script).toContain('test -s /out/dist/ui/app.js');
    expect(BUILD_TARGETS.find((target) => target.directory === 'services/console')?.consoleUi).toBe(
      true,
    );
    const copies = stage('runtime').instructions.filter(
      (instruction) => instruction.keyword === 'COPY',
    );
    expect(copies.map((copy) => copy.arguments)).toEqual(['--from=build /out /app']);
    const instructions = dockerfileText
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'));
    expect(instructions.join('\n')).not.toMatch(/\btsx\b/);
    const consolePackage = JSON.parse(
      readFileSync(repoPath('services/console/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    // Only the sources' development fallback bundles the UI at run time.
    expect(consolePackage.dependencies.esbuild).toBeUndefined();
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

  it('pins the pnpm of packageManager', () => {
    const rootPackage = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      packageManager: string;
    };
    expect(`pnpm@${argumentDefault(stage('base').instructions, 'PNPM_VERSION')}`).toBe(
      rootPackage.packageManager,
    );
  });
});
