// The one port: ask(text, context?) -> Answer. Slash commands and plain words go through the same
// entity finder; the command word, when present, only fixes what is being asked.
import type { Answer, ConversationContext } from './answer.js';
import type { Catalog } from './catalog.js';
import { helpAnswer } from './answers/meta.js';
import { azlinuxCommand, cpulevelCommand } from './commands.js';
import { pastedLevelAnswer } from './pasted.js';
import { plainWords } from './plain-words.js';
import { findEntities } from './entities.js';
import { vmTargets } from './targets.js';
import { LEVELS } from './levels.js';
import { renderText } from './render-text.js';
import { nearestWord } from './fuzzy.js';
import { cleanInput, echo } from './text.js';
import { isShareable } from './policy.js';

const COMMANDS = ['azlinux', 'cpulevel'];

/** The answer echoes the input as `query`, cut to this many characters. */
export const QUERY_ECHO_LIMIT = 2000;

export function askWith(catalog: Catalog, rawText: string, context: ConversationContext = {}): Answer {
  const raw = typeof rawText === 'string' ? rawText : String(rawText ?? '');
  let text = cleanInput(raw);
  const publicWord = /(^|\s)public[.!]?$/i.test(text);
  if (publicWord) text = text.replace(/(^|\s)public[.!]?$/i, '').trim();
  const query = raw.length <= QUERY_ECHO_LIMIT ? raw : `${raw.slice(0, QUERY_ECHO_LIMIT - 1)}…`;
  const answer = route(catalog, query, text, context);
  answer.visibility = publicWord && isShareable(answer) ? 'public' : 'private';
  answer.text = renderText(answer);
  return answer;
}

function route(catalog: Catalog, query: string, text: string, context: ConversationContext): Answer {
  const command = /^\/?(azlinux|cpulevel)\b\s*(.*)$/is.exec(text);
  if (command) {
    const [, name, rest] = command;
    return name!.toLowerCase() === 'azlinux' ? azlinuxCommand(catalog, query, rest!.trim()) : cpulevelCommand(catalog, query, rest!.trim());
  }
  // "/usr/lib/…: version `GLIBC_2.28' not found" is a pasted path, not a command
  if (/^\/[A-Za-z][\w-]{0,30}(\s|$)/.test(text)) {
    const [word = '', ...rest] = text.split(/\s+/);
    const meant = nearestWord(word.slice(1), COMMANDS);
    const suggestion = meant ? [`/${meant}${rest.length ? ` ${rest.join(' ')}` : ''}`] : [];
    const a = helpAnswer(
      query,
      undefined,
      `Unknown command \`${echo(word)}\`.${meant ? ` Did you mean \`${echo(suggestion[0]!)}\`?` : ''} The commands are /azlinux and /cpulevel.`,
    );
    a.suggestions = suggestion.map(echo);
    return a;
  }
  const pasted = pastedLevelAnswer(catalog, query, text);
  if (pasted) return withNamedMachine(catalog, pasted, text);
  return plainWords(catalog, query, text, context);
}

/** A paste that also names its Azure size ("Flavor: Standard D2s v3 … flags: …"): what the size
 * guarantees beside what this one machine showed (a VM can land on a better or a worse host). */
function withNamedMachine(catalog: Catalog, answer: Answer, text: string): Answer {
  if (answer.kind !== 'flags' || text.length > 20_000) return answer;
  const e = findEntities(catalog, text.replace(/(?:^|\n)\s*flags\s*:[^\n]*/gi, ' '));
  // a shortened list beside a model name (inxi): the model's family decides
  const cpu = e.mentions.familyCpus.find((m) => m.family.rule.kind === 'processor' && m.family.level);
  if (cpu && answer.level === null) {
    return {
      ...answer,
      summary: `${cpu.model} (${cpu.family.rule.codename}) is ${cpu.family.level}, by its model number. ${answer.summary}`,
      sources: [...answer.sources, ...cpu.family.rule.sources.slice(0, 1)],
    };
  }
  const machine = vmTargets(e)[0];
  const rel = e.releases[e.releases.length - 1]; // "from AlmaLinux 8 to AlmaLinux 9": the one moved to
  if (!machine && rel && answer.level) {
    // "upgrading to AlmaLinux 9 … flags: …": the release's need against what these flags make
    const need = rel.release.azureImageBaseline ?? rel.release.x86_64Baseline;
    const name = `${rel.distro.name} ${rel.release.version}`;
    if (!need) return answer;
    const fits = LEVELS.indexOf(answer.level) >= LEVELS.indexOf(need);
    return {
      ...answer,
      summary: `${fits ? 'Yes' : 'No'} — ${name} needs ${need}. ${answer.summary}`,
      sources: [...answer.sources, ...rel.release.sources.slice(0, 1)],
    };
  }
  if (!machine) return answer;
  const s = machine.series;
  const line =
    s.record.arch === 'Arm64'
      ? `${machine.label} is Arm64.`
      : s.guaranteed
        ? `${machine.label} guarantees ${s.guaranteed}${s.best !== s.guaranteed ? ` and may reach ${s.best}` : ''}: another VM of this size can land on a different processor.`
        : `The docs name no processor for ${machine.label}.`;
  return {
    ...answer,
    summary: `${answer.summary} ${line}`,
    context: { ...answer.context, series: s.record.series, ...(machine.size ? { size: machine.size } : {}) },
  };
}
