import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got, and the status it answered. */
export interface ReceivedPost {
  event: string;
  incidentId: string | null;
  title: string;
  body: string;
  answered: number;
  /** The request's custom `x-token` header, to see a masked secret kept its saved value. */
  token: string | undefined;
}

/**
 * A webhook endpoint on 127.0.0.1 that records every POST and answers what the test says (204 by default),
 * so a channel can be made to fail and then to work again.
 */
export interface WebhookReceiver {
  url: string;
  posts: ReceivedPost[];
  answerWith(status: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const posts: ReceivedPost[] = [];
  let status = 204;
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => resolve(body));
    });
  const server = createServer((request, response) => {
    void read(request).then((body) => {
      const answered = status;
      if (request.method === 'POST')
        posts.push({
          ...(JSON.parse(body) as Omit<ReceivedPost, 'answered' | 'token'>),
          answered,
          token: request.headers['x-token'] as string | undefined,
        });
      response.writeHead(answered, { 'content-type': 'application/json', connection: 'close' });
      response.end(answered < 300 ? '' : JSON.stringify({ error: `receiver says ${answered}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    posts,
    answerWith: (next) => {
      status = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
