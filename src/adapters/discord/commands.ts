// Slash command definitions, exactly as PUT to Discord. Typed options mirror the text grammar the core
// reads ("/azlinux <sub> <args>", "/cpulevel <size|cpu model|x86-64-vN|flags ...>"), see grammar.ts.
import { LEVEL_NAMES } from '../../data/level-names.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const AZLINUX = 'azlinux';
export const CPULEVEL = 'cpulevel';

/** Option names, shared by the definitions, the grammar and autocomplete. */
export const OPT = {
  release: 'release',
  distro: 'distro',
  size: 'size',
  cpu: 'cpu',
  level: 'level',
  flags: 'flags',
  public: 'public',
} as const;

export const SUB = {
  upstream: 'upstream',
  releases: 'releases',
  lineage: 'lineage',
  compat: 'compat',
  about: 'about',
  help: 'help',
} as const;

const LEVELS = LEVEL_NAMES;

const publicOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: OPT.public,
  description: 'Post the answer in the channel for everyone (default: only you see it)',
  required: false,
};

function text(
  name: string,
  description: string,
  opts: { required?: boolean; autocomplete?: boolean; max_length?: number } = {},
): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required: opts.required ?? false,
    ...(opts.autocomplete ? { autocomplete: true } : {}),
    ...(opts.max_length ? { max_length: opts.max_length } : {}),
  };
}

function sub(name: string, description: string, options: APIApplicationCommandBasicOption[]): APIApplicationCommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, name, description, options };
}

const size = (required: boolean) => text(OPT.size, 'Azure VM size, e.g. Standard_D4s_v5 or "d4s v5"', { required, autocomplete: true, max_length: 100 });
const distro = (required: boolean) =>
  text(OPT.distro, 'Distribution, e.g. rhel, ubuntu, azure-linux, rocky', { required, autocomplete: true, max_length: 100 });
const release = text(OPT.release, 'Release, e.g. 10, 24.04, 4.0', { autocomplete: true, max_length: 100 });

/**
 * Installed to a server or to a user (a user install lets its owner use the commands in any server,
 * even one that has not added the bot, and in group DMs), usable in servers, in DMs with the bot and in
 * group DMs / DMs between users.
 */
export const REACH = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};
const reach = REACH;

export const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    type: ApplicationCommandType.ChatInput,
    name: AZLINUX,
    description: 'Where Linux distributions come from, and whether they run on an Azure VM size',
    ...reach,
    options: [
      sub(SUB.upstream, 'What an Azure Linux release is built from', [release, publicOption]),
      sub(SUB.releases, 'Known releases of a distribution', [distro(false), publicOption]),
      sub(SUB.lineage, 'Upstream chain of a distribution release', [distro(true), release, publicOption]),
      sub(SUB.compat, 'Can this distribution release run on this VM size?', [size(true), distro(false), release, publicOption]),
      sub(SUB.about, 'The data snapshot date, counts, source dates and version', [publicOption]),
      sub(SUB.help, 'How to use /azlinux and /cpulevel', []),
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: CPULEVEL,
    description: 'x86-64 level (v1..v4) of a VM size, a CPU model, or a flags list; no option shows help',
    ...reach,
    options: [
      size(false),
      text(OPT.cpu, 'CPU model, e.g. "EPYC 7763" or "Xeon Platinum 8370C"', { autocomplete: true, max_length: 100 }),
      {
        type: ApplicationCommandOptionType.String,
        name: OPT.level,
        description: 'Which VM series guarantee this level',
        required: false,
        choices: LEVELS.map((l) => ({ name: l, value: l })),
      },
      text(OPT.flags, 'CPU flags: a /proc/cpuinfo "flags" line or a list like "avx2 bmi2 fma"', { max_length: 6000 }),
      publicOption,
    ],
  },
];
