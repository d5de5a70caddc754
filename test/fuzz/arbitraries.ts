// What the fuzz tests throw at every entry point: the grammar's own words mixed with mention syntax,
// markup, control characters, odd Unicode and plain noise, from empty to well past every limit.
import fc from 'fast-check';

const VOCAB = [
  '/azlinux', '/cpulevel', 'upstream', 'releases', 'lineage', 'compat', 'help', 'flags', 'public',
  'Standard_D4s_v5', 'standard_d2s_v3', 'd4s v5', 'D4sv5', 'Standard_D1', 'Standard_D8ps_v6', 'Dsv5',
  'rhel', '10', 'azl', 'mariner', 'azure linux', 'rocky 9', 'alma', 'ubuntu', '26.04', '4.0', 'fedora 43',
  'x86-64-v3', 'v4', 'avx2', 'bmi2', 'fma', 'flags :', 'EPYC 7763', '8370C', 'Cobalt 100', 'E5-2680 v4', 'Xeon', 'i7-4770K', 'kvm64', '-cpu host', 'x86-64-v2-AES', 'Atom N270',
  'can I run', 'on a', 'and', '?', 'what is', 'based on', 'downstream of',
  '@everyone', '@here', '@channel', '<!channel>', '<!here>', '<!everyone>', '<!subteam^S123>', '<@U0ASKER>', '<@1200000000000000400>',
  '<@&1200000000000000100>', '<#C0CHAN|general>', '<https://example.com|click>', '*bold*', '_it_', '~s~', '`code`', '```', '||spoiler||',
  '&amp;', '&lt;', '&gt;', '<', '>', '&', '\\', '"', "'", '%', '%00', '{}', '[]', '$(reboot)', 'null', 'undefined', '__proto__', 'constructor',
  '\t', '\u0000', '\u0007', '\u200b', '\u200d', '\u202e', '\ufeff', 'é', 'ß', '🙂', '👩‍💻', 'ｓｔａｎｄａｒｄ', 'Ⅻ', 'İ',
];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** A question as a person (or a fuzzer) might type it. */
export const questionText = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { maxLength: 24 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2_500 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '\r\n', '/', `/azlinux ${'x'.repeat(6_000)}`, `flags : ${'avx2 '.repeat(2_000)}`) },
);

/** Text without newlines (one console line, one option value). */
export const oneLine = questionText.map((t) => t.replace(/[\r\n\u2028\u2029\u0085]/g, ' '));

/** Well-formed Unicode only (what URL encoding and JSON bodies can carry). */
export const wellFormed = questionText.map((t) => t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

export const contextArb = fc.record(
  {
    distro: fc.oneof(fc.constantFrom('rhel', 'azure-linux', 'ubuntu', 'nope'), fc.string({ maxLength: 20 })),
    release: fc.oneof(fc.constantFrom('10', '4.0', '24.04'), fc.string({ maxLength: 10 })),
    size: fc.oneof(fc.constantFrom('Standard_D4s_v5', 'Standard_D1', 'Standard_X'), fc.string({ maxLength: 30 })),
    series: fc.oneof(fc.constantFrom('Dsv5', 'Dv2'), fc.string({ maxLength: 10 })),
    cpu: fc.oneof(fc.constantFrom('AMD EPYC 7763', '??'), fc.string({ maxLength: 30 })),
  },
  { requiredKeys: [] },
);
