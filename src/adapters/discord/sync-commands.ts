// Make Discord's registered commands equal to COMMANDS, touching nothing when they already are:
// GET what is registered, compare both sides normalised, PUT (a bulk overwrite) only on a difference.
import { REST, Routes, type RESTGetAPIApplicationCommandsResult, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { COMMANDS } from './commands.js';
import { restBase } from './rest-base.js';

export interface SyncOptions {
  token: string;
  applicationId: string;
  /** register to this guild only (changes show at once; for development) instead of globally */
  guildId?: string;
  apiUrl?: string;
  commands?: RESTPutAPIApplicationCommandsJSONBody;
}

export interface SyncResult {
  scope: 'global' | `guild ${string}`;
  action: 'unchanged' | 'updated';
  /** names of commands added, changed or removed by the PUT */
  changed: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Defaults Discord fills in when it echoes a command back; absent and default mean the same. */
const OPTION_DEFAULTS: Record<string, Json> = { required: false, autocomplete: false };
const COMMAND_DEFAULTS: Record<string, Json> = { type: 1, nsfw: false, default_member_permissions: null };
/** Fields only Discord sets (or deprecated ones): never part of the comparison. */
const SERVER_FIELDS = new Set(['id', 'application_id', 'guild_id', 'version', 'dm_permission', 'handler']);

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Canonical form of one command for comparison: server-only fields dropped, defaults made explicit,
 * null/empty localisations and empty option lists treated as absent, keys sorted.
 */
export function normalise(value: Json, defaults: Record<string, Json> = COMMAND_DEFAULTS): Json {
  if (Array.isArray(value)) return value.map((v) => normalise(v, defaults));
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  const merged: Record<string, Json> = { ...defaults, ...value };
  for (const key of Object.keys(merged).sort()) {
    if (SERVER_FIELDS.has(key)) continue;
    const v = merged[key];
    if (v === undefined) continue;
    if ((key === 'name_localizations' || key === 'description_localizations') && (v === null || (isObject(v) && Object.keys(v).length === 0))) continue;
    if (key === 'options' && Array.isArray(v) && v.length === 0) continue;
    if (key === 'options' && Array.isArray(v)) {
      out[key] = v.map((o) => normalise(o, isObject(o) && (o.type === 1 || o.type === 2) ? {} : OPTION_DEFAULTS));
      continue;
    }
    if (key === 'choices' && Array.isArray(v)) {
      out[key] = v.map((c) => normalise(c, {}));
      continue;
    }
    out[key] = normalise(v, {});
  }
  return out;
}

/** Compare only what we define: fields Discord adds that we never set (contexts echo, etc.) do not count. */
function project(remote: Json, local: Json): Json {
  if (Array.isArray(local) && Array.isArray(remote)) return remote.map((r, i) => project(r, local[i] ?? r));
  if (!isObject(local) || !isObject(remote)) return remote;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(remote)) {
    if (key in local) out[key] = project(remote[key]!, local[key]!);
  }
  return out;
}

/** Names whose definition differs (including commands present on only one side). */
export function diffCommands(local: readonly unknown[], remote: readonly unknown[]): string[] {
  const byName = (list: readonly unknown[]) => new Map(list.map((c) => [String((c as { name: string }).name), normalise(c as Json)] as const));
  const l = byName(local);
  const r = byName(remote);
  const changed: string[] = [];
  for (const name of new Set([...l.keys(), ...r.keys()])) {
    const a = l.get(name);
    const b = r.get(name);
    if (a === undefined || b === undefined || JSON.stringify(a) !== JSON.stringify(project(b, a))) changed.push(name);
  }
  return changed.sort();
}

/** Guild commands have no install contexts (Discord ignores them there), so they are not sent or compared. */
export function forScope(commands: RESTPutAPIApplicationCommandsJSONBody, guild: boolean): RESTPutAPIApplicationCommandsJSONBody {
  if (!guild) return commands;
  return commands.map(({ contexts: _c, integration_types: _i, ...rest }) => rest);
}

export async function syncCommands(options: SyncOptions): Promise<SyncResult> {
  const rest = new REST(options.apiUrl ? { api: restBase(options.apiUrl) } : {}).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const scope: SyncResult['scope'] = options.guildId ? `guild ${options.guildId}` : 'global';
  const local = forScope(options.commands ?? COMMANDS, Boolean(options.guildId));
  try {
    const remote = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
    const changed = diffCommands(local, remote);
    if (changed.length === 0) return { scope, action: 'unchanged', changed };
    await rest.put(route, { body: local });
    return { scope, action: 'updated', changed };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
