// Autocomplete: the focused option -> the core's ranked completions -> at most 25 Discord choices.
// Discord allows 3 s and no deferral, so completions come from memory, synchronously.
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Choice, CompleteField } from '../../core/index.js';
import type { CompleteFn } from '../../ports/index.js';
import { AZLINUX, OPT, SUB } from './commands.js';
import { AUTOCOMPLETE_LIMITS } from './limits.js';
import { truncate } from './text.js';

export type { CompleteFn };

/** `/azlinux upstream` asks about Azure Linux releases: the command name itself says which distro. */
export const UPSTREAM_DISTRO = 'azure-linux';

export interface FocusedInput {
  command: string;
  subcommand: string | null;
  /** the option being typed */
  focused: string;
  partial: string;
  /** other string options already filled in (e.g. distro while typing release) */
  options: Readonly<Record<string, string | undefined>>;
}

const FIELD_OF: Record<string, CompleteField | undefined> = {
  [OPT.size]: 'size',
  [OPT.distro]: 'distro',
  [OPT.release]: 'release',
  [OPT.cpu]: 'cpu',
  [OPT.level]: 'level',
};

/** Choices for the focused option: ranked, de-duplicated, ≤ 25, names and values ≤ 100 characters. */
export function autocompleteChoices(complete: CompleteFn, input: FocusedInput): APIApplicationCommandOptionChoice<string>[] {
  const field = FIELD_OF[input.focused];
  if (!field) return [];
  const opts: { distro?: string; limit: number } = { limit: AUTOCOMPLETE_LIMITS.choices };
  if (field === 'release') {
    const distro = input.command === AZLINUX && input.subcommand === SUB.upstream ? UPSTREAM_DISTRO : input.options[OPT.distro]?.trim();
    if (distro) opts.distro = distro;
  }
  let ranked: Choice[];
  try {
    ranked = complete(field, input.partial.trim().slice(0, 100), opts);
  } catch {
    return [];
  }
  return toChoices(ranked);
}

export function toChoices(ranked: Choice[]): APIApplicationCommandOptionChoice<string>[] {
  const seen = new Set<string>();
  const out: APIApplicationCommandOptionChoice<string>[] = [];
  for (const c of ranked) {
    const value = c.value.trim();
    // a value cannot be shortened without changing what it means, so an over-long one is skipped
    if (!value || value.length > AUTOCOMPLETE_LIMITS.choiceValue || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: truncate(c.name.trim() || value, AUTOCOMPLETE_LIMITS.choiceName), value });
    if (out.length === AUTOCOMPLETE_LIMITS.choices) break;
  }
  return out;
}
