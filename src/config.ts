// Configuration: read once from the environment, validated by the rules below, refused at start with a message
// that names the variable and says how to fix it. Values are never logged; see describeConfig().
import { CodedError } from './ports/errors.js';
import { parseIsoDay } from './core/clock.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** set: Socket Mode; unset: HTTP mode at POST /slack/events */
  appToken?: string;
  apiUrl?: string;
}

export interface DiscordConfig {
  token: string;
  apiUrl?: string;
}

export interface Config {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** LOG_LEVEL was set (the console then logs at that level instead of warnings only) */
  logLevelFromEnv: boolean;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  redis?: { url: string; tlsVerify: boolean };
  cooldown: { max: number; windowSeconds: number };
  /** auto: the console runs when no platform is configured and stdin is a terminal or a pipe */
  console: 'auto' | 'off';
  /** take the client address for the HTTP API's cooldown from the last X-Forwarded-For entry */
  trustProxy: boolean;
  /** GET /metrics wants `Authorization: Bearer <this>` when set */
  metricsToken?: string;
  /** AZLINUX_TODAY: the date release statuses are judged against, fixed for this run (else the real date) */
  today?: string;
}

/** A configuration problem the operator can fix; `message` is one line, safe to print (no values). */
export class ConfigError extends CodedError<'config'> {
  override readonly name = 'ConfigError';
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'config',
      problems.length === 1
        ? `Configuration error: ${problems[0]!.message}`
        : `Configuration errors (${problems.length}): ${problems.map((p) => p.message).join(' | ')}`,
    );
  }
}

/** One variable's rule: its value, or the messages saying what is wrong with it (each names the variable). */
type Rule<T> = (value: string) => { value: T } | { problems: string[] };
const ok = <T>(value: T) => ({ value });
const refused = (...problems: string[]) => ({ problems });

/** Every check runs and every failure is reported (as zod's refinements did), in order. */
const checks =
  (...list: [test: (s: string) => boolean, message: string][]): Rule<string> =>
  (s) => {
    const problems = list.filter(([test]) => !test(s)).map(([, message]) => message);
    return problems.length > 0 ? refused(...problems) : ok(s);
  };

const noSpace = (what: string): [(s: string) => boolean, string] => [
  (s) => !/\s/.test(s),
  `${what} contains whitespace; paste it again without spaces or newlines`,
];

const httpUrl = (name: string): Rule<string> =>
  checks([(s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), `${name} must be an http(s) URL, e.g. https://slack.com/api/`]);

const intIn =
  (name: string, min: number, max: number, example: string): Rule<number> =>
  (s) => {
    const n = Number(s);
    return /^\d+$/.test(s) && n >= min && n <= max ? ok(n) : refused(`${name} must be a whole number from ${min} to ${max}, e.g. ${name}=${example}`);
  };

const oneOf =
  <const T extends string>(values: readonly T[], message: string): Rule<T> =>
  (s) =>
    (values as readonly string[]).includes(s) ? ok(s as T) : refused(message);

const bool =
  (name: string): Rule<boolean> =>
  (s) => {
    const lower = s.toLowerCase();
    return ['true', 'false', '1', '0', 'yes', 'no'].includes(lower)
      ? ok(lower === 'true' || lower === '1' || lower === 'yes')
      : refused(`${name} must be true or false`);
  };

const FROM_PORTAL = 'copy it from the Developer Portal (your application > Bot > Reset Token)';

/** What is wrong with a DISCORD_TOKEN, said so that the fix is obvious; undefined when it looks right. */
export function discordTokenProblem(token: string): string | undefined {
  if (/^Bot\s/i.test(token)) return `DISCORD_TOKEN must be the bare bot token, without the "Bot " prefix; ${FROM_PORTAL}`;
  if (/\s/.test(token)) return 'DISCORD_TOKEN contains whitespace; paste it again without spaces or newlines';
  if (/^\d{17,20}$/.test(token)) return `DISCORD_TOKEN looks like an Application ID (only digits), not the bot token; ${FROM_PORTAL}`;
  if (/^[0-9a-f]{64}$/i.test(token)) return `DISCORD_TOKEN looks like the application's Public Key, not the bot token; ${FROM_PORTAL}`;
  if (token.length < 10)
    return `DISCORD_TOKEN is too short to be a bot token (${token.length} characters; a real one is about 70, in three parts separated by dots); ${FROM_PORTAL}`;
  return undefined;
}
const TODAY_MESSAGE =
  'AZLINUX_TODAY must be a calendar date written YYYY-MM-DD, e.g. AZLINUX_TODAY=2027-01-15 (unset it to judge dates against the real today)';
const todayDate: Rule<string> = (s) => {
  const day = parseIsoDay(s);
  return day === null ? refused(TODAY_MESSAGE) : ok(day);
};

/** The variables this service reads, each with its rule and default. Each one's messages name it; none
 * echoes a value. Hand-written rather than zod: importing zod was a tenth of a cold start. */
const ENV = {
  PORT: { rule: intIn('PORT', 0, 65535, '3000'), default: 3000 },
  HOST: { rule: checks([(s) => /^[0-9A-Za-z.:-]+$/.test(s), 'HOST must be an interface address such as 0.0.0.0 or 127.0.0.1']), default: '0.0.0.0' },
  LOG_LEVEL: { rule: oneOf(LOG_LEVELS, `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (default info)`), default: 'info' as LogLevel },
  SLACK_BOT_TOKEN: {
    rule: checks(noSpace('SLACK_BOT_TOKEN'), [
      (s) => /^(xoxe\.)?xoxb-/.test(s),
      'SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions > Bot User OAuth Token); xoxp- user tokens and xapp- app tokens do not go here',
    ]),
  },
  SLACK_SIGNING_SECRET: { rule: checks(noSpace('SLACK_SIGNING_SECRET')) },
  SLACK_APP_TOKEN: {
    rule: checks(noSpace('SLACK_APP_TOKEN'), [
      (s) => s.startsWith('xapp-'),
      'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information > App-Level Tokens, scope connections:write)',
    ]),
  },
  SLACK_API_URL: { rule: httpUrl('SLACK_API_URL') },
  DISCORD_TOKEN: {
    rule: ((s) => {
      const problem = discordTokenProblem(s);
      return problem ? refused(problem) : ok(s);
    }) as Rule<string>,
  },
  DISCORD_API_URL: { rule: httpUrl('DISCORD_API_URL') },
  DISCORD_GATEWAY: {
    rule: oneOf(
      ['auto', 'off'],
      'DISCORD_GATEWAY must be auto (default: connect when DISCORD_TOKEN is set) or off (this process runs no Discord client, e.g. the web process beside a shard manager)',
    ),
    default: 'auto' as 'auto' | 'off',
  },
  REDIS_URL: {
    rule: checks([
      (s) => URL.canParse(s) && /^rediss?:$/.test(new URL(s).protocol) && new URL(s).hostname !== '',
      'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (unset it to keep state in memory)',
    ]),
  },
  REDIS_TLS_VERIFY: { rule: bool('REDIS_TLS_VERIFY'), default: true },
  COOLDOWN_MAX: { rule: intIn('COOLDOWN_MAX', 0, 100_000, '10'), default: 10 },
  COOLDOWN_WINDOW_SECONDS: { rule: intIn('COOLDOWN_WINDOW_SECONDS', 1, 86_400, '60'), default: 60 },
  CONSOLE: { rule: oneOf(['auto', 'off'], 'CONSOLE must be auto (default) or off'), default: 'auto' as 'auto' | 'off' },
  TRUST_PROXY: { rule: bool('TRUST_PROXY'), default: false },
  METRICS_TOKEN: {
    rule: checks(noSpace('METRICS_TOKEN'), [
      (s) => s.length >= 16,
      'METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 16), or unset it to leave /metrics open',
    ]),
  },
  AZLINUX_TODAY: { rule: todayDate },
} satisfies Record<string, { rule: Rule<unknown>; default?: unknown }>;

type EnvSpec = typeof ENV;
/** The parsed variables: a defaulted one always has a value, the others may be unset. */
type Parsed = {
  [K in keyof EnvSpec]: EnvSpec[K] extends { rule: Rule<infer T>; default: unknown } ? T : EnvSpec[K] extends { rule: Rule<infer T> } ? T | undefined : never;
};

/** Every variable the service reads (.env.example lists them all; a test holds it to that). */
export const ENV_VARIABLES: readonly string[] = Object.keys(ENV);

type Env = Record<string, string | undefined>;

/** Parse the environment once. Empty values count as unset. Throws ConfigError. */
export function loadConfig(env: Env): Config {
  const input: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const invalid: { variable: string; message: string }[] = [];
  for (const [variable, spec] of Object.entries(ENV) as [string, { rule: Rule<unknown>; default?: unknown }][]) {
    const value = env[variable];
    if (value === undefined || value.trim() === '') {
      values[variable] = spec.default;
      continue;
    }
    input[variable] = value.trim();
    const checked = spec.rule(value.trim());
    if ('value' in checked) values[variable] = checked.value;
    else for (const message of checked.problems) invalid.push({ variable, message: message.includes(variable) ? message : `${variable}: ${message}` });
  }
  if (invalid.length > 0) throw new ConfigError(invalid);
  const e = values as Parsed;
  const problems: { variable: string; message: string }[] = [];
  const need = (variable: string, message: string) => problems.push({ variable, message });

  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET)
    need(
      'SLACK_SIGNING_SECRET',
      'SLACK_SIGNING_SECRET is missing: SLACK_BOT_TOKEN is set, so Slack also needs the signing secret (Basic Information > App Credentials), or unset SLACK_BOT_TOKEN',
    );
  if (!e.SLACK_BOT_TOKEN) {
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const)
      if (e[name]) need(name, `${name} is set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN (xoxb-...) too, or unset ${name}`);
  }
  if (e.DISCORD_API_URL && !e.DISCORD_TOKEN)
    need('DISCORD_API_URL', 'DISCORD_API_URL is set but DISCORD_TOKEN is not: set DISCORD_TOKEN too, or unset DISCORD_API_URL');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logLevelFromEnv: input.LOG_LEVEL !== undefined,
    ...(e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
          },
        }
      : {}),
    ...(e.DISCORD_TOKEN && e.DISCORD_GATEWAY === 'auto'
      ? { discord: { token: e.DISCORD_TOKEN, ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}) } }
      : {}),
    ...(e.REDIS_URL ? { redis: { url: e.REDIS_URL, tlsVerify: e.REDIS_TLS_VERIFY } } : {}),
    cooldown: { max: e.COOLDOWN_MAX, windowSeconds: e.COOLDOWN_WINDOW_SECONDS },
    console: e.CONSOLE,
    trustProxy: e.TRUST_PROXY,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    ...(e.AZLINUX_TODAY ? { today: e.AZLINUX_TODAY } : {}),
  };
}

/** AZLINUX_TODAY alone, for tools that read no other variable (npm run ask). Throws ConfigError. */
export function loadToday(env: Env): string | undefined {
  const value = env.AZLINUX_TODAY?.trim();
  if (!value) return undefined;
  const day = parseIsoDay(value);
  if (!day) throw new ConfigError([{ variable: 'AZLINUX_TODAY', message: TODAY_MESSAGE }]);
  return day;
}

/** What is configured, without a single value: safe to log at start-up. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    port: config.port,
    slack: config.slack ? (config.slack.appToken ? 'socket-mode' : 'http') : 'off',
    slackApiOverride: Boolean(config.slack?.apiUrl),
    discord: config.discord ? 'gateway' : 'off',
    discordApiOverride: Boolean(config.discord?.apiUrl),
    store: config.redis ? 'redis' : 'memory',
    cooldown: config.cooldown,
    logLevel: config.logLevel,
    metrics: config.metricsToken ? 'token' : 'open',
    ...(config.today ? { today: config.today } : {}),
  };
}
