// Typed slash-command options -> the one text grammar every surface speaks
// ("/cpulevel Standard_D4s_v5", "/azlinux compat Standard_D2s_v3 rhel 10"). Pure, so it is tested alone.
import { AZLINUX, CPULEVEL, OPT, SUB } from './commands.js';

/** What an interaction carried, independent of discord.js. */
export interface CommandInput {
  command: string;
  subcommand: string | null;
  /** string and boolean option values by name; absent options are undefined */
  options: Readonly<Record<string, string | boolean | undefined>>;
}

export type GrammarResult =
  | { ok: true; text: string /** the asker chose to share the answer in the channel */; public: boolean }
  | { ok: false; message: string };

/** Trim, collapse whitespace (slash options are single-line anyway) and drop empties. */
function arg(value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  return v === '' ? undefined : v;
}

function words(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined).join(' ');
}

/**
 * "distro release" for the grammar. Autocompleted releases already name their distro ("rhel 10"), so a
 * release that starts with the chosen distro stands alone instead of repeating it.
 */
function distroRelease(distro: string | undefined, release: string | undefined): (string | undefined)[] {
  if (distro && release?.toLowerCase().startsWith(`${distro.toLowerCase()} `)) return [release];
  return [distro, release];
}

/** A bare version ("10", "24.04") says nothing about which distribution it belongs to. */
const isBareVersion = (release: string) => /^[\d.]+$/.test(release);

export function toQuestionText(input: CommandInput): GrammarResult {
  const o = input.options;
  const shared = o[OPT.public] === true;
  if (input.command === AZLINUX) {
    const sub = input.subcommand ?? SUB.help;
    switch (sub) {
      case SUB.upstream:
        return { ok: true, public: shared, text: words('/azlinux upstream', arg(o[OPT.release])) };
      case SUB.releases:
        return { ok: true, public: shared, text: words('/azlinux releases', arg(o[OPT.distro])) };
      case SUB.lineage: {
        const distro = arg(o[OPT.distro]);
        if (!distro) return { ok: false, message: 'Tell me which distribution: `/azlinux lineage distro:rhel`.' };
        return { ok: true, public: shared, text: words('/azlinux lineage', ...distroRelease(distro, arg(o[OPT.release]))) };
      }
      case SUB.compat: {
        const size = arg(o[OPT.size]);
        if (!size) return { ok: false, message: 'Tell me which VM size: `/azlinux compat size:Standard_D2s_v3`.' };
        const distro = arg(o[OPT.distro]);
        const release = arg(o[OPT.release]);
        // the grammar is positional: a bare version needs its distro in front of it
        if (release && !distro && isBareVersion(release)) {
          return { ok: false, message: 'A release needs its distribution: add `distro:` (e.g. `distro:rhel release:10`).' };
        }
        return { ok: true, public: shared, text: words('/azlinux compat', size, ...distroRelease(distro, release)) };
      }
      case SUB.about:
        return { ok: true, public: shared, text: '/azlinux about' };
      case SUB.help:
        return { ok: true, public: false, text: '/azlinux help' };
      default:
        return { ok: false, message: `Unknown subcommand \`${sub}\`. Try \`/azlinux help\`.` };
    }
  }
  if (input.command === CPULEVEL) {
    const given = [
      ['size', arg(o[OPT.size])],
      ['cpu', arg(o[OPT.cpu])],
      ['level', arg(o[OPT.level])],
      ['flags', arg(o[OPT.flags])],
    ].filter((pair): pair is [string, string] => pair[1] !== undefined);
    if (given.length === 0) return { ok: true, public: false, text: '/cpulevel help' };
    if (given.length > 1) {
      return {
        ok: false,
        message: `Give one of \`size\`, \`cpu\`, \`level\` or \`flags\`, not ${given.map(([k]) => `\`${k}\``).join(' and ')}.`,
      };
    }
    const [kind, value] = given[0]!;
    return { ok: true, public: shared, text: kind === 'flags' ? `/cpulevel flags ${value}` : `/cpulevel ${value}` };
  }
  return { ok: false, message: `Unknown command \`/${input.command}\`.` };
}
