// The shutdown deadline guards a stop that hangs, and only that: once the service has stopped, it is
// disarmed, so a process that goes on (a test runner, a supervisor) is never exited later.
import { expect, it } from 'vitest';
import { run, type ProcessLike } from '../../src/service/run.js';
import { startFakeSlack } from '../fakes/slack-api.js';
import { logSink } from './support/log-sink.js';

it('a start-up that fails and stops in time leaves no deadline behind to exit(1) afterwards', async () => {
  const slack = await startFakeSlack();
  slack.rejectAuth = true;
  const exits: number[] = [];
  const proc: ProcessLike = {
    on: () => proc,
    exit: ((code: number) => void exits.push(code)) as ProcessLike['exit'],
    stderr: { write: () => true },
  };
  try {
    const env = { PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-refused', SLACK_SIGNING_SECRET: 'deadline-secret', SLACK_API_URL: slack.apiUrl };
    expect(await run(env, proc, { stdinKind: 'none', logDestination: logSink().stream }, 200)).toBe(1);
    await new Promise((r) => setTimeout(r, 500)); // well past the 200 ms deadline
    expect(exits).toEqual([]);
  } finally {
    await slack.close();
  }
});
