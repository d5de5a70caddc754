// A loopback Discord: fake REST + fake gateway wired together, with one guild (a text channel and a
// thread), a bot user, and builders for the payloads Discord sends (interactions, messages).
import { FakeGateway } from './gateway.js';
import { FakeDiscordRest, nextId } from './rest.js';

export { Op } from './gateway.js';
export type { RecordedRequest } from './rest.js';

export const BOT_ID = '1200000000000000001';
export const APP_ID = BOT_ID;
export const GUILD_ID = '1200000000000000100';
export const CHANNEL_ID = '1200000000000000200';
export const THREAD_ID = '1200000000000000300';
export const USER_ID = '1200000000000000400';
export const OTHER_BOT_ID = '1200000000000000500';
/** the bot's managed role, which Discord creates when the bot joins a guild */
export const BOT_ROLE_ID = '1200000000000000600';
/** an ordinary role */
export const TEAM_ROLE_ID = '1200000000000000700';
const COMMAND_IDS: Record<string, string> = { azlinux: '1200000000000000601', cpulevel: '1200000000000000602' };

export const botUser = { id: BOT_ID, username: 'azlinux-bot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
export const humanUser = { id: USER_ID, username: 'ada', discriminator: '0', global_name: 'Ada', avatar: null, flags: 0 };
export const otherBot = { id: OTHER_BOT_ID, username: 'other-bot', discriminator: '0', global_name: null, avatar: null, bot: true };

const EVERYONE_PERMS = '1024'; // View Channels
const now = () => new Date().toISOString();

function member(user: Record<string, unknown>) {
  return {
    user,
    roles: [],
    joined_at: now(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
  };
}

export function guildCreate() {
  return {
    id: GUILD_ID,
    name: 'Cloud Platform',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: USER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: now(),
    large: false,
    unavailable: false,
    member_count: 2,
    roles: [
      { id: GUILD_ID, name: '@everyone', color: 0, hoist: false, position: 0, permissions: EVERYONE_PERMS, managed: false, mentionable: false, flags: 0 },
      {
        id: BOT_ROLE_ID,
        name: 'azlinux-bot',
        color: 0,
        hoist: false,
        position: 1,
        permissions: EVERYONE_PERMS,
        managed: true,
        mentionable: true,
        flags: 0,
        tags: { bot_id: BOT_ID },
      },
      {
        id: TEAM_ROLE_ID,
        name: 'platform-team',
        color: 0,
        hoist: false,
        position: 2,
        permissions: EVERYONE_PERMS,
        managed: false,
        mentionable: true,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    members: [member(botUser), member(humanUser)],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: [
      {
        id: CHANNEL_ID,
        type: 0,
        guild_id: GUILD_ID,
        name: 'azure',
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    ],
    threads: [
      {
        id: THREAD_ID,
        type: 11,
        guild_id: GUILD_ID,
        parent_id: CHANNEL_ID,
        owner_id: USER_ID,
        name: 'distro questions',
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 1,
        member_count: 2,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now(), locked: false, create_timestamp: now() },
        flags: 0,
      },
    ],
  };
}

type OptionValue = string | boolean;

export interface CommandSpec {
  name: 'azlinux' | 'cpulevel';
  subcommand?: string;
  options?: Record<string, OptionValue>;
  /** autocomplete: the option being typed */
  focused?: string;
  channelId?: string;
  inThread?: boolean;
  user?: Record<string, unknown>;
  /** the command was installed to the user (user install) rather than to the server */
  userInstall?: boolean;
}

/** The DM channel between the user and the bot, and a group DM the bot is not a member of. */
export const DM_CHANNEL_ID = '1200000000000000800';
export const GROUP_DM_ID = '1200000000000000900';

function commandOptions(spec: CommandSpec) {
  const list = Object.entries(spec.options ?? {}).map(([name, value]) => ({
    name,
    type: typeof value === 'boolean' ? 5 : 3,
    value,
    ...(spec.focused === name ? { focused: true } : {}),
  }));
  return spec.subcommand ? [{ name: spec.subcommand, type: 1, options: list }] : list;
}

/** INTERACTION_CREATE payload: type 2 (application command) or, with `focused`, type 4 (autocomplete). */
export function interaction(spec: CommandSpec) {
  const inThread = spec.inThread ?? false;
  const channelId = spec.channelId ?? (inThread ? THREAD_ID : CHANNEL_ID);
  const user = spec.user ?? humanUser;
  return {
    id: nextId(),
    application_id: APP_ID,
    type: spec.focused ? 4 : 2,
    token: `itoken-${nextId()}`,
    version: 1,
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    channel_id: channelId,
    channel: inThread
      ? {
          id: channelId,
          type: 11,
          guild_id: GUILD_ID,
          parent_id: CHANNEL_ID,
          name: 'distro questions',
          flags: 0,
          thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now(), locked: false },
        }
      : {
          id: channelId,
          type: 0,
          guild_id: GUILD_ID,
          name: 'azure',
          flags: 0,
          position: 0,
          permission_overwrites: [],
          parent_id: null,
          nsfw: false,
          topic: null,
          last_message_id: null,
          rate_limit_per_user: 0,
        },
    member: { ...member(user), permissions: '2251799813685247' },
    data: { id: COMMAND_IDS[spec.name], name: spec.name, type: 1, options: commandOptions(spec) },
    app_permissions: '2251799813685247',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: spec.userInstall ? { '1': String(user['id']) } : { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

/**
 * An interaction from outside any server: the DM with the bot (context 1) or a group DM (context 2).
 * As Discord sends them: no guild_id, no member but `user`, the channel partial, and the owner of the
 * install that made the command available (the user, for a user install).
 */
export function privateInteraction(spec: CommandSpec, context: 1 | 2) {
  const user = spec.user ?? humanUser;
  const channel =
    context === 1
      ? { id: DM_CHANNEL_ID, type: 1, flags: 0, last_message_id: null, recipients: [user] }
      : {
          id: GROUP_DM_ID,
          type: 3,
          flags: 0,
          name: 'platform folks',
          last_message_id: null,
          recipients: [user, otherBot],
          owner_id: String(user['id']),
          icon: null,
        };
  return {
    id: nextId(),
    application_id: APP_ID,
    type: spec.focused ? 4 : 2,
    token: `itoken-${nextId()}`,
    version: 1,
    channel_id: channel.id,
    channel,
    user,
    data: { id: COMMAND_IDS[spec.name], name: spec.name, type: 1, options: commandOptions(spec) },
    // in a group DM the app's permissions are those of a user install: send messages, embed links
    app_permissions: context === 1 ? '2251799813685247' : '412317240320',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: spec.userInstall === false ? { '0': GUILD_ID } : { '1': String(user['id']) },
    context,
    attachment_size_limit: 10_485_760,
  };
}

/**
 * A button pressed on a message the bot sent in reply to an interaction (type 3, message component).
 * `onMessage` is that message as Discord stores it (ephemeral: flags 64).
 */
export function buttonInteraction(spec: { customId: string; user?: Record<string, unknown>; ephemeral?: boolean; embeds?: unknown[] }) {
  const user = spec.user ?? humanUser;
  return {
    id: nextId(),
    application_id: APP_ID,
    type: 3,
    token: `itoken-${nextId()}`,
    version: 1,
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    channel_id: CHANNEL_ID,
    channel: {
      id: CHANNEL_ID,
      type: 0,
      guild_id: GUILD_ID,
      name: 'azure',
      flags: 0,
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    },
    member: { ...member(user), permissions: '2251799813685247' },
    data: { custom_id: spec.customId, component_type: 2 },
    message: {
      id: nextId(),
      channel_id: CHANNEL_ID,
      author: botUser,
      content: '',
      timestamp: now(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: spec.embeds ?? [],
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Share in channel', custom_id: spec.customId }] }],
      pinned: false,
      type: 20,
      flags: spec.ephemeral === false ? 0 : 64,
      webhook_id: APP_ID,
      application_id: APP_ID,
    },
    app_permissions: '2251799813685247',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

export interface MessageSpec {
  content: string;
  author?: Record<string, unknown>;
  channelId?: string;
  /** users mentioned (Discord fills `mentions` for <@id> in the content) */
  mentions?: Record<string, unknown>[];
  /** id of the message this one replies to */
  replyTo?: string;
  inThread?: boolean;
  /** role ids mentioned in the content (<@&id>) */
  mentionRoles?: string[];
}

/** MESSAGE_CREATE payload as a bot without the MessageContent intent receives it when mentioned. */
export function message(spec: MessageSpec) {
  const inThread = spec.inThread ?? false;
  const channelId = spec.channelId ?? (inThread ? THREAD_ID : CHANNEL_ID);
  const author = spec.author ?? humanUser;
  return {
    id: nextId(),
    channel_id: channelId,
    channel_type: inThread ? 11 : 0,
    guild_id: GUILD_ID,
    author,
    member: { roles: [], joined_at: now(), deaf: false, mute: false, flags: 0 },
    content: spec.content,
    timestamp: now(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (spec.mentions ?? []).map((u) => ({ ...u, member: { roles: [], joined_at: now(), deaf: false, mute: false, flags: 0 } })),
    mention_roles: spec.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: spec.replyTo ? 19 : 0,
    flags: 0,
    nonce: nextId(),
    ...(spec.replyTo ? { message_reference: { type: 0, message_id: spec.replyTo, channel_id: channelId, guild_id: GUILD_ID } } : {}),
  };
}

export class FakeDiscord {
  readonly rest: FakeDiscordRest;
  readonly gateway: FakeGateway;
  apiUrl = '';

  constructor(options: { heartbeatIntervalMs?: number; shards?: number } = {}) {
    this.gateway = new FakeGateway({
      botUser,
      applicationId: APP_ID,
      guilds: () => [guildCreate()],
      ...(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
    });
    this.rest = new FakeDiscordRest({
      botUser,
      applicationId: APP_ID,
      gatewayUrl: () => this.gateway.url,
      ...(options.shards ? { shards: options.shards } : {}),
    });
  }

  async start(): Promise<this> {
    await this.gateway.start();
    this.apiUrl = await this.rest.start();
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.gateway.stop(), this.rest.stop()]);
  }
}
