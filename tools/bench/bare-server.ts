import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A bare node:http server in its own process answering 200 at once, with "ok" or the bytes of `bodyFile`: the
 * ceiling a public path of ours is compared with, same machine, same run.
 */
export async function startBare(here: string, bodyFile?: string): Promise<{ process: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${here}target-server.ts`], {
    env: { ...process.env, LATENCY_MS: '0', FAILURE_RATE: '0', ...(bodyFile ? { BODY_FILE: bodyFile } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { process: child, base: `http://127.0.0.1:${Number(chunk.toString().trim())}` };
}
