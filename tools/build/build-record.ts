import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, type BundleSpec } from './bundles';

/** What a bundle was built from and when the build began reading it, kept beside the bundle. */
export interface BuildRecord {
  startedAt: number;
  /** Paths relative to the repository root. */
  inputs: string[];
}

const RECORD_FILE = 'build-record.json';

export function writeBuildRecord(outDir: string, record: BuildRecord): void {
  writeFileSync(path.join(outDir, RECORD_FILE), JSON.stringify(record));
}

/**
 * True when the bundle is missing or any file it was built from changed since its build began (an edit made
 * during the build counts too). A new source file shows up as an edit to the file that imports it.
 */
export function isBundleStale(spec: BundleSpec): boolean {
  const outDir = path.join(ROOT, spec.outDir);
  if (Object.keys(spec.entries).some((entry) => !existsSync(path.join(outDir, `${entry}.mjs`)))) return true;
  const record = readRecord(outDir);
  if (!record) return true;
  return record.inputs.some((input) => {
    const file = path.join(ROOT, input);
    return !existsSync(file) || statSync(file).mtimeMs > record.startedAt;
  });
}

function readRecord(outDir: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(path.join(outDir, RECORD_FILE), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
}
