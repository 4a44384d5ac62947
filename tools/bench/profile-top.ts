import { readFileSync } from 'node:fs';

/**
 * `npx tsx tools/bench/profile-top.ts <file.cpuprofile> [top] [--skip=<seconds>]`: where a `BENCH_CPU_PROF`
 * profile of the worker spends its CPU. Prints self time by owner (our code, each package, Node, GC), the
 * same with Node's and native frames charged to the package that called them, and the top functions by self
 * time. Idle time is left out; `--skip` drops the start-up seconds (module loading, reconcile).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--') && arg.endsWith('.cpuprofile'));
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [top] [--skip=<seconds>]');
const top = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 40);
const skipMicros = Number(args.find((arg) => arg.startsWith('--skip='))?.split('=')[1] ?? 0) * 1_000_000;
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

/** Who owns a frame: a package name, "ours:<project>", "node", or the V8 pseudo-frame's name. */
function ownerOf({ url, functionName }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native';
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/(libs|apps|tools)\/([^/]+)\//.exec(url);
  return ours ? `ours:${ours[2]}` : url;
}

/** The nearest caller that is not Node or native code: who asked for a socket write, a timer, an error. */
function callerOwner(id: number): string {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const owner = ownerOf(byId.get(at)!.callFrame);
    if (owner !== 'node' && owner !== 'native' && owner !== '(root)') return owner;
  }
  return ownerOf(byId.get(id)!.callFrame);
}

const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);
const byOwner = new Map<string, number>();
const byCaller = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  // A sample's time is the delta to the next sample (Chrome DevTools attributes it the same way).
  const micros = profile.timeDeltas[i + 1] ?? 0;
  const frame = byId.get(id)!.callFrame;
  if (clock < skipMicros || frame.functionName === '(idle)') return;
  total += micros;
  add(byOwner, ownerOf(frame), micros);
  add(byCaller, callerOwner(id), micros);
  const where = frame.url ? ` ${frame.url.replace(/^.*?(node_modules\/|libs\/|apps\/|tools\/)/, '$1')}:${frame.lineNumber + 1}` : '';
  add(byFunction, `${frame.functionName || '(anonymous)'}${where}`, micros);
});

const rows = (map: Map<string, number>, limit: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, micros]) => ({ name, ms: Math.round(micros / 1_000), pct: Math.round((micros / total) * 1_000) / 10 }));

console.log(`busy CPU in profile: ${Math.round(total / 1_000)} ms`);
console.log('self time by owner');
console.table(rows(byOwner, 20));
console.log('Node and native time charged to the calling package');
console.table(rows(byCaller, 20));
console.log('top functions by self time');
console.table(rows(byFunction, top));
