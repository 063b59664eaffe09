/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  /** Everything after the keyword. */
  arguments: string;
  line: number;
}

/** One build stage: its FROM and what follows until the next FROM. */
export interface DockerStage {
  /** The `AS` name, or the stage's index as a string. */
  name: string;
  base: string;
  instructions: DockerInstruction[];
}

/** A Dockerfile as global ARGs (before the first FROM) and stages. */
export interface ParsedDockerfile {
  globalArguments: DockerInstruction[];
  stages: DockerStage[];
}

/**
 * Reads a Dockerfile: skips comments and blank lines, joins `\` continuations (and the
 * comment lines inside them, as Docker does) and splits the instructions into stages.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions: DockerInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trimEnd();
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || (pending === undefined && trimmed === '')) return;
    const continues = line.endsWith('\\');
    const part = continues ? line.slice(0, -1) : line;
    pending =
      pending === undefined
        ? { text: part, line: index + 1 }
        : { text: `${pending.text} ${part.trim()}`, line: pending.line };
    if (continues) return;
    const match = /^\s*(\w+)\s+([\s\S]*)$/.exec(pending.text);
    if (match?.[1] === undefined || match[2] === undefined) {
      throw new Error(`line ${pending.line}: not an instruction: ${pending.text}`);
    }
    instructions.push({
      keyword: match[1].toUpperCase(),
      arguments: match[2].trim(),
      line: pending.line,
    });
    pending = undefined;
  });

  const parsed: ParsedDockerfile = { globalArguments: [], stages: [] };
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.arguments.split(/\s+/);
      parsed.stages.push({
        name:
          as?.toUpperCase() === 'AS' && name !== undefined ? name : String(parsed.stages.length),
        base,
        instructions: [],
      });
      continue;
    }
    const stage = parsed.stages.at(-1);
    if (stage === undefined) parsed.globalArguments.push(instruction);
    else stage.instructions.push(instruction);
  }
  return parsed;
}

/** The default of an `ARG NAME=default` among these instructions. */
export function argumentDefault(
  instructions: readonly DockerInstruction[],
  name: string,
): string | undefined {
  for (const instruction of instructions) {
    if (instruction.keyword !== 'ARG') continue;
    const [key, value] = instruction.arguments.split('=', 2);
    if (key === name) return value;
  }
  return undefined;
}

/** An exec-form (JSON array) argument list, e.g. of CMD or ENTRYPOINT. */
export function execForm(instruction: DockerInstruction): string[] {
  const parsed: unknown = JSON.parse(instruction.arguments);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new Error(`line ${instruction.line}: ${instruction.keyword} is not in exec form`);
  }
  return parsed;
}

/** The sources of a COPY (everything but flags and the destination). */
export function copySources(instruction: DockerInstruction): { from?: string; sources: string[] } {
  const words = instruction.arguments.split(/\s+/);
  const flags = words.filter((word) => word.startsWith('--'));
  const paths = words.filter((word) => !word.startsWith('--'));
  const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
  return { ...(from === undefined ? {} : { from }), sources: paths.slice(0, -1) };
}
