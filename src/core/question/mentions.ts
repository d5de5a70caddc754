// Things a question mentions that are not names in the catalog: x86 CPU models Azure does not list,
// hypervisor CPU models, other clouds' instance types and hardware, and pasted crash messages.
// Each is a row in a table (a pattern and what it means); the scanner blanks what it read, so a
// generation suffix (`Xeon E5-2680 v4`) or the level in an error message is never read again as a
// level keyword.
import type { LevelName } from '../../data/schema.js';
import type { Catalog } from '../catalog.js';
import { azureRecordFor } from '../answers/cpu-family.js';
import { identifyCpus, type CpuFamilyMatch } from '../cpu-family.js';
import { normaliseFlag } from '../levels.js';
import { keyOf, matchesOf } from '../text.js';
import { LiteralGate, mayMatch, type Candidates } from './literal-gate.js';
import { INTENT_PATTERNS } from '../intent.js';

/** An x86 processor typed by model number that the catalog does not hold. */
export interface ForeignCpu {
  /** as typed, tidied ("Xeon E5-2680 v4") */
  typed: string;
  vendor: 'Intel' | 'AMD';
}

export type ErrorKind = 'glibc-level' | 'illegal-instruction' | 'kernel-refuses' | 'runtime-refuses';

export interface PastedError {
  kind: ErrorKind;
  /** the level the message names, when it names one */
  level: LevelName | null;
  /** the message as recognised, for the answer's first line */
  typed: string;
  /** the one feature the message names ("AVX"), when it names a feature rather than a level */
  feature?: string;
}

export interface Mentions {
  /** processors and virtual CPU models a family rule recognises ("Xeon E5-2680 v4", "kvm64"), Azure's own aside */
  familyCpus: CpuFamilyMatch[];
  /** x86 model numbers no rule recognises */
  foreignCpus: ForeignCpu[];
  /** microarchitecture codenames Azure's list does not hold ("Sandy Bridge", "Zen 2"), with their level */
  codenames: Array<{ name: string; level: LevelName | null; node: string; missing: string[] }>;
  /** kvm64, qemu64, VirtualBox, Hyper-V compatibility mode ... */
  virtualCpus: string[];
  /** a hypervisor named without its CPU model ("proxmox", "qemu", "kvm") */
  hypervisors: string[];
  /** a topic outside what the bot covers, about something it does cover ("Windows", "nested virtualization") */
  offTopics: string[];
  /** another cloud's instance type or hardware the bot does not cover: "AWS m5.large", "Apple M2" */
  outOfScope: Array<{ what: string; typed: string }>;
  errors: PastedError[];
}

/** A pattern, what it names, and whether the catalog may know it (then it is left for the name finder). */
interface CpuRow {
  vendor: 'Intel' | 'AMD';
  re: RegExp;
}

// Model numbers by family. The `v\d` after a Xeon E3/E5/E7 number is its generation, never a level.
const CPU_ROWS: readonly CpuRow[] = [
  { vendor: 'Intel', re: /\b(?:intel\s+)?(?:xeon\s*)?(?:\(r\)\s*)?(?:cpu\s+)?e[357]\s*-\s*\d{4}[a-z]{0,2}(?:\s*v\d)?\b/gi },
  { vendor: 'Intel', re: /\b(?:intel\s+)?xeon\s+(?:\(r\)\s*)?(?:platinum|gold|silver|bronze|w|d|max)\s*-?\s*\d{3,4}[a-z+]{0,3}\b/gi },
  { vendor: 'Intel', re: /\b(?:intel\s+)?xeon\s+(?:[xlwe]\s?)?\d{4}[a-z]?\b/gi },
  { vendor: 'Intel', re: /\b(?:intel\s+)?(?:core\s*(?:\(tm\)\s*)?)?i[3579]\s*-\s*\d{3,5}[a-z]{0,3}\b/gi },
  { vendor: 'Intel', re: /\b(?:intel\s+)?core\s+(?:ultra\s+)?i?[3579]\s+\d{3,5}[a-z]{0,3}\b/gi },
  { vendor: 'Intel', re: /\b(?:intel\s+)?(?:pentium|celeron|atom)\s+(?:(?:gold|silver|dual[- ]core)\s+)?[a-z]?\d{3,5}[a-z]{0,2}\b/gi },
  { vendor: 'Intel', re: /\b(?:intel\s+)?core\s*(?:\(tm\)\s*)?2\s+(?:duo|quad|extreme)\s+[a-z]?\d{3,4}\b/gi },
  { vendor: 'Intel', re: /\bintel\s+(?:[gjnp]\d{4}[a-z]?|[a-z]\d{4}[a-z]?)\b/gi }, // "intel g5400", "Intel P8600"
  { vendor: 'AMD', re: /\b(?:amd\s+)?epyc\s+\d{4}[a-z]{0,2}\b/gi },
  { vendor: 'AMD', re: /\b(?:amd\s+)?ryzen\s+(?:threadripper\s+(?:pro\s+)?\d{4}[a-z]{0,3}|[3579]\s+(?:pro\s+)?\d{3,4}[a-z]{0,3})\b/gi },
  { vendor: 'AMD', re: /\b(?:amd\s+)?threadripper\s+(?:pro\s+)?\d{4}[a-z]{0,3}\b/gi },
  { vendor: 'AMD', re: /\b(?:amd\s+)?(?:fx|a\d{1,2})\s*-\s*\d{4}[a-z]?\b/gi },
  { vendor: 'AMD', re: /\b(?:amd\s+)?(?:opteron|phenom(?:\s+ii)?|athlon(?:\s+ii)?)\s+(?:x\d\s+)?\d{3,4}[a-z]{0,2}\b/gi },
];

/** Virtual CPU models and modes that hide host features from the guest. */
const VIRTUAL_CPU_ROWS: ReadonlyArray<readonly [string, RegExp]> = [
  ['kvm64', /\bkvm(?:32|64)\b/gi],
  ['qemu64', /\bqemu(?:32|64)\b|\bqemu virtual cpu\b/gi],
  ['VirtualBox', /\bvirtual\s?box\b|\bvbox\b/gi],
  [
    'Hyper-V processor compatibility mode',
    /\b(?:processor )?compatibility (?:mode|for migration)\b|\bprocessor compatibility\b|\bhyper-?v compat(?:ibility)?\b|\bprocessor feature mask\b/gi,
  ],
  ['x86-64 baseline CPU model', /\b(?:cpu model|cpu type|-cpu)\s+(?:x86-64-v[1-4]|host-model|max|base)\b/gi],
  ['VMware EVC mode', /\b(?:vmware\s+)?evc(?:\s+mode|\s+baseline)?\b|\benhanced vmotion compatibility\b/gi],
];

/** Hypervisors named without a CPU model: their default virtual CPU may be the cause. */
const HYPERVISOR_ROWS: ReadonlyArray<readonly [string, RegExp]> = [
  ['QEMU/KVM', /\b(?:qemu|kvm|libvirt|virt-manager|proxmox|pve)\b/gi],
  ['VMware', /\b(?:vmware|esxi|vsphere)\b/gi],
  ['Hyper-V', /\bhyper-?v\b/gi],
  ['Xen', /\b(?:xen(?:server)?|domu|xcp-ng|citrix hypervisor)\b/gi],
];

/** Topics about things the bot covers that it does not answer: "Are HB/HC supported on Windows?" */
const OFF_TOPIC_ROWS: ReadonlyArray<readonly [string, RegExp]> = [
  // Windows XP and older are 32-bit systems: declined as that below (OUT_OF_SCOPE_ROWS)
  ['Windows', /\bwindows(?!\s+(?:xp|2000|me|9[58])\b)(?:\s+server)?(?:\s+\d{2,4})?\b(?!\s+subsystem)/gi],
  ['nested virtualization', /\bnested[- ]virtuali[sz]ation\b/gi],
  [
    'CPU performance and burst credits',
    /\b(?:base(?:line)? cpu performance|cpu credits?|burst(?:able|ing)? credits?|benchmarks?|faster|slower|quicker|performs? better)\b/gi,
  ],
  ['prices and quotas', /\b(?:pric(?:e|es|ing|ier|iest)|costs?|quotas?|billing|cheap(?:er|est)?|(?:more |less |most |least )?expensive)\b/gi],
  ['networking and disks', /\b(?:accelerated networking|iops|throughput|premium (?:ssd|storage)|temp disk)\b/gi],
  ['constrained-vCPU listings', /\bconstrain(?:ed|t) vcpus?\b/gi],
  // a GPU's driver or runtime failing: "nvidia-smi says no devices", "CUDA not working", "the nvidia kernel module fails"
  [
    'GPUs and their drivers',
    /\b(?:(?:gpu|grid|nvidia|radeon|cuda)\s+drivers?|vgpu|gpu (?:memory|ram)|vram|nvidia-smi|nouveau|nvidia[^.?!\n]{0,20}\b(?:kernel )?modules?|(?:cuda|gpu)\b[^.?!\n]{0,30}\b(?:not (?:working|detected|found|available)|fail(?:s|ed|ing)?|errors?|broken|crash\w*|missing))\b/gi,
  ],
  // "NC6 = 12GB", "how much memory does a D4s_v5 have": a size's memory, not its processor
  [
    'memory sizes',
    /\bhow much (?:memory|ram)\b|\bmemory (?:size|capacity)\b|\b(?:standard_|basic_)?[a-z]{1,4}\d{1,4}[a-z0-9_]*\s*[=:]\s*\d+(?:\.\d+)?\s?gi?b\b/gi,
  ],
];

/** macOS releases by name, as people type them ("installed Monterey"). */
const MACOS_RELEASES = '(?:el capitan|sierra|high sierra|mojave|catalina|big sur|monterey|ventura|sonoma|sequoia|tahoe)';

/** Other clouds' instance types and hardware outside Azure VM sizes. */
const OUT_OF_SCOPE_ROWS: ReadonlyArray<readonly [string, RegExp]> = [
  ['an AWS EC2 instance type', /\b(?:[a-z]{1,2}\d[a-z]{0,4}|[a-z]\d[a-z]?-\w+)\.(?:nano|micro|small|medium|large|metal(?:-\d+xl)?|\d*xlarge)\b/gi],
  ['AWS', /\b(?:aws|ec2|amazon web services|graviton\d?)\b/gi],
  [
    'a Google Cloud machine type',
    /\b(?:n1|n2d?|n4|e2|c2d?|c3d?|c4a?|t2[ad]|m[123]|a[23]|h3|z3)-(?:standard|highmem|highcpu|ultramem|megamem|micro|small|medium|custom)(?:-\d+)?\b/gi,
  ],
  ['Google Cloud', /\b(?:gcp|gce|google cloud|compute engine)\b/gi],
  ['Oracle Cloud', /\b(?:oci|oracle cloud)\b/gi],
  [
    'another hosting provider',
    /\b(?:hetzner|ovh(?:cloud)?|digital\s?ocean|linode|vultr|scaleway|alibaba cloud|aliyun|tencent cloud|ibm cloud|contabo|upcloud|ionos)\b/gi,
  ],
  ['a single-board computer', /\b(?:raspberry\s?pi|rpi\s?[3-5]|jetson (?:nano|orin|xavier)|orange\s?pi|rock\s?pi|odroid)\b/gi],
  // macOS installed (or booted) on a machine someone names: a PC or a VM, not a Mac
  [
    'macOS on a PC (a hackintosh)',
    new RegExp(
      `\\b(?:hackintosh|opencore(?:pkg)?|clover (?:bootloader|efi)|(?:install(?:ed|ing)?|boot(?:ed|ing)?|upgrad(?:e|ed|ing) to)\\s+(?:mac\\s?os(?:\\s+x)?(?:\\s+${MACOS_RELEASES})?|os x|${MACOS_RELEASES}))\\b`,
      'gi',
    ),
  ],
  [
    'Apple hardware',
    /\b(?:apple\s+(?:silicon|m[1-5])|big sur|monterey|ventura|sonoma|sequoia|catalina|mojave|high sierra|macbook|mac\s?mini|imac|mac\s?pro|m[1-5]\s+(?:pro|max|ultra|mac)|(?:macpro|macbook(?:pro|air)?|macmini|imac(?:pro)?)\d+,\d+|rosetta(?:\s*2)?|macos|(?:my|an?|the|on)\s+m[1-5](?:\s+(?:pro|max|ultra|air))?)\b/gi,
  ],
  [
    'a glibc version mismatch (the program was built against a newer glibc than the system has; not a CPU problem)',
    /version [`'"]?glibc_2\.\d+[`'"]? not found/gi,
  ],
  [
    'a TensorFlow build notice (informational: the binary simply does not use every feature the CPU has)',
    /your cpu supports instructions that this tensorflow binary was not compiled to use/gi,
  ],
  ['GPU compute capability', /\b(?:compute capability|cuda(?: version| cores?)?|sm_\d{2,3}|tensor cores?|rocm)\b/gi],
  // the hypervisor's own error about hardware virtualization: no CPU level is at stake ("VT-x is not available",
  // VirtualBox's VERR_VMX_*, "AMD-V is disabled in the BIOS")
  [
    'a hypervisor error about hardware virtualization (VT-x/AMD-V)',
    /\b(?:vt-?x|amd-?v|vmx|svm)\b[^.?!\n]{0,40}\b(?:not available|unavailable|disabled|not enabled|not supported|not present|is off)\b|\bverr_(?:vmx|svm)\w*|\bdisabled (?:by|in) (?:the )?bios\b/gi,
  ],
  // Windows XP and older, processors from before x86-64: an illegal instruction there is no x86-64 level
  ['a 32-bit system, from before x86-64', /\bwindows\s+(?:xp|2000|me|9[58])\b|\b(?:cyrix|via c3|pentium (?:ii|iii|pro|mmx))\b/gi],
];

/** An instruction-set feature or level a refusal names. */
const FEATURE = '(avx[-\\s]?512\\w*|avx(?:[-\\s]?2)?|sse\\s?4[._]?[12]|ssse3|popcnt|x86-64-v[1-4])';

/** "Illegal instruction" as the shell prints it in other languages (glibc's translations of SIGILL's name). */
const ILLEGAL_ELSEWHERE = [
  '非法指令', // zh_CN
  '不合法的指令', // zh_TW
  '不正な命令', // ja
  '잘못된 명령', // ko
  'недопустимая инструкция', // ru
  'ungültiger maschinenbefehl', // de
  'instruction (?:illégale|non permise)', // fr
  'instrucción ilegal', // es
  'instrução ilegal', // pt
  'istruzione (?:non consentita|illegale)', // it
  'nieprawidłowa instrukcja', // pl
  'neplatná instrukce', // cs
  'ongeldige instructie', // nl
].join('|');

/** Crash messages people paste: what they mean, and the level they name. */
const ERROR_ROWS: ReadonlyArray<readonly [ErrorKind, RegExp]> = [
  ['glibc-level', /(?:fatal glibc error:?\s*)?cpu does not support (x86-64-v[1-4])/gi],
  ['glibc-level', /(?:fatal glibc error:?\s*)?cpu isa level is lower than required/gi],
  ['kernel-refuses', /this kernel requires (?:an? )?(x86-64(?:-v[1-4])?|the following features)[^.\n]*/gi],
  ['kernel-refuses', /(?:your |the )?cpu (?:is )?(?:not supported|unsupported|too old)[^.\n]*?(x86-64-v[1-4])?/gi],
  ['kernel-refuses', /requires? (?:a )?(?:cpu|processor) (?:with|supporting) (x86-64-v[1-4])/gi],
  ['kernel-refuses', /(x86-64-v[1-4]) required[,:;]?\s+(?:but\s+)?(?:the\s+)?cpu\b[^\n]*/gi], // "x86-64-v2 required, CPU has only x86-64-v1"
  ['runtime-refuses', /can only be run on amd64 processors with (v[1-4]) microarchitecture support/gi],
  [
    'runtime-refuses',
    /requires? (?:a )?(?:cpu|processor) with (avx-?512\w*|avx2?|sse4[._]?[12]|ssse3|popcnt|fma3?|bmi2?) (?:support|instructions?|extensions?)/gi,
  ],
  [
    'runtime-refuses',
    /(?:does not|doesn'?t) (?:appear to )?(?:have|support) (avx[-\s]?512\w*|avx(?:[-\s]?2)?|sse\s?4[._]?[12]|ssse3|popcnt)\b(?: (?:support|instructions?))?/gi,
  ],
  ['runtime-refuses', /(?:cpu|processor) must support (avx-?512\w*|avx2?|sse4[._]?[12]|ssse3|popcnt|x86-64-v[1-4])/gi],
  // "CPU lacks AVX support" (bun), "compiled to use AVX instructions, but these aren't available on your machine"
  ['runtime-refuses', new RegExp(`(?:cpu|processor|machine|system)\\s+lacks?\\s+${FEATURE}`, 'gi')],
  ['runtime-refuses', new RegExp(`compiled to use ${FEATURE}(?: instructions?)?,? but (?:these|they|it) (?:are|is)(?:n'?t| not) available`, 'gi')],
  ['runtime-refuses', /(?:cpu|处理器)\s*有\s*(avx2?|sse4[._]?2)\s*指令集要求/gi],
  // the same refusal in other languages: a feature the CPU does not support, before or after the negation
  [
    'runtime-refuses',
    new RegExp(
      `(?:不支持|不支援|没有|沒有|缺少)\\s*(?:the\\s+)?${FEATURE}|${FEATURE}\\s*(?:命令|指令)?(?:セット|集)?\\s*(?:を|が|에|을|를)?\\s*(?:サポートしていない|サポートされていない|未対応|非対応|不支持|不被支持|지원하지\\s*않)`,
      'gi',
    ),
  ],
  [
    'runtime-refuses',
    new RegExp(
      `(?:не\\s+поддерживае?т(?:ся)?|нет\\s+поддержки|no\\s+(?:soporta|admite|tiene|es\\s+compatible\\s+con)|não\\s+(?:suporta|tem)|ne\\s+(?:supporte|prend)\\s+pas(?:\\s+en\\s+charge)?|unterstützt\\s+(?:kein(?:e|en)?|nicht))\\s+(?:(?:las?|les|l'|die|as|os|d')\\s*)?(?:инструкци[а-яё]*\\s+|instrucciones\\s+|instructions\\s+|instruções\\s+|befehle\\s+)?${FEATURE}`,
      'giu',
    ),
  ],
  ['illegal-instruction', /\b(?:illegal instructions?|sigill|invalid opcode|illegal hardware instructions?)\b/gi],
  // the same crash as shells print it in other languages (glibc's strsignal translations), and as its exit status:
  // 132 = 128 + signal 4 (SIGILL)
  ['illegal-instruction', new RegExp(ILLEGAL_ELSEWHERE, 'giu')],
  ['illegal-instruction', /\b(?:exit(?:ed)?(?: with)?(?: code| status)?|exit code|status|code|error)[\s:=(]*132\b|\bsignal[\s:]*4\b(?![\d.])/gi],
  // Windows' name for it: the exception code 0xC000001D (STATUS_ILLEGAL_INSTRUCTION), also printed as a signed or
  // unsigned exit code (-1073741795, 3221225501)
  ['illegal-instruction', /\b(?:0x)?c000001d\b|\b(?:status|exception)_illegal_instruction\b|(?:^|[^\w-])-1073741795\b|\b3221225501\b/gi],
];

/** Families typed without a model number the family rules need: the microarchitecture they all share. */
const XEON_GENERATION: Record<string, [string, string]> = {
  '1': ['sandybridge', 'Sandy Bridge'],
  '2': ['ivybridge', 'Ivy Bridge'],
  '3': ['haswell', 'Haswell'],
  '4': ['broadwell', 'Broadwell'],
};
const APU_GENERATION: Record<string, [string, string]> = {
  '5': ['piledriver', 'Trinity, Piledriver'],
  '6': ['piledriver', 'Richland, Piledriver'],
  '7': ['steamroller', 'Kaveri, Steamroller'],
  '8': ['excavator', 'Carrizo, Excavator'],
  '9': ['excavator', 'Bristol Ridge, Excavator'],
};
const GENERIC_FAMILY_ROWS: ReadonlyArray<
  readonly [RegExp, string | ((m: RegExpMatchArray) => string | undefined), string | ((m: RegExpMatchArray) => string)]
> = [
  [/\bamd\s+fx\b(?![\s-]*\d)(?!\s*-?\s*series)/gi, 'bulldozer', 'AMD FX (Bulldozer family)'],
  // "Phenom II X6", "a Phenom X4": every Phenom is K10, whatever its model number
  [
    /\bphenom(?:\(tm\)|™)?(?:\s+(?:ii|2))?(?:\s+x[2-6])?(?![\s-]*[a-z]?\d{3})(?![a-z0-9])/gi,
    'k10',
    (m) => `${m[0].trim().replace(/^phenom/i, 'AMD Phenom')} (K10)`,
  ],
  [/\b(?:xeon(?:\s+e[357])?|e[357])\s+v([1-4])\b/gi, (m) => XEON_GENERATION[m[1]!]?.[0], (m) => `Xeon v${m[1]} (${XEON_GENERATION[m[1]!]?.[1]})`],
  [/\b(?:amd\s+)?a(?:4|6|8|10|12)\s*-\s*([5-9])\d{3}[a-z]?\b/gi, (m) => APU_GENERATION[m[1]!]?.[0], (m) => `${m[0].trim()} (${APU_GENERATION[m[1]!]?.[1]})`],
];

/** The quote that closes each opening one. */
const CLOSES: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '“': '”', '‘': '’', '«': '»', '„': '“' };

/** "I got 'This kernel requires … i686 CPU' on Azure": a message quoted on its line ends at its closing quote (one
 * followed by a space, punctuation or the end), not at the end of the sentence. */
export function quotedPart(text: string, start: number, matched: string): string {
  const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  for (let i = line.length - 1; i >= 0; i--) {
    const close = CLOSES[line[i]!];
    // the nearest quote before the message that opens (at the start, or after a space or punctuation)
    if (!close || (i > 0 && /[\p{L}\p{N}]/u.test(line[i - 1]!))) continue;
    if (line.indexOf(close, i + 1) >= 0) return matched; // closed before the message began
    const end = new RegExp(`${close.replace(/[`]/, '\\$&')}(?=[\\s.,;:!?)]|$)`).exec(matched);
    return end ? matched.slice(0, end.index) : matched;
  }
  return matched;
}

/** Cheap tests that decide whether a table can match at all: most questions skip most tables. */
const GATE = {
  family: /\d{3}|kvm|qemu|common kvm|host|xeon|core|epyc|ryzen|opteron|atom|celeron|pentium|-aes|\d(?:st|nd|rd|th)[\s-]*gen/,
  cpu: /xeon|core|i[3579]|epyc|ryzen|threadripper|fx|opteron|phenom|athlon|pentium|celeron|atom|intel|amd|e[357]|a\d{1,2}\s*-/,
  virtual: /kvm|qemu|virtual|vbox|compat|feature mask|cpu model|cpu type|-cpu|evc|vmotion/,
  hypervisor: /qemu|kvm|libvirt|virt-manager|proxmox|pve|vmware|esxi|vsphere|hyper-?v|xen|domu|xcp-ng|citrix/,
  offTopic:
    /windows|nested|perf|credit|burst|benchmark|faster|slower|quicker|pric|cost|quota|billing|cheap|expensive|networking|iops|throughput|premium|temp disk|constrain|driver|vgpu|gpu|vram|nvidia|nouveau|cuda|memory|ram\b|\dgi?b|\d gi?b/,
  outOfScope:
    /glibc_|tensorflow|raspberry|rpi|jetson|orange|rock|odroid|hetzner|ovh|ocean|linode|vultr|scaleway|alibaba|aliyun|tencent|ibm cloud|contabo|upcloud|ionos|hackintosh|opencore|clover|capitan|sierra|mojave|catalina|big sur|monterey|ventura|sonoma|sequoia|tahoe|os x|large|metal|nano|micro|small|medium|aws|ec2|amazon web|graviton|standard-|high|ultramem|megamem|custom|gcp|gce|google|compute engine|oracle cloud|apple|mac|rosetta|m[1-5]|cuda|capability|sm_|tensor|rocm|windows|cyrix|via c3|pentium|vt-?x|amd-?v|vmx|svm|verr_|bios/,
};

/** "an old i7 3rd gen": the generation phrase cpu-family.ts reads a Core processor by when no model number is typed
 * (its own first test, before it reads one). */
const BY_GENERATION = /\d(?:st|nd|rd|th)[\s-]*gen/i;

/** Where each table's patterns begin in the list the literal gate reads (questionGate). */
const AT_ERRORS = 0;
const AT_CPUS = AT_ERRORS + ERROR_ROWS.length;
const AT_VIRTUAL = AT_CPUS + CPU_ROWS.length;
const AT_HYPERVISORS = AT_VIRTUAL + VIRTUAL_CPU_ROWS.length;
const AT_OFF_TOPICS = AT_HYPERVISORS + HYPERVISOR_ROWS.length;
const AT_OUT_OF_SCOPE = AT_OFF_TOPICS + OFF_TOPIC_ROWS.length;
const AT_GENERIC = AT_OUT_OF_SCOPE + OUT_OF_SCOPE_ROWS.length;
const AT_CODENAMES = AT_GENERIC + GENERIC_FAMILY_ROWS.length;
const AT_BY_GENERATION = AT_CODENAMES + 1;
/** The groups of patterns scanMentions asks about together (a table; the family rules with the generation phrase). */
const GROUPS = [AT_ERRORS, AT_CPUS, AT_VIRTUAL, AT_HYPERVISORS, AT_OFF_TOPICS, AT_OUT_OF_SCOPE, AT_GENERIC, AT_CODENAMES, AT_BY_GENERATION];

/** Every pattern the scanner runs on a question, in the order the AT_ offsets above say: the tables, the codenames',
 * the generation phrase, and the CPU family rules' (any of which, or the generation phrase, lets identifyCpus run). */
export function mentionPatterns(catalog: Catalog): RegExp[] {
  return [
    ...ERROR_ROWS.map(([, re]) => re),
    ...CPU_ROWS.map((row) => row.re),
    ...VIRTUAL_CPU_ROWS.map(([, re]) => re),
    ...HYPERVISOR_ROWS.map(([, re]) => re),
    ...OFF_TOPIC_ROWS.map(([, re]) => re),
    ...OUT_OF_SCOPE_ROWS.map(([, re]) => re),
    ...GENERIC_FAMILY_ROWS.map(([re]) => re),
    codenameIndex(catalog).pattern,
    BY_GENERATION,
    ...catalog.cpuFamilies.families.map((f) => f.pattern),
  ];
}

const questionGates = new WeakMap<Catalog, LiteralGate>();
/** One literal gate over what a question's words are read by: mentionPatterns, then the intent reader's patterns (from
 * intentOffset), so that one pass over a question serves both. Built once per catalog. */
export function questionGate(catalog: Catalog): LiteralGate {
  let gate = questionGates.get(catalog);
  if (!gate) {
    const mentions = mentionPatterns(catalog);
    gate = new LiteralGate([...mentions, ...INTENT_PATTERNS], [...GROUPS, mentions.length]);
    questionGates.set(catalog, gate);
  }
  return gate;
}

/** Where the intent reader's patterns begin in questionGate's. */
export function intentOffset(catalog: Catalog): number {
  return questionGate(catalog).size - INTENT_PATTERNS.length;
}

/** Whether identifyCpus can find anything in the text `may` is questionGate's scan of: some family rule or the
 * generation phrase may match it. When not, identifyCpus finds no model number there, and need not be asked. */
export function mayNameFamilyCpu(catalog: Catalog, may: Candidates): boolean {
  return questionGate(catalog).anyIn(may, GROUPS.indexOf(AT_BY_GENERATION));
}

/** What the text mentions beyond the catalog's names, and the text with those mentions blanked. `may` says which
 * patterns can match (questionGate's scan); tests pass every pattern to run them all. */
export function scanMentions(catalog: Catalog, text: string, may?: Candidates): { rest: string; mentions: Mentions } {
  const mentions: Mentions = { familyCpus: [], foreignCpus: [], codenames: [], virtualCpus: [], hypervisors: [], offTopics: [], outOfScope: [], errors: [] };
  let rest = text;
  const blank = (m: RegExpExecArray) => {
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  };
  const quick = text.toLowerCase();
  const gate = questionGate(catalog);
  const can = may ?? gate.scan(quick);
  /** whether some pattern of the table that begins at `at` may match: its hand-written gate is read only then */
  const anyOf = (at: number) => gate.anyIn(can, GROUPS.indexOf(at));
  const pushFamily = (m: CpuFamilyMatch) => {
    mentions.familyCpus.push(m);
    if (m.family.rule.kind === 'virtual-cpu' && !mentions.virtualCpus.includes(m.model)) mentions.virtualCpus.push(m.model);
    rest = rest.slice(0, m.start) + ' '.repeat(m.end - m.start) + rest.slice(m.end);
  };

  if (
    anyOf(AT_ERRORS) &&
    /cpu|instruc|sigill|opcode|kernel|x86-64|glibc|amd64|avx|sse|popcnt|support|处理器|指令|命令|명령|инструкц|befehl|instru|istruz|132|signal|c000001d|1073741795|3221225501/.test(
      quick,
    )
  )
    for (let row = 0; row < ERROR_ROWS.length; row++) {
      if (!mayMatch(can, AT_ERRORS + row)) continue;
      const [kind, re] = ERROR_ROWS[row]!;
      for (const m of matchesOf(re, rest)) {
        let named = m.slice(1).find((g) => g && levelNamed(catalog, g));
        // "requires the following features not present on the CPU: sse4_2 popcnt": the highest level among them
        if (!named && /following features/i.test(m[0])) named = highestFlag(catalog, (m[0].split(':')[1] ?? '').split(/[\s,]+/));
        const level = named ? levelNamed(catalog, named) : null;
        const feature =
          named && !/^(x86-64(-v\d)?|v\d)$/i.test(named)
            ? named
                .toUpperCase()
                .replace(/^(AVX|SSE)\s+(?=\d)/, '$1')
                .replace(/^SSE4_/, 'SSE4.')
            : named?.toLowerCase() === 'x86-64'
              ? '64-bit mode'
              : undefined;
        mentions.errors.push({ kind, level, typed: quotedPart(rest, m.index, m[0]).trim(), ...(feature ? { feature } : {}) });
        blank(m);
      }
    }

  // model numbers by family rule (src/core/cpu-family.ts); Azure's own processors stay for the name finder
  for (const m of anyOf(AT_BY_GENERATION) && GATE.family.test(quick) ? identifyCpus(catalog, rest) : []) {
    if (azureRecordFor(catalog, m, [])) continue;
    // "AMD EPYC 9V64 F": Azure's own name runs on past the family's match
    const next = /^\s*[\w-]+/.exec(rest.slice(m.end))?.[0] ?? '';
    if (next && knownCpu(catalog, rest.slice(m.start, m.end) + next)) continue;
    pushFamily(m);
  }

  // model numbers typed without their brand words ("9980xe", "4790k", "intel g5400")
  if (/\d{3}/.test(quick)) for (const m of brandless(catalog, rest, quick)) pushFamily(m);
  // "AMD FX-8350 FX-Series 8-Core": the processor's own product line, not the Azure series of that name
  if (/series/.test(quick))
    for (const brand of new Set(mentions.familyCpus.flatMap((m) => lineOf(m.model))))
      for (const m of matchesOf(new RegExp(`\\b${brand}[\\s-]?series\\b`, 'gi'), rest)) blank(m);

  // a family named without a model number ("an AMD FX CPU", "Xeon v2", "A10-6800K"): its microarchitecture
  if (anyOf(AT_GENERIC) && GATE.cpu.test(quick))
    for (let row = 0; row < GENERIC_FAMILY_ROWS.length; row++) {
      if (!mayMatch(can, AT_GENERIC + row)) continue;
      const [re, node, label] = GENERIC_FAMILY_ROWS[row]!;
      for (const m of matchesOf(re, rest)) {
        const n = typeof node === 'string' ? node : node(m);
        const fam = n ? catalog.cpuFamilies.families.find((f) => f.node?.name === n && f.fixedFeatures) : undefined;
        if (!fam || mentions.codenames.some((c) => c.node === n)) continue;
        mentions.codenames.push({ name: typeof label === 'string' ? label : label(m), level: fam.level, node: n!, missing: fam.missingForNext });
        blank(m);
      }
    }

  const codes = codenameIndex(catalog);
  for (const m of mayMatch(can, AT_CODENAMES) && codes.gate.test(quick) ? matchesOf(codes.pattern, rest) : []) {
    const hit = codes.byKey.get(m[0].toLowerCase().replace(/[\s-]+/g, ' '));
    if (!hit || mentions.codenames.some((c) => c.node === hit.node)) continue;
    mentions.codenames.push(hit);
    blank(m);
  }

  if (anyOf(AT_CPUS) && /\d/.test(quick) && GATE.cpu.test(quick))
    for (let r = 0; r < CPU_ROWS.length; r++) {
      if (!mayMatch(can, AT_CPUS + r)) continue;
      const row = CPU_ROWS[r]!;
      for (const m of matchesOf(row.re, rest)) {
        const typed = tidy(m[0]);
        if (knownCpu(catalog, typed)) continue; // the name finder reads Azure's own processors
        mentions.foreignCpus.push({ typed, vendor: row.vendor });
        blank(m);
      }
    }

  if (anyOf(AT_VIRTUAL) && GATE.virtual.test(quick))
    for (let row = 0; row < VIRTUAL_CPU_ROWS.length; row++) {
      if (!mayMatch(can, AT_VIRTUAL + row)) continue;
      const [name, re] = VIRTUAL_CPU_ROWS[row]!;
      for (const m of matchesOf(re, rest)) {
        if (!mentions.virtualCpus.includes(name)) mentions.virtualCpus.push(name);
        blank(m);
      }
    }

  if (anyOf(AT_HYPERVISORS) && GATE.hypervisor.test(quick))
    for (let row = 0; row < HYPERVISOR_ROWS.length; row++) {
      if (!mayMatch(can, AT_HYPERVISORS + row)) continue;
      const [name, re] = HYPERVISOR_ROWS[row]!;
      for (const m of matchesOf(re, rest)) {
        if (!mentions.hypervisors.includes(name)) mentions.hypervisors.push(name);
        blank(m);
      }
    }

  if (anyOf(AT_OFF_TOPICS) && GATE.offTopic.test(quick))
    for (let row = 0; row < OFF_TOPIC_ROWS.length; row++) {
      if (!mayMatch(can, AT_OFF_TOPICS + row)) continue;
      const [name, re] = OFF_TOPIC_ROWS[row]!;
      for (const m of matchesOf(re, rest)) {
        if (!mentions.offTopics.includes(name)) mentions.offTopics.push(name);
        blank(m);
      }
    }

  if (anyOf(AT_OUT_OF_SCOPE) && GATE.outOfScope.test(quick))
    for (let row = 0; row < OUT_OF_SCOPE_ROWS.length; row++) {
      if (!mayMatch(can, AT_OUT_OF_SCOPE + row)) continue;
      const [what, re] = OUT_OF_SCOPE_ROWS[row]!;
      for (const m of matchesOf(re, rest)) {
        mentions.outOfScope.push({ what, typed: tidy(m[0]) });
        blank(m);
      }
    }
  // "n1 and n2 have differences in what types of CPU they support": Google Cloud's machine series by their bare names,
  // two or more of them (one alone is too short a word to be sure), none an Azure size
  if (/\b[acehmntz]\d/.test(quick)) {
    const bare = matchesOf(GCP_SERIES, rest).filter((m) => !catalog.sizeByKey.has(m[0].toLowerCase()));
    if (new Set(bare.map((m) => m[0].toLowerCase())).size >= 2) {
      mentions.outOfScope.push({ what: 'Google Cloud machine series', typed: [...new Set(bare.map((m) => m[0]))].join(' and ') });
      for (const m of bare) blank(m);
    }
  }
  // "f16     = 2", "n_vocab = 50400": a variable in a pasted log, not a size or a distro
  if (/=\s*-?\d/.test(quick)) for (const m of matchesOf(LOG_ASSIGNMENT, rest)) blank(m);
  return { rest, mentions };
}

/** Model numbers people type without the brand words the family rules need, with the brands to try: a suffix only
 * Intel's Core line uses (K, KF, KS; XE only on Core i9 Extreme parts), an "Intel G" number (Pentium or Celeron G). */
const BRANDLESS: ReadonlyArray<readonly [RegExp, readonly string[], literal: string]> = [
  [/(?<![\w-])\d{4,5}xe(?![\w-])/gi, ['Core i9-'], 'xe'],
  [/(?<![\w-])\d{4,5}(?:k|kf|ks)(?![\w-])/gi, ['Core i9-', 'Core i7-', 'Core i5-', 'Core i3-'], 'k'],
  [/(?<=\bintel\s+)g\d{3,4}[a-z]?(?![\w-])/gi, ['Pentium ', 'Celeron '], 'intel'],
];

/** Each brandless model number, read with every brand that fits: a rule that lists the number itself wins (the
 * i7-4930K is Ivy Bridge-E, whatever the generic 4th-generation rule says); otherwise every brand must agree on the
 * level, or the number stays unread. The model is named without the brand word the text did not give. */
function brandless(catalog: Catalog, text: string, lower: string): CpuFamilyMatch[] {
  const out: CpuFamilyMatch[] = [];
  for (const [re, brands, literal] of BRANDLESS) {
    // every match holds its row's literal (in any case): a text without it is not searched (these patterns start
    // with a lookbehind, which V8 tries at every position)
    if (!lower.includes(literal)) continue;
    for (const m of matchesOf(re, text)) {
      const typed = m[0];
      const hits = brands.flatMap((b) => identifyCpus(catalog, `${b}${typed}`).filter((h) => h.end === b.length + typed.length));
      const listed = hits.find((h) => h.family.rule.pattern.toUpperCase().includes(typed.toUpperCase()));
      const agreed = hits.length && hits.every((h) => h.family.level === hits[0]!.family.level) ? hits[0] : undefined;
      const hit = listed ?? agreed;
      if (!hit) continue;
      const model = listed || hits.length === 1 ? hit.model : `Intel ${brands.length > 2 ? 'Core ' : ''}${typed.toUpperCase()}`;
      out.push({ ...hit, model, typed, start: m.index!, end: m.index! + typed.length });
    }
  }
  return out;
}

/** The product-line words of a processor's model ("AMD FX-8350" -> FX, "AMD A10-7850K" -> A10 and A, "Intel Xeon
 * E5-2680 v4" -> Xeon and E5): "<line> series" beside it names that line. */
function lineOf(model: string): string[] {
  const words = [...model.matchAll(/\b([A-Za-z]+)(\d*)(?=[\s-]\d|\s+[A-Za-z])/g)].flatMap((m) => [m[1]! + m[2]!, m[1]!]);
  return [...new Set(words.filter((w) => !/^(amd|intel|core|cpu)$/i.test(w) && /^[A-Za-z]+\d*$/.test(w)))];
}

/** Google Cloud's machine series, as people name them without a machine type ("n1", "n2d", "c3"). */
const GCP_SERIES = /(?<![\w-])(?:n1|n2d?|n4|c2d?|c3d?|c4a?|t2[ad]|e2|m[1-3]|a[23]|h3|z3)(?![\w-])/gi;

/** A name assigned a number in a pasted log line (`f16 = 2`, `n_ctx=2048`). */
const LOG_ASSIGNMENT = /(?<![\w.-])[A-Za-z_][\w.]*(?=[ \t]*=[ \t]*-?\d)/g;

/** The catalog's key for a model, with and without the vendor and family words. */
function knownCpu(catalog: Catalog, typed: string): boolean {
  const k = keyOf(typed);
  const bare = keyOf(typed.replace(/\b(intel|amd|xeon|core|\(r\)|\(tm\)|cpu)\b/gi, ''));
  return catalog.cpuByKey.has(k) || catalog.cpuByKey.has(bare) || catalog.cpuByKey.has(keyOf(`xeon ${bare}`));
}

function tidy(s: string): string {
  return s
    .replace(/\((?:r|tm)\)/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "x86-64-v2", "v2" (Go's GOAMD64), "x86-64" (64-bit: v1), or a feature ("AVX", "sse4.2") -> its level. */
function levelNamed(catalog: Catalog, typed: string): LevelName | null {
  // "SSE 4.2", "AVX 2", "AVX 512": the feature typed with a space or a hyphen before its number
  const t = typed.toLowerCase().replace(/^(avx|sse)[\s-]+(?=\d)/, '$1');
  const v = /^(?:x86-64-)?v([1-4])$/.exec(t);
  if (v) return `x86-64-v${v[1]}` as LevelName;
  if (t === 'x86-64') return 'x86-64-v1';
  const flag = normaliseFlag(
    t
      .replace(/^avx-?512\w*$/, 'avx512f')
      .replace(/^fma3$/, 'fma')
      .replace(/^sse4[._]?([12])$/, 'sse4_$1')
      .replace(/^bmi$/, 'bmi1'),
    catalog.levels,
  );
  return catalog.levels.levels.find((l) => l.cpuinfoFlags.includes(flag))?.level ?? null;
}

/** The flag of the highest level among flags typed ("sse4_2 popcnt cx16" -> "sse4_2"). */
function highestFlag(catalog: Catalog, words: string[]): string | undefined {
  let best: { w: string; rank: number } | undefined;
  for (const w of words) {
    const level = w ? levelNamed(catalog, w) : null;
    const rank = level ? Number(level.slice(-1)) : 0;
    if (level && (!best || rank > best.rank)) best = { w, rank };
  }
  return best?.w;
}

interface CodenameIndex {
  pattern: RegExp;
  gate: RegExp;
  byKey: Map<string, { name: string; level: LevelName | null; node: string; missing: string[] }>;
}
const codenameCache = new WeakMap<Catalog, CodenameIndex>();

/** Codenames from the family rules ("Sandy Bridge-EP", "Rome (Zen 2)") split into the names people type,
 * each with its archspec node's level; names Azure's own list knows, or that disagree, are left out. */
function codenameIndex(catalog: Catalog): CodenameIndex {
  const cached = codenameCache.get(catalog);
  if (cached) return cached;
  const byKey = new Map<string, { name: string; level: LevelName | null; node: string; missing: string[] }>();
  const clash = new Set<string>();
  for (const f of catalog.cpuFamilies.families) {
    // "Sandy Bridge to Comet Lake, AVX disabled" (Pentium, Celeron) names a range, not a codename
    if (f.rule.kind !== 'processor' || !f.node || !f.fixedFeatures || / to |disabled/i.test(f.rule.codename)) continue;
    for (const raw of f.rule.codename.split(/[/(),]/)) {
      const name = raw
        .replace(/-(EP|EX|SP|E|X|W|D|H|U|S|N)\b/g, '')
        .replace(/\b(AVX disabled|E-cores|Gracemont)\b/g, '')
        .trim();
      const key = name.toLowerCase().replace(/[\s-]+/g, ' ');
      if (key.length < 4 || /^(core|zen|intel|amd)$/.test(key) || catalog.cpuByCodename.has(keyOf(name))) continue;
      const had = byKey.get(key);
      // two rules giving one name different levels make it ambiguous; the same level, whatever the node, does not
      if (had && had.node !== f.node.name && had.level !== f.level) clash.add(key);
      else if (had) continue;
      else byKey.set(key, { name, level: f.level, node: f.node.name, missing: f.missingForNext });
    }
  }
  for (const k of clash) byKey.delete(k);
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]*'));
  // the gate: any first word of a codename, as a plain substring test
  const firsts = [...new Set([...byKey.keys()].map((k) => k.split(' ')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))];
  const index = { pattern: new RegExp(`\\b(?:${keys.join('|')})\\b`, 'gi'), gate: new RegExp(firsts.join('|')), byKey };
  codenameCache.set(catalog, index);
  return index;
}
