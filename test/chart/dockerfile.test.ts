import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILD_TARGETS } from '../../scripts/build/build-targets.js';
import {
  argumentDefault,
  copySources,
  type DockerStage,
  execForm,
  parseDockerfile,
} from './support/parse-dockerfile.js';
import { repoPath } from './support/repo-paths.js';

// These tests keep docker/Dockerfile true to the repository by reading it; test/images/run.sh
// builds every image with buildah and boots it.
const dockerfile = parseDockerfile(readFileSync(repoPath('docker/Dockerfile'), 'utf8'));
const ignored = readFileSync(repoPath('docker/Dockerfile.dockerignore'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'));

/** Each SERVICE build argument and the workspace package whose `pnpm build` output it runs. */
const SERVICES = {
  gateway: 'services/gateway',
  accounting: 'services/accounting',
  catalog: 'services/catalog',
  console: 'services/console',
  standalone: 'services/standalone',
  migrate: 'libs/db',
} as const;

/** The build stage's one RUN: install, `pnpm build`, every dist/ moved to /out/<service>. */
function buildScript(): string {
  const runs = stage('build').instructions.filter((instruction) => instruction.keyword === 'RUN');
  expect(runs).toHaveLength(1);
  return runs[0]?.arguments ?? '';
}

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

  it('lets only the manifests, the build scripts and the sources into the build context', () => {
    expect(ignored[0]).toBe('*');
    for (const kept of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc']) {
      expect(ignored, kept).toContain(`!${kept}`);
    }
    for (const kept of ['scripts', 'libs', 'services']) expect(ignored, kept).toContain(`!${kept}`);
    // Every workspace package's manifest, or the frozen lockfile does not match.
    const workspace = parse(readFileSync(repoPath('pnpm-workspace.yaml'), 'utf8')) as {
      packages: string[];
    };
    for (const pattern of workspace.packages.filter((each) => !each.endsWith('/*'))) {
      expect(ignored, pattern).toContain(`!${pattern}/package.json`);
    }
    for (const excluded of ['**/node_modules', '**/dist', '.git']) {
      expect(ignored).toContain(excluded);
    }
  });

  it('builds on the local base images of docker/base/build-base.sh, of one Node major', () => {
    const script = readFileSync(repoPath('docker/base/build-base.sh'), 'utf8');
    const nodeMajor = /NODE_VERSION="\$\{NODE_VERSION:-(\d+)\.\d+\.\d+\}"/.exec(script)?.[1];
    expect(nodeMajor).toBeDefined();
    expect(argumentDefault(dockerfile.globalArguments, 'BUILD_IMAGE')).toBe(
      `switchyard/node-build:${nodeMajor}`,
    );
    expect(argumentDefault(dockerfile.globalArguments, 'RUNTIME_IMAGE')).toBe(
      `switchyard/node-runtime:${nodeMajor}`,
    );
    expect(stage('build').base).toBe(`\${BUILD_IMAGE}`);
    // The service stages copy from the build stage, or from an image of it (BUILD_OUTPUT).
    expect(argumentDefault(dockerfile.globalArguments, 'BUILD_OUTPUT')).toBe('build');
    expect(stage('compiled').base).toBe(`\${BUILD_OUTPUT}`);
    expect(stage('compiled').instructions).toEqual([]);
    expect(stage('runtime').base).toBe(`\${RUNTIME_IMAGE}`);
  });

  it('ends in the stage named by the SERVICE argument, one per service', () => {
    expect(dockerfile.stages.at(-1)?.base).toBe(`service-\${SERVICE}`);
    expect(argumentDefault(dockerfile.globalArguments, 'SERVICE')).toBe('gateway');
    for (const service of Object.keys(SERVICES)) {
      expect(stage(`service-${service}`).base).toBe('runtime');
    }
  });

  it.each(Object.entries(SERVICES))(
    'runs %s with node on a file its package builds, copied from the build stage',
    (service, packageDirectory) => {
      const final = stage(`service-${service}`);
      const command = lastInstruction(final, 'CMD');
      if (command === undefined) throw new Error(`service-${service} has no CMD`);
      const [program, entry = '', ...rest] = execForm(command);
      expect(program).toBe('node');
      const target = BUILD_TARGETS.find((each) => each.directory === packageDirectory);
      if (target === undefined) throw new Error(`pnpm build has no target ${packageDirectory}`);
      const [, name] = /^dist\/([\w-]+)\.js$/.exec(entry) ?? [];
      expect(Object.keys(target.entries), entry).toContain(name);
      expect(rest.join(' ')).not.toMatch(/tsx|\.ts\b/);

      const copies = final.instructions.filter((instruction) => instruction.keyword === 'COPY');
      expect(copies.map((copy) => copySources(copy))).toContainEqual({
        from: 'compiled',
        sources: [`/out/${service}`],
      });
      const moved = service === 'migrate' ? 'mv libs/db/dist /out/migrate' : `/out/\${service}`;
      expect(buildScript()).toContain(moved);
      if (service !== 'migrate') {
        expect(buildScript()).toMatch(new RegExp(`for service in [^;]*\\b${service}\\b`));
      }
    },
  );

  it('compiles in a build stage the same for every SERVICE, with no compiler at run time', () => {
    const script = buildScript();
    expect(script).toContain('pnpm install --frozen-lockfile');
    expect(script).toContain('pnpm build');
    const rootPackage = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(rootPackage.scripts.build).toBeDefined();
    // A SERVICE argument in the build stage would make each image rebuild it.
    expect(stage('build').instructions.some((each) => each.arguments.includes('SERVICE'))).toBe(
      false,
    );
    for (const candidate of dockerfile.stages.filter((each) => each.name !== 'build')) {
      for (const instruction of candidate.instructions) {
        expect(instruction.arguments, `line ${instruction.line}`).not.toMatch(
          /\b(tsx|esbuild|typescript|pnpm|node_modules)\b/,
        );
      }
    }
  });

  it("bundles the console's UI at build time", () => {
    expect(buildScript()).toContain('test -f /out/console/ui/app.js');
    const consolePackage = JSON.parse(
      readFileSync(repoPath('services/console/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(consolePackage.dependencies.esbuild).toBeUndefined();
    expect(BUILD_TARGETS.find((each) => each.directory === 'services/console')?.consoleUi).toBe(
      true,
    );
  });

  it("keeps the standalone image's state in a /data volume its user owns", () => {
    const standalone = stage('service-standalone');
    // Mounted at run time (`-v name:/data`), not declared: see the Dockerfile.
    expect(lastInstruction(standalone, 'VOLUME')).toBeUndefined();
    expect(
      standalone.instructions
        .filter((instruction) => instruction.keyword === 'ENV')
        .map((instruction) => instruction.arguments),
    ).toContain('SWITCHYARD_DATA_DIR=/data');
    const dataCopy = standalone.instructions.find(
      (instruction) => instruction.keyword === 'COPY' && instruction.arguments.endsWith(' /data'),
    );
    expect(dataCopy?.arguments).toContain('--chown=10001:10001');
    expect(lastInstruction(standalone, 'EXPOSE')?.arguments).toBe('8000');
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
    expect(`pnpm@${argumentDefault(stage('build').instructions, 'PNPM_VERSION')}`).toBe(
      rootPackage.packageManager,
    );
  });
});
