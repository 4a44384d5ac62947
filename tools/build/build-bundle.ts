import { cpSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT, type BundleSpec } from './bundles';
import { writeBuildRecord } from './build-record';

/**
 * Bundles our TypeScript (libs included, through the tsconfig path aliases) into one ESM file per entry;
 * packages stay external and node resolves them from node_modules at run time.
 */
export async function buildBundle(spec: BundleSpec): Promise<void> {
  const startedAt = Date.now();
  const outDir = path.join(ROOT, spec.outDir);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(spec.entries).map(([out, entry]) => ({ in: entry, out })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.base.json',
    // Stack traces map back to the .ts files; without the sources' text the map costs ~10 MB less RSS.
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  assertAliasesBundled(result.metafile.outputs);

  mkdirSync(outDir, { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  for (const asset of spec.assets) copyAtomically(path.join(ROOT, asset.from), path.join(outDir, asset.to));
  const inputs = [
    ...Object.keys(result.metafile.inputs),
    'tsconfig.base.json',
    ...spec.assets.flatMap((asset) => listFiles(asset.from).map((file) => path.join(asset.from, file))),
  ];
  writeBuildRecord(outDir, { startedAt, inputs });
}

/** An alias left external would only fail when node loads the bundle; fail the build instead. */
function assertAliasesBundled(outputs: Record<string, { imports: { path: string; external?: boolean }[] }>): void {
  const leaked = Object.values(outputs).flatMap((output) => output.imports.filter((i) => i.external && i.path.startsWith('@mini-netumo/')));
  if (leaked.length > 0) throw new Error(`not bundled: ${[...new Set(leaked.map((i) => i.path))].join(', ')}`);
}

// Another `npm start` (or an e2e run) may be loading these files right now: never let it read half a file.
function writeAtomically(file: string, contents: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

function copyAtomically(fromDir: string, toDir: string): void {
  for (const relative of listFiles(fromDir)) {
    const target = path.join(toDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    cpSync(path.join(fromDir, relative), temporary);
    renameSync(temporary, target);
  }
}

/** Files under `dir` (absolute, or relative to the root), as paths relative to `dir`. */
function listFiles(dir: string): string[] {
  const absolute = path.resolve(ROOT, dir);
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(absolute, path.join(entry.parentPath, entry.name)));
}
