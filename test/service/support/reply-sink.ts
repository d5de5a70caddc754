// A loopback endpoint standing in for Slack's response_url that takes its time, so replies are still
// in flight when the service is told to stop. Each reply is recorded when its response is finished.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplySink {
  url: (id: string) => string;
  /** replies whose HTTP exchange completed, with the time it completed */
  delivered: { id: string; body: string; at: number }[];
  arrived: () => number;
  close(): Promise<void>;
}

export async function startReplySink(delayMs: number): Promise<ReplySink> {
  const delivered: ReplySink['delivered'] = [];
  let arrived = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      arrived += 1;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}', () => delivered.push({ id: (req.url ?? '').split('/').pop() ?? '', body, at: Date.now() }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (id) => `http://127.0.0.1:${port}/reply/${id}`,
    delivered,
    arrived: () => arrived,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
