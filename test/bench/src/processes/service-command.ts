/** A Switchyard service the bench starts in a process of its own. */
export type SwitchyardService = 'gateway' | 'standalone';

/**
 * The node arguments that run a service from the repository root, after `nodeFlags` (preloads,
 * `--cpu-prof`). The one place that says how services run: when they are compiled, this points
 * at their built entry instead of running the TypeScript through tsx.
 */
export function serviceCommand(
  service: SwitchyardService,
  nodeFlags: readonly string[] = [],
): string[] {
  return [...nodeFlags, '--import', 'tsx', `services/${service}/src/main.ts`];
}
