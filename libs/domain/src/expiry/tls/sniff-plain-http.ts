import { connect } from 'node:net';

/**
 * After a "not TLS" answer: does the port speak plain HTTP? A second, tiny connection sends an HTTP request
 * and reads the first bytes; "HTTP/" means a plain web server sits where TLS was expected. Bounded by timeoutMs.
 */
export function answersPlainHttp(address: string, port: number, host: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = '';
    let done = false;
    const socket = connect({ host: address, port });
    const finish = (answer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(false), Math.max(1, timeoutMs));
    socket.setNoDelay(true);
    socket.once('connect', () => socket.write(`HEAD / HTTP/1.0\r\nHost: ${host}\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (seen.length >= 5) finish(seen.startsWith('HTTP/'));
    });
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(seen.startsWith('HTTP/')));
  });
}
