// The production bundle (`npm run build`, after tsc): the server (main.js) and the ask command (ask.js),
// each one ES module holding our code and the packages its start loads (pino, ...), with what loads
// later (the Slack surface with Bolt and its dependency tree, the console, the tables' full validation)
// in chunks beside them, so it stays lazy. A cold start reads and compiles a few files instead of
// hundreds (docs/production.md, "The bundle").
// discord.js, ioredis, zod and prom-client stay external: loaded from node_modules, and only when
// configured, needed or (prom-client) after start-up, as from dist/src. (prom-client bundled lost its
// named exports through the dynamic import: `Registry is not a constructor`.)
// The tables are copied beside the bundle (the code reads them from its own directory) without indentation
// and in ASCII (tableCopy), validated in full and stamped there, as validate-build.ts does for dist/src/data.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { TABLE_FILES } from '../src/data/stamp.js';
import { validateAndStamp } from '../src/data/validate-build.js';

/** The packages left to node_modules: imported lazily, and not on any start's path unless configured. */
export const EXTERNAL = ['discord.js', 'ioredis', 'zod', 'prom-client'];

/** The project's root: the directory above this file with our package.json (scripts/ or dist/scripts/). */
export function projectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'azlinux-bot') return dir;
    } catch {
      // not here; one level up
    }
  }
  throw new Error('azlinux-bot: package.json not found above scripts/bundle');
}

/**
 * Packages required at the top of an SDK module but used only when a feature the bot may not run is
 * configured: bundled as usual, but evaluated on first use (their modules run then, not at start).
 * Bolt's App requires its SocketModeReceiver whatever the mode, which requires @slack/socket-mode (and
 * with it undici and ws) only to construct its client in Socket Mode; Bolt's receivers require
 * @slack/oauth (and jsonwebtoken) only to construct an InstallProvider, for OAuth installs, which the
 * bot does not do; Bolt's index requires its ExpressReceiver, which requires express (and body-parser,
 * iconv-lite's tables) only to construct an express app, which the bot never does. In HTTP mode they
 * were a quarter of a start and never read.
 */
export const LAZY_PACKAGES = ['@slack/socket-mode', '@slack/oauth', 'express'];

/** What a lazy module says about its package without loading it, as the package was at build time. */
export interface LazyShape {
  /** the package exports a function (express does) */
  callable: boolean;
  /** its exports are marked as an ES module's (TypeScript's helpers read this first) */
  esModule: boolean;
  /** its own enumerable export names */
  keys: string[];
}

/** The shape of `pkg` as `root` resolves it (loaded here, in the build, not in the bundle). */
export function lazyShape(pkg: string, root: string): LazyShape {
  const exports: unknown = createRequire(join(root, 'package.json'))(pkg);
  const e = exports as Record<string, unknown>;
  return { callable: typeof exports === 'function', esModule: e.__esModule === true, keys: Object.keys(e) };
}

/**
 * The module that stands for a lazy package: its exports as a proxy that requires the package at the
 * first read of a value, a call or a construction. Its export names and ES-module mark are the build's
 * (the helpers TypeScript emits, __importStar and __importDefault, list and check them at the require,
 * and bind each name to a getter, so that they stay lazy); each value is the package's own.
 */
export function lazyModule(pkg: string, shape: LazyShape): string {
  return `let real;
const load = () => (real ??= require(${JSON.stringify(pkg)}));
const KEYS = ${JSON.stringify(shape.keys)};
const target = ${shape.callable ? 'function () {}' : '{}'};
const fixed = Reflect.ownKeys(target).filter((k) => !Reflect.getOwnPropertyDescriptor(target, k).configurable);
module.exports = new Proxy(target, {
  get: (_, key) => (key === '__esModule' ? ${shape.esModule} : load()[key]),
  has: (_, key) => key in load(),
  ownKeys: () => [...KEYS, ...fixed],
  getOwnPropertyDescriptor: (t, key) => {
    if (fixed.includes(key)) return Reflect.getOwnPropertyDescriptor(t, key);
    return KEYS.includes(key) ? { configurable: true, enumerable: true, get: () => load()[key] } : undefined;
  },
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  construct: (_, args) => Reflect.construct(load(), args),
});
`;
}

/** Resolves `packages` to their lazyModule (whose own require gets the real package). */
export function lazyPackages(root: string, packages: readonly string[] = LAZY_PACKAGES): Plugin {
  const filter = new RegExp(`^(${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(b) {
      b.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
        contents: lazyModule(args.path, lazyShape(args.path, root)),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/**
 * The same JSON in ASCII: every character beyond it (the tables have a few: ®, ™, –, …) written as its
 * \uXXXX escape, which JSON.parse reads back as the same character. Outside strings JSON has only ASCII,
 * so escaping every such character is escaping inside strings. One of them makes a whole file's text two
 * bytes a character in V8, and its UTF-8 decoding and JSON parsing the slow two-byte kind: in ASCII a
 * start reads, hashes and parses the six tables in about two thirds of the CPU time.
 */
export function asciiJson(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A table as the bundle ships it: the same data (JSON.parse gives back an equal value), without the
 * indentation (a quarter of the bytes a start reads, hashes for the stamp and parses), in ASCII (asciiJson).
 */
export function tableCopy(text: string): string {
  return asciiJson(JSON.stringify(JSON.parse(text)));
}

/** The entry points, by the name of the file they become. */
export const ENTRIES: Record<string, string> = { main: 'src/main.ts', ask: 'src/adapters/cli/ask.ts' };

/**
 * Options for esbuild shared by the bot's bundle and the benchmark's bundled bare Bolt app (the same
 * treatment on both sides). CommonJS packages bundled into an ES module call require() for Node's
 * built-ins: the banner gives them one.
 * Whitespace and comments go (names stay, so stack traces still name functions): V8 keeps each
 * module's source text in memory, and a single character beyond Latin-1 in a comment (Slack's JSDoc
 * has em dashes) stores a whole file as two bytes a character: Bolt's chunk was 5.9 MB of heap as
 * written, 2.1 MB without comments. Linked source maps (no sources inside) give readable traces with
 * `node --enable-source-maps`; without that flag Node never reads them.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  sourcesContent: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __azlinuxRequire } from 'node:module'; const require = __azlinuxRequire(import.meta.url);" },
} as const;

/**
 * Bundles the entries (by default the bot's; the benchmark bundles its targets the same way) into
 * `outDir` (emptied first) and stamps a validated copy of the tables there.
 * `outDir` must sit two levels below the project root (as dist/bundle does), where the code finds
 * package.json for its version.
 */
export async function bundle(outDir: string, root = projectRoot(), entries: Record<string, string> = ENTRIES): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: root,
    entryPoints: Object.entries(entries).map(([out, src]) => ({ in: src, out })),
    outdir: outDir,
    external: EXTERNAL,
    plugins: [lazyPackages(root)],
  });
  for (const name of TABLE_FILES) writeFileSync(join(outDir, name), tableCopy(readFileSync(join(root, 'src/data', name), 'utf8')));
  validateAndStamp(pathToFileURL(`${outDir}/`));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = projectRoot();
  const out = join(root, 'dist/bundle');
  try {
    await bundle(out, root);
    if (!existsSync(join(out, 'main.js'))) throw new Error('no main.js written');
    process.stdout.write(`bundled ${Object.keys(ENTRIES).join(', ')} into ${out}\n`);
  } catch (err) {
    process.stderr.write(`bundle: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
