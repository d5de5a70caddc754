// Texts that name every name in the catalog in the ways people type them, misspelled too, beside the real
// questions of the corpus and the bench's mixed questions: what a shortcut in the parser (a gate that skips work
// for text that cannot match) is walked over, against the path without it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../src/core/catalog.js';
import { misspell } from '../../bench/misspellings.js';
import { mixedQuestions } from '../../bench/ask-json.js';
import { QUESTIONS } from '../../bench/core.js';
import { CPU_FAMILY_EXAMPLES } from '../fixtures/cpu-family-examples.js';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

/** Every question of the corpus and its held-out sets. */
export function corpusQuestions(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('questions.json'))
    .flatMap((f) => (JSON.parse(readFileSync(CORPUS + f, 'utf8')) as Array<{ q: string }>).map((row) => row.q));
}

/** Each catalog name typed several ways (with and without "Standard_", spaced, glued, with "series", misspelled). */
export function nameTexts(c: Catalog): string[] {
  const out: string[] = [];
  let n = 0;
  for (const { size } of c.sizes) {
    const bare = size.name.replace(/^(Standard|Basic)_/, '');
    out.push(size.name, bare, bare.replace(/_/g, ' '), bare.replace(/_/g, ''), `standard ${bare.replace(/_/g, ' ')}`, misspell(size.name, n++));
  }
  for (const { record } of c.series) {
    const s = record.series;
    out.push(s, `${s} series`, `${s}-series`, `${s}series`, `Standard_${s}`, `standard ${s} series`, `standard${s}series`, misspell(s, n++));
    // the series without its version: "Lsv series", "B-series", "Lsv"
    const stem = s.replace(/\d+$/, '');
    out.push(stem, `${stem} series`, `${stem}-series`, `${stem.replace(/v$/, '')} series`, `Standard ${stem} series`);
  }
  for (const cpu of c.cpus.values()) out.push(cpu.model.model, ...cpu.model.keys, cpu.model.codename, misspell(cpu.model.model, n++));
  for (const d of c.distros) {
    out.push(d.name, d.id, ...d.aliases, misspell(d.name, n++), `${d.name} linux`, `${d.name} os`);
    for (const r of d.releases) {
      out.push(...r.aliases, `${d.name} ${r.version}`, `${d.id}${r.version}`, `${d.id}-${r.version}`, `${d.name} v${r.version}`, `${d.name} ${r.version}.1`);
      for (const a of d.aliases) out.push(`${a} ${r.version}`, `${a}${r.version}`);
    }
  }
  for (const [typed] of CPU_FAMILY_EXAMPLES) out.push(typed, `my ${misspell(typed, n++)} box crashes`);
  for (const step of c.levels.levels) out.push(step.level, ...step.cpuinfoFlags, step.level.replace(/-/g, '_'), step.level.slice(-2));
  out.push('fc42', 'FC 41', 'fedora core 42', 'ubi9', 'ubi10-minimal', 'ubi 9', 'CentOS 8 Stream', 'Centos8 Stream', 'rhel_9', 'ubuntu_24.04');
  return out;
}

/** Everything above, with the bench's questions (a quarter of the 20,000 mixed ones: every form, every kind). */
export function gateTexts(c: Catalog): string[] {
  const mixed = mixedQuestions(c).filter((_, i) => i % 4 === 0);
  return [...nameTexts(c), ...corpusQuestions(), ...QUESTIONS, ...mixed];
}
