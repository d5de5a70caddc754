// The one port: ask(text, context?) -> Answer. Slash commands and plain words go through the same
// entity finder; the command word, when present, only fixes what is being asked.
import type { Answer, ConversationContext } from './answer.js';
import type { Catalog } from './catalog.js';
import { helpAnswer } from './answers/meta.js';
import { azlinuxCommand, cpulevelCommand } from './commands.js';
import { flagsLineOf, pastedLevelAnswer } from './pasted.js';
import { plainWords } from './plain-words.js';
import { findEntities } from './entities.js';
import { vmTargets } from './targets.js';
import { LEVELS } from './levels.js';
import type { CpuFamilyMatch } from './cpu-family.js';
import type { LevelName } from '../data/schema.js';
import { renderText } from './render-text.js';
import { nearestWord } from './fuzzy.js';
import { cleanInput, echo, MAX_INPUT } from './text.js';
import { isShareable } from './policy.js';

const COMMANDS = ['azlinux', 'cpulevel'];

/** The answer echoes the input as `query`, cut to this many characters. */
export const QUERY_ECHO_LIMIT = 2000;

export function askWith(catalog: Catalog, rawText: string, context: ConversationContext = {}): Answer {
  const raw = typeof rawText === 'string' ? rawText : String(rawText ?? '');
  let text = cleanQuestion(raw);
  const publicWord = /(^|\s)public[.!]?$/i.test(text);
  if (publicWord) text = text.replace(/(^|\s)public[.!]?$/i, '').trim();
  const query = raw.length <= QUERY_ECHO_LIMIT ? raw : `${raw.slice(0, QUERY_ECHO_LIMIT - 1)}…`;
  const answer = route(catalog, query, text, context);
  answer.visibility = publicWord && isShareable(answer) ? 'public' : 'private';
  answer.text = renderText(answer);
  return answer;
}

/** Printable ASCII only: nothing for cleanInput to normalise or blank. */
const PRINTABLE = /^[\x20-\x7e]*$/;

/** cleanInput(raw), without its Unicode work for a question typed in printable ASCII (most are). */
export function cleanQuestion(raw: string): string {
  return raw.length <= MAX_INPUT && PRINTABLE.test(raw) ? raw.trim() : cleanInput(raw);
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

/** What a virtual CPU type does, said once: where a guest sees less than its host. */
const HIDDEN_BY =
  'A virtual CPU type commonly hides features from the guest: QEMU/KVM’s generic models (kvm64, qemu64), VirtualBox and Hyper-V’s processor compatibility mode show an older CPU than the host; give the guest the host’s CPU model (`-cpu host`, libvirt `host-passthrough`).';

/** A paste that shows less than the machine has: the processor's model is above what the flags make ("Model name:
 * Xeon Gold 6146" with a QEMU guest's flags), or a refusal names a level the pasted `ld.so --help` or flags have
 * (the host's output beside the guest's error). Either way something between the CPU and the software hides it. */
function hiddenFeatures(answer: Answer & { kind: 'flags' }, text: string, e: ReturnType<typeof findEntities>, cpu: CpuFamilyMatch | undefined): string {
  const level = answer.level;
  if (!level) return '';
  const rank = (l: LevelName) => LEVELS.indexOf(l);
  const refused = e.mentions.errors.find((x) => x.level && rank(x.level) <= rank(level));
  if (refused?.level)
    return `Yet the error says the CPU lacks ${refused.level}: the program that failed sees a different CPU than this output shows — a VM, a sandbox or an emulator between them. ${HIDDEN_BY}`;
  const azure = e.cpus.find((c) => c.model.arch === 'x64' && c.level);
  const model = cpu?.family.level
    ? { name: `${cpu.model} (${cpu.family.rule.codename})`, level: cpu.family.level }
    : azure
      ? { name: `${azure.model.model} (${azure.model.codename})`, level: azure.level! }
      : null;
  if (!model || rank(model.level) <= rank(level)) return '';
  const vm = /\bhypervisor\b/.test(text);
  return `${model.name} is ${model.level}, but these flags make only ${level}: ${vm ? 'this is a virtual machine (the hypervisor flag), and its virtual CPU type hides' : 'something hides'} ${answer.missingForNext.join(', ')}. ${HIDDEN_BY}`;
}

/** A paste that also names its Azure size ("Flavor: Standard D2s v3 … flags: …"): what the size
 * guarantees beside what this one machine showed (a VM can land on a better or a worse host). */
function withNamedMachine(catalog: Catalog, answer: Answer, text: string): Answer {
  if (answer.kind !== 'flags' || text.length > 20_000) return answer;
  const line = flagsLineOf(text);
  const e = findEntities(catalog, line ? `${text.slice(0, line.start)} ${text.slice(line.end)}` : text);
  // a shortened list beside a model name (inxi): the model's family decides, and what the level above needs
  const cpu = e.mentions.familyCpus.find((m) => m.family.rule.kind === 'processor' && m.family.level);
  if (cpu && answer.level === null) {
    const next = LEVELS[LEVELS.indexOf(cpu.family.level!) + 1];
    const lacks = next && cpu.family.missingForNext.length ? ` A build for ${next} needs ${cpu.family.missingForNext.join(', ')}, which it lacks.` : '';
    return {
      ...answer,
      summary: `${cpu.model} (${cpu.family.rule.codename}) is ${cpu.family.level}, by its model number.${lacks} ${answer.summary}`,
      sources: [...answer.sources, ...cpu.family.rule.sources.slice(0, 1)],
    };
  }
  const seen = hiddenFeatures(answer, text, e, cpu);
  const out = releaseOrMachine(answer, e);
  return seen ? { ...out, summary: `${out.summary} ${seen}` } : out;
}

/** The release moved to, or the Azure size named, against what the paste shows. */
function releaseOrMachine(answer: Answer & { kind: 'flags' }, e: ReturnType<typeof findEntities>): Answer {
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
