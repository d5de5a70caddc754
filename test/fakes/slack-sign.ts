// Sends requests to /slack/events signed exactly as Slack signs them: HMAC-SHA256 over
// `v0:<timestamp>:<raw body>` with the signing secret, in X-Slack-Signature (v0=<hex>) and
// X-Slack-Request-Timestamp. Slash commands go as application/x-www-form-urlencoded, Events API
// envelopes as JSON, interactivity payloads as a form with one `payload=<json>` field.
import { createHmac } from 'node:crypto';
import { ackMessage, showAckMessage, type Json } from './slack-api.js';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** seconds since the epoch; default now */
  timestamp?: number;
  /** override the computed signature (forgery tests) */
  signature?: string;
  /** X-Slack-Retry-Num, as Slack sets on redelivery */
  retryNum?: number;
  retryReason?: string;
}

export interface SentResponse {
  status: number;
  body: string;
  /** the response's content-type, '' when none */
  contentType: string;
  /** milliseconds from sending to the full response */
  ms: number;
}

export class SlackSender {
  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {}

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SentResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(this.secret, timestamp, body),
    };
    if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
    if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
    const started = performance.now();
    const res = await fetch(this.url, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, body: text, contentType: res.headers.get('content-type') ?? '', ms: performance.now() - started };
  }

  /**
   * A slash command. Like Slack, a message in a 200 ack (JSON with text or blocks) is shown to the
   * user: when the command's response_url belongs to a running FakeSlack, the message is recorded there
   * as a response with `via: 'ack'`. `ackMessage` on the result gives it too.
   */
  async command(fields: Record<string, string>, options?: SendOptions): Promise<SentResponse & { ackMessage?: Json }> {
    const res = await this.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
    const message = res.status === 200 && res.contentType.startsWith('application/json') ? ackMessage(res.body) : undefined;
    if (message === undefined) return res;
    if (fields['response_url'] !== undefined) showAckMessage(fields['response_url'], message);
    return { ...res, ackMessage: message };
  }

  event(envelope: Record<string, unknown>, options?: SendOptions): Promise<SentResponse> {
    return this.send(JSON.stringify(envelope), 'application/json', options);
  }

  action(payload: Record<string, unknown>, options?: SendOptions): Promise<SentResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, 'application/x-www-form-urlencoded', options);
  }
}

// Payloads shaped like Slack's own. Each carries its own trigger_id (and a Share its own message),
// as Slack's do: the surface drops a request whose trigger_id or clicked message it has seen before.

let triggerSeq = 0;
const nextTrigger = (): string => `${Date.now()}.${++triggerSeq}.trigger`;

export function commandPayload(command: string, text: string, responseUrl: string, user = 'U0ASKER'): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    team_domain: 'fake',
    channel_id: 'C0CHAN',
    channel_name: 'general',
    user_id: user,
    user_name: 'asker',
    command,
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: nextTrigger(),
  };
}

let eventSeq = 0;

export function mentionEnvelope(opts: {
  text: string;
  ts: string;
  threadTs?: string;
  eventId?: string;
  channel?: string;
  user?: string;
}): Record<string, unknown> {
  eventSeq += 1;
  const event: Record<string, unknown> = {
    type: 'app_mention',
    user: opts.user ?? 'U0ASKER',
    text: opts.text,
    ts: opts.ts,
    channel: opts.channel ?? 'C0CHAN',
    event_ts: opts.ts,
    team: 'T0TEST',
  };
  if (opts.threadTs !== undefined) event['thread_ts'] = opts.threadTs;
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${Date.now()}${eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function shareActionPayload(
  value: string,
  responseUrl: string,
  user = 'U0ASKER',
  messageTs = `1700000000.${String(++triggerSeq).padStart(6, '0')}`,
): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user, username: 'asker', name: 'asker', team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: 'C0CHAN', is_ephemeral: true },
    trigger_id: nextTrigger(),
    team: { id: 'T0TEST', domain: 'fake' },
    channel: { id: 'C0CHAN', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: 'azlinux_share',
        block_id: 'azlinux_share',
        text: { type: 'plain_text', text: 'Share in channel', emoji: true },
        value,
        action_ts: `${Date.now() / 1000}${triggerSeq}`,
      },
    ],
  };
}

/** An event_callback envelope around any event, as Slack sends it. */
export function eventEnvelope(event: Record<string, unknown>, eventId?: string): Record<string, unknown> {
  eventSeq += 1;
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${Date.now()}${eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A message a person sent in their DM with the bot (message.im). */
export function dmEnvelope(opts: {
  text: string;
  ts: string;
  threadTs?: string;
  user?: string;
  eventId?: string;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: 'message',
    channel_type: 'im',
    channel: 'D0DM',
    user: opts.user ?? 'U0ASKER',
    text: opts.text,
    ts: opts.ts,
    event_ts: opts.ts,
    team: 'T0TEST',
    ...opts.extra,
  };
  if (opts.threadTs !== undefined) event['thread_ts'] = opts.threadTs;
  return eventEnvelope(event, opts.eventId);
}

/** The person opened the bot's Home (or Messages) tab. */
export function homeOpenedEnvelope(user = 'U0ASKER', tab: 'home' | 'messages' = 'home'): Record<string, unknown> {
  return eventEnvelope({ type: 'app_home_opened', user, channel: 'D0DM', tab, event_ts: `${Date.now() / 1000}` });
}

/** A button pressed on the Home tab (a view, not a message: no channel, no response_url). */
export function homeActionPayload(actionId: string, value: string, user = 'U0ASKER'): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user, username: 'asker', name: 'asker', team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: 'T0TEST', domain: 'fake' },
    view: { id: 'V0HOME', type: 'home', blocks: [] },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'azlinux_examples',
        text: { type: 'plain_text', text: value },
        value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}
