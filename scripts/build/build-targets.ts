/** One compiled output: a package's entry points bundled into its `dist/`. */
export interface BuildTarget {
  /** The package directory, relative to the repository root. */
  directory: string;
  /** Output name (without `.js`) → entry, relative to the package directory. */
  entries: Readonly<Record<string, string>>;
  /** Opens PGlite: its worker thread is a bundle of its own, beside it its WebAssembly and data. */
  pglite?: boolean;
  /** Serves the console: its UI, bundled now, goes to `dist/ui/`. */
  consoleUi?: boolean;
  /** Counts tokens: gpt-tokenizer, loaded on first use, goes to `dist/node_modules/`. */
  tokenizer?: boolean;
}

const main = { main: 'src/main.ts' };

/** Every process Switchyard ships: what `pnpm build` compiles and the images run. */
export const BUILD_TARGETS: readonly BuildTarget[] = [
  { directory: 'services/gateway', entries: main, tokenizer: true },
  { directory: 'services/accounting', entries: main },
  { directory: 'services/catalog', entries: main },
  { directory: 'services/console', entries: main, consoleUi: true },
  {
    directory: 'services/standalone',
    entries: main,
    pglite: true,
    consoleUi: true,
    tokenizer: true,
  },
  { directory: 'libs/db', entries: { 'migrate-cli': 'src/migrate-cli.ts' }, pglite: true },
];
