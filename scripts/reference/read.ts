// Reads the reference files. Only the importer and the data tests call this.
import { existsSync, readFileSync } from 'node:fs';
import { REFERENCE_COMPILED } from '../reference-overrides.js';
import { fileURLToPath } from 'node:url';
import type { Reference } from './types.js';

/** The repository's reference/ folder (this file is scripts/reference/read.ts). */
export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL('../../reference/', import.meta.url));

function readJson(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(`${dir.replace(/\/?$/, '/')}${name}`, 'utf8'));
}

export function readReference(dir: string = process.env.REFERENCE_DIR ?? DEFAULT_REFERENCE_DIR): Reference {
  const cpus = readJson(dir, 'cpu-models.json') as Reference['cpus'];
  const extra = readJson(dir, 'cpu-models-extra.json') as Reference['cpus'];
  const snapshot = `${dir.replace(/\/?$/, '/')}snapshot.json`;
  const asOf = existsSync(snapshot) ? (readJson(dir, 'snapshot.json') as { asOf: string }).asOf : REFERENCE_COMPILED;
  return {
    dir,
    asOf,
    series: readJson(dir, 'azure-vm-series.json') as Reference['series'],
    aliases: (readJson(dir, 'processor-aliases.json') as { aliases: Reference['aliases'] }).aliases,
    cpus: [...cpus, ...extra],
    extraCpuModels: extra.map((m) => m.model),
    generations: readJson(dir, 'azure-vm-generations.json') as Reference['generations'],
    levels: readJson(dir, 'x86-64-levels.json') as Reference['levels'],
    archspec: readJson(dir, 'archspec-microarchitectures.json') as Reference['archspec'],
    distros: (readJson(dir, 'distros.json') as { distros: Reference['distros'] }).distros,
  };
}
