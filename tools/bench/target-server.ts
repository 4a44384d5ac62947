import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The bench's target, in its own process so its CPU is not the worker's: answers after LATENCY_MS with
 * 200, or 500 for a FAILURE_RATE share of requests, with "ok" or the bytes of BODY_FILE (as text/html: the bare
 * server a status page is compared with). Loopback only. Prints its port on stdout.
 */
const latencyMs = Number(process.env.LATENCY_MS ?? 5);
const failureRate = Number(process.env.FAILURE_RATE ?? 0);
const body = process.env.BODY_FILE ? readFileSync(process.env.BODY_FILE) : Buffer.from('ok\n');
const contentType = process.env.BODY_FILE ? 'text/html; charset=utf-8' : 'text/plain';

const server = createServer((_req, res) => {
  const answer = () => {
    res.writeHead(Math.random() < failureRate ? 500 : 200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  };
  if (latencyMs > 0) setTimeout(answer, latencyMs);
  else answer();
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
// Exit at once: open keep-alive sockets would make server.close() wait.
process.on('SIGTERM', () => process.exit(0));
