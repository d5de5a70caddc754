// The floor for the Slack benchmark, run as its own process: a bare Bolt app on its stock
// HTTPReceiver whose slash command handler only acks. Env: PORT, SLACK_SIGNING_SECRET, SLACK_API_URL.
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  logLevel: LogLevel.ERROR,
});
for (const command of ['/azlinux', '/cpulevel']) app.command(command, async ({ ack }) => ack());
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
