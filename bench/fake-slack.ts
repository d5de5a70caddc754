// A minimal loopback Slack for the benchmark: auth.test, any other Web API method {ok:true}, and a
// response_url sink that counts the replies it receives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchSlack {
  apiUrl: string;
  responseUrl: string;
  responses(): number;
  close(): Promise<void>;
}

export async function startBenchSlack(): Promise<BenchSlack> {
  let responses = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path.startsWith('/response/')) responses += 1;
      const body =
        path === '/api/auth.test'
          ? { ok: true, url: 'https://bench.slack.test/', team: 'Bench', user: 'azlinux', team_id: 'T0BENCH', user_id: 'UBOT', bot_id: 'B0BOT' }
          : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/response/cmd`,
    responses: () => responses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
