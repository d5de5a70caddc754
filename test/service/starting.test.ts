// While Slack is still connecting (auth.test not through yet), /slack/events answers 503 with a JSON
// body and Retry-After, like every other refusal; before, the body was empty.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/service/start.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { logSink } from './support/log-sink.js';

let slack: FakeSlack;
let service: RunningService | undefined;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await service?.stop('test over');
  await slack?.close();
});

it('answers /slack/events with 503 JSON while Slack is starting', async () => {
  slack.fail({ kind: '500', method: 'auth.test', times: 2 }); // the first attempts fail; the retries take a while
  service = await startService(
    { PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-starting', SLACK_SIGNING_SECRET: 'starting-secret-123456', SLACK_API_URL: slack.apiUrl },
    { stdinKind: 'none', logDestination: logSink().stream },
  );
  const res = await fetch(`${service.url}/slack/events`, { method: 'POST', body: 'token=x' });
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('1');
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toMatchObject({ error: 'starting' });
  await service.started; // and Slack does come up after the failed attempts
  expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
});
