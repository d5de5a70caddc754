// The service hands each surface what issue 14 added: Slack gets the Home tab's content (examples and
// the data's as-of date), the HTTP server the web page and its completion; all over loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, EXAMPLE_QUESTIONS } from '../../src/core/index.js';
import { startService, type RunningService } from '../../src/service/start.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { homeOpenedEnvelope, SlackSender } from '../fakes/slack-sign.js';
import { logSink } from './support/log-sink.js';

const SECRET = 'wiring-signing-secret-0123';
let slack: FakeSlack;
let service: RunningService;
beforeAll(async () => {
  slack = await startFakeSlack();
  service = await startService(
    { PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-wiring', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl },
    { stdinKind: 'none', logDestination: logSink().stream },
  );
  await service.started;
});
afterAll(async () => {
  await service?.stop('test over');
  await slack?.close();
});

describe('the running service', () => {
  it("publishes the Slack Home tab with the example questions and the data's as-of date", async () => {
    await new SlackSender(`${service.url}/slack/events`, SECRET).event(homeOpenedEnvelope('U0WIRE'));
    const [publish] = await slack.waitFor(() => (slack.callsTo('views.publish').length ? slack.callsTo('views.publish') : undefined));
    const text = JSON.stringify(publish?.body['view']);
    expect(text).toContain(`Data as of ${catalog().asOf}`);
    for (const q of EXAMPLE_QUESTIONS) expect(text).toContain(JSON.stringify(q).slice(1, -1));
  });

  it('serves the web page beside the API, and completion', async () => {
    const page = await fetch(`${service.url}/?q=${encodeURIComponent('/cpulevel d4s v5')}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(await page.text()).toContain('Standard_D4s_v5 guarantees x86-64-v4');
    const completion = (await (await fetch(`${service.url}/api/complete?q=rhel%2010%20on%20d2s`)).json()) as { suggestions: string[] };
    expect(completion.suggestions).toContain('rhel 10 on Standard_D2s_v3');
  });
});
