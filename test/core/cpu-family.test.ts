// CPUs beyond Azure's list, by family rules (src/data/cpu-families.json, src/core/cpu-family.ts).
// Every rule is walked with real model numbers, boundary models included, each found inside a
// sentence; the expected archspec node is written here (a fact about the model), and the expected
// level is computed here, independently of src/core/levels.ts, from that node's features in
// archspec-x86.json and cross-checked against archspec's own ancestry (a node under x86_64_vN is vN).
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { identifyCpu, identifyCpus } from '../../src/core/cpu-family.js';
import type { ArchspecX86Table, LevelsTable } from '../../src/data/schema.js';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));
const archspec = read('archspec-x86.json') as ArchspecX86Table;
const levels = read('x86-64-levels.json') as LevelsTable;
const nodes = new Map(archspec.microarchitectures.map((n) => [n.name, n]));
const c = catalog();

/** The psABI rules, written again here: the highest level whose flags (and every lower level's) are all present. */
function levelOf(flags: readonly string[]): string | null {
  let level: string | null = null;
  for (const l of levels.levels) {
    if (!l.cpuinfoFlags.every((f) => flags.includes(f))) break;
    level = l.level;
  }
  return level;
}

/** archspec's own answer: the highest generic x86_64_vN node the microarchitecture inherits from. */
function ancestryLevel(name: string): string | null {
  const n = nodes.get(name)!;
  const line = [name, ...n.ancestry];
  if (!line.includes('x86_64')) return null;
  const v = Math.max(1, ...line.map((a) => Number(/^x86_64_v([234])$/.exec(a)?.[1] ?? 0)));
  return `x86-64-v${v}`;
}

/** [as typed, rule id, archspec node]: real model numbers, several a rule, boundary models included. */
const EXAMPLES: ReadonlyArray<readonly [string, string, string | null]> = [
  // Xeon E3/E5/E7: the vN is a generation
  ['Xeon E3-1230', 'intel-xeon-e3-v1', 'sandybridge'],
  ['E3-1270', 'intel-xeon-e3-v1', 'sandybridge'],
  ['E3-1230 v2', 'intel-xeon-e3-v2', 'ivybridge'],
  ['E3-1275V2', 'intel-xeon-e3-v2', 'ivybridge'],
  ['E3-1231 v3', 'intel-xeon-e3-v3', 'haswell'],
  ['Xeon E3-1240 v3', 'intel-xeon-e3-v3', 'haswell'],
  ['E3-1285 v4', 'intel-xeon-e3-v4', 'broadwell'],
  ['E3-1265L v4', 'intel-xeon-e3-v4', 'broadwell'],
  ['E3-1230 v5', 'intel-xeon-e3-v5', 'skylake'],
  ['E3-1505M v5', 'intel-xeon-e3-v5', 'skylake'],
  ['E3-1275 v6', 'intel-xeon-e3-v6', 'skylake'],
  ['E3-1245 v6', 'intel-xeon-e3-v6', 'skylake'],
  ['Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz', 'intel-xeon-e5-v1', 'sandybridge'],
  ['E5-2690', 'intel-xeon-e5-v1', 'sandybridge'],
  ['E5-1650', 'intel-xeon-e5-v1', 'sandybridge'],
  ['E5-2650L', 'intel-xeon-e5-v1', 'sandybridge'],
  ['E5-2670 v2', 'intel-xeon-e5-v2', 'ivybridge'],
  ['E5-2697 v2', 'intel-xeon-e5-v2', 'ivybridge'],
  ['E5-2680 v3', 'intel-xeon-e5-v3', 'haswell'],
  ['Xeon E5-2699 v3', 'intel-xeon-e5-v3', 'haswell'],
  ['E5-1620 v3', 'intel-xeon-e5-v3', 'haswell'],
  ['Xeon E5-2680 v4', 'intel-xeon-e5-v4', 'broadwell'],
  ['e5 2680v4', 'intel-xeon-e5-v4', 'broadwell'],
  ['E5-2699A v4', 'intel-xeon-e5-v4', 'broadwell'],
  ['E5-2620 v4', 'intel-xeon-e5-v4', 'broadwell'],
  ['E7-4870', 'intel-xeon-e7-v1', 'westmere'],
  ['E7-8870', 'intel-xeon-e7-v1', 'westmere'],
  ['E7-4890 v2', 'intel-xeon-e7-v2', 'ivybridge'],
  ['E7-8895 v2', 'intel-xeon-e7-v2', 'ivybridge'],
  ['E7-8880 v3', 'intel-xeon-e7-v3', 'haswell'],
  ['E7-4850 v3', 'intel-xeon-e7-v3', 'haswell'],
  ['E7-8890 v4', 'intel-xeon-e7-v4', 'broadwell'],
  ['E7-4830 v4', 'intel-xeon-e7-v4', 'broadwell'],
  // Xeon before the E3/E5/E7 naming
  ['Xeon E5450', 'intel-xeon-5400', 'core2'],
  ['Xeon X5365', 'intel-xeon-5400', 'core2'],
  ['Xeon X5570', 'intel-xeon-5500', 'nehalem'],
  ['Xeon W3520', 'intel-xeon-5500', 'nehalem'],
  ['Xeon X7560', 'intel-xeon-5500', 'nehalem'],
  ['Xeon X5670', 'intel-xeon-5600', 'westmere'],
  ['Xeon L5640', 'intel-xeon-5600', 'westmere'],
  ['Xeon W3680', 'intel-xeon-5600', 'westmere'],
  // Xeon Scalable: the second digit is the generation
  ['Xeon Gold 6148', 'intel-xeon-scalable-1', 'skylake_avx512'],
  ['Xeon Silver 4114', 'intel-xeon-scalable-1', 'skylake_avx512'],
  ['Bronze 3106', 'intel-xeon-scalable-1', 'skylake_avx512'],
  ['Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz', 'intel-xeon-scalable-2', 'cascadelake'],
  ['Platinum 9282', 'intel-xeon-scalable-2', 'cascadelake'],
  ['Silver 4210R', 'intel-xeon-scalable-2', 'cascadelake'],
  ['Platinum 8380H', 'intel-xeon-scalable-3-cooper', 'cascadelake'],
  ['Gold 6348H', 'intel-xeon-scalable-3-cooper', 'cascadelake'],
  ['Platinum 8380HL', 'intel-xeon-scalable-3-cooper', 'cascadelake'],
  ['Platinum 8380', 'intel-xeon-scalable-3', 'icelake'],
  ['Gold 6338N', 'intel-xeon-scalable-3', 'icelake'],
  ['Silver 4314', 'intel-xeon-scalable-3', 'icelake'],
  ['Platinum 8480+', 'intel-xeon-scalable-4', 'sapphirerapids'],
  ['Gold 6430', 'intel-xeon-scalable-4', 'sapphirerapids'],
  ['Silver 4410Y', 'intel-xeon-scalable-4', 'sapphirerapids'],
  ['Platinum 8592+', 'intel-xeon-scalable-5', 'sapphirerapids'],
  ['Gold 6548Y+', 'intel-xeon-scalable-5', 'sapphirerapids'],
  ['Silver 4510', 'intel-xeon-scalable-5', 'sapphirerapids'],
  ['Xeon 6980P', 'intel-xeon-6-granite-rapids', 'sapphirerapids'],
  ['Xeon 6 6767P', 'intel-xeon-6-granite-rapids', 'sapphirerapids'],
  ['Xeon 6780E', 'intel-xeon-6-sierra-forest', 'alderlake'],
  ['Xeon 6 6710E', 'intel-xeon-6-sierra-forest', 'alderlake'],
  // Xeon D, W, E
  ['Xeon D-1541', 'intel-xeon-d-1500', 'broadwell'],
  ['D-1587', 'intel-xeon-d-1500', 'broadwell'],
  ['Xeon D-2146NT', 'intel-xeon-d-2100', 'skylake_avx512'],
  ['D-2123IT', 'intel-xeon-d-2100', 'skylake_avx512'],
  ['Xeon D-1736NT', 'intel-xeon-d-ice-lake', 'icelake'],
  ['D-2752NT', 'intel-xeon-d-ice-lake', 'icelake'],
  ['Xeon W-2145', 'intel-xeon-w-skylake', 'skylake_avx512'],
  ['W-3175X', 'intel-xeon-w-skylake', 'skylake_avx512'],
  ['Xeon W-2295', 'intel-xeon-w-cascade-lake', 'cascadelake'],
  ['W-3275M', 'intel-xeon-w-cascade-lake', 'cascadelake'],
  ['Xeon W-3375', 'intel-xeon-w-ice-lake', 'icelake'],
  ['W-3345', 'intel-xeon-w-ice-lake', 'icelake'],
  ['Xeon W-1290P', 'intel-xeon-w-comet-lake', 'skylake'],
  ['W-10885M', 'intel-xeon-w-comet-lake', 'skylake'],
  ['Xeon W-1390P', 'intel-xeon-w-rocket-tiger-lake', 'icelake'],
  ['W-11955M', 'intel-xeon-w-rocket-tiger-lake', 'icelake'],
  ['Xeon w9-3495X', 'intel-xeon-w-sapphire-rapids', 'sapphirerapids'],
  ['w5-2455X', 'intel-xeon-w-sapphire-rapids', 'sapphirerapids'],
  ['Xeon E-2288G', 'intel-xeon-e-coffee-lake', 'skylake'],
  ['E-2136', 'intel-xeon-e-coffee-lake', 'skylake'],
  ['Xeon E-2388G', 'intel-xeon-e-rocket-lake', 'icelake'],
  ['E-2314', 'intel-xeon-e-rocket-lake', 'icelake'],
  ['Xeon E-2488', 'intel-xeon-e-raptor-lake', 'alderlake'],
  ['E-2414', 'intel-xeon-e-raptor-lake', 'alderlake'],
  // Core i3/i5/i7/i9, with the HEDT parts that break the digit rule
  ['i7-3960X', 'intel-core-hedt-sandy-bridge-e', 'sandybridge'],
  ['Core i7-3820', 'intel-core-hedt-sandy-bridge-e', 'sandybridge'],
  ['i7-4960X', 'intel-core-hedt-ivy-bridge-e', 'ivybridge'],
  ['i7-4930K', 'intel-core-hedt-ivy-bridge-e', 'ivybridge'],
  ['i7-5960X', 'intel-core-hedt-haswell-e', 'haswell'],
  ['i7-5820K', 'intel-core-hedt-haswell-e', 'haswell'],
  ['i7-6950X', 'intel-core-hedt-broadwell-e', 'broadwell'],
  ['i7-6800K', 'intel-core-hedt-broadwell-e', 'broadwell'],
  ['i9-7980XE', 'intel-core-hedt-skylake-x', 'skylake_avx512'],
  ['i7-7800X', 'intel-core-hedt-skylake-x', 'skylake_avx512'],
  ['i9-9900X', 'intel-core-hedt-skylake-x', 'skylake_avx512'],
  ['i9-10980XE', 'intel-core-hedt-cascade-lake-x', 'cascadelake'],
  ['i9-10900X', 'intel-core-hedt-cascade-lake-x', 'cascadelake'],
  ['i3-8121U', 'intel-core-cannon-lake', 'cannonlake'],
  ['Core i3-8121U', 'intel-core-cannon-lake', 'cannonlake'],
  ['i7-1065G7', 'intel-core-ice-lake-mobile', 'icelake'],
  ['i3-1005G1', 'intel-core-ice-lake-mobile', 'icelake'],
  ['i7-920', 'intel-core-1st-gen', 'nehalem'],
  ['i5-750', 'intel-core-1st-gen', 'nehalem'],
  ['i7-620M', 'intel-core-1st-gen', 'nehalem'],
  ['i7-2600K', 'intel-core-2nd-gen', 'sandybridge'],
  ['i5-2500', 'intel-core-2nd-gen', 'sandybridge'],
  ['i7-3770K', 'intel-core-3rd-gen', 'ivybridge'],
  ['i5-3320M', 'intel-core-3rd-gen', 'ivybridge'],
  ['i7-4770K', 'intel-core-4th-gen', 'haswell'],
  ['Core i7-4930MX', 'intel-core-4th-gen', 'haswell'],
  ['i5-4200U', 'intel-core-4th-gen', 'haswell'],
  ['i7-5775C', 'intel-core-5th-gen', 'broadwell'],
  ['i5-5200U', 'intel-core-5th-gen', 'broadwell'],
  ['i7-6700K', 'intel-core-6th-gen', 'skylake'],
  ['i5-6500', 'intel-core-6th-gen', 'skylake'],
  ['i7-7700K', 'intel-core-7th-10th-gen', 'skylake'],
  ['i7-7740X', 'intel-core-7th-10th-gen', 'skylake'],
  ['i9-9900K', 'intel-core-7th-10th-gen', 'skylake'],
  ['i9-10900K', 'intel-core-7th-10th-gen', 'skylake'],
  ['i7-10510U', 'intel-core-7th-10th-gen', 'skylake'],
  ['i7-1165G7', 'intel-core-11th-gen', 'icelake'],
  ['i9-11900K', 'intel-core-11th-gen', 'icelake'],
  ['i7-11800H', 'intel-core-11th-gen', 'icelake'],
  ['i7-12700K', 'intel-core-12th-gen', 'alderlake'],
  ['i5-1235U', 'intel-core-12th-gen', 'alderlake'],
  ['i9-13900K', 'intel-core-13th-14th-gen', 'alderlake'],
  ['i7-14700HX', 'intel-core-13th-14th-gen', 'alderlake'],
  ['Core 7 150U', 'intel-core-series-1', 'alderlake'],
  ['Core 5 120U', 'intel-core-series-1', 'alderlake'],
  ['Core Ultra 7 155H', 'intel-core-ultra-series-1', 'alderlake'],
  ['Intel Core Ultra 5 125U', 'intel-core-ultra-series-1', 'alderlake'],
  ['Core Ultra 7 255H', 'intel-core-ultra-series-2-mobile', 'arrowlake'],
  ['Core Ultra 5 225U', 'intel-core-ultra-series-2-mobile', 'arrowlake'],
  ['Core Ultra 9 285K', 'intel-core-ultra-series-2', 'arrowlake_s'],
  ['Core Ultra 7 258V', 'intel-core-ultra-series-2', 'arrowlake_s'],
  ['Core 2 Quad Q6600', 'intel-core-2', 'core2'],
  ['Core 2 Duo E8400', 'intel-core-2', 'core2'],
  // Pentium / Celeron / Atom / Intel N
  ['Intel N100', 'intel-n-series', 'alderlake'],
  ['N305', 'intel-n-series', 'alderlake'],
  ['Intel N97', 'intel-n-series', 'alderlake'],
  ['Core i3-N305', 'intel-core-i3-n', 'alderlake'],
  ['i3-N300', 'intel-core-i3-n', 'alderlake'],
  ['Pentium Gold G7400', 'intel-pentium-celeron-g-alder-lake', 'alderlake'],
  ['Celeron G6900', 'intel-pentium-celeron-g-alder-lake', 'alderlake'],
  ['Pentium G4560', 'intel-pentium-g', 'nehalem'],
  ['Pentium Gold G6400', 'intel-pentium-g', 'nehalem'],
  ['Pentium G620', 'intel-pentium-g', 'nehalem'],
  ['Celeron G5905', 'intel-celeron-g', 'nehalem'],
  ['Celeron G1840', 'intel-celeron-g', 'nehalem'],
  ['Celeron 3865U', 'intel-pentium-celeron-mobile', 'nehalem'],
  ['Pentium Gold 4415Y', 'intel-pentium-celeron-mobile', 'nehalem'],
  ['Celeron J4125', 'intel-pentium-celeron-atom-class', 'westmere'],
  ['N5105', 'intel-pentium-celeron-atom-class', 'westmere'],
  ['Pentium Silver N6000', 'intel-pentium-celeron-atom-class', 'westmere'],
  ['Celeron J1900', 'intel-pentium-celeron-atom-class', 'westmere'],
  ['Pentium E5300', 'intel-pentium-celeron-core2', 'core2'],
  ['Celeron E3300', 'intel-pentium-celeron-core2', 'core2'],
  ['Atom N270', 'intel-atom-bonnell-32bit', 'prescott'],
  ['Atom Z530', 'intel-atom-bonnell-32bit', 'prescott'],
  ['Atom D525', 'intel-atom-bonnell', 'core2'],
  ['Atom N2800', 'intel-atom-bonnell', 'core2'],
  ['Atom 330', 'intel-atom-bonnell', 'core2'],
  ['Atom C2750', 'intel-atom-silvermont-tremont', 'westmere'],
  ['Atom C3758', 'intel-atom-silvermont-tremont', 'westmere'],
  ['Atom x5-Z8350', 'intel-atom-silvermont-tremont', 'westmere'],
  ['Atom x6425E', 'intel-atom-silvermont-tremont', 'westmere'],
  // AMD EPYC: the last digit is the generation
  ['EPYC 7551', 'amd-epyc-7001', 'zen'],
  ['EPYC 7401P', 'amd-epyc-7001', 'zen'],
  ['EPYC 7742', 'amd-epyc-7002', 'zen2'],
  ['EPYC 7F72', 'amd-epyc-7002', 'zen2'],
  ['AMD EPYC 7763 64-Core Processor', 'amd-epyc-7003', 'zen3'],
  ['EPYC 75F3', 'amd-epyc-7003', 'zen3'],
  ['EPYC 7773X', 'amd-epyc-7003', 'zen3'],
  ['EPYC 9754', 'amd-epyc-9004-bergamo', 'zen4'],
  ['EPYC 9734', 'amd-epyc-9004-bergamo', 'zen4'],
  ['EPYC 9654', 'amd-epyc-9004', 'zen4'],
  ['EPYC 9684X', 'amd-epyc-9004', 'zen4'],
  ['EPYC 9124', 'amd-epyc-9004', 'zen4'],
  ['EPYC 8534P', 'amd-epyc-8004', 'zen4'],
  ['EPYC 8124P', 'amd-epyc-8004', 'zen4'],
  ['EPYC 4564P', 'amd-epyc-4004', 'zen4'],
  ['EPYC 4124P', 'amd-epyc-4004', 'zen4'],
  ['EPYC 9965', 'amd-epyc-9005', 'zen5'],
  ['EPYC 9575F', 'amd-epyc-9005', 'zen5'],
  ['EPYC 4585PX', 'amd-epyc-4005', 'zen5'],
  ['EPYC 4245P', 'amd-epyc-4005', 'zen5'],
  ['EPYC 3251', 'amd-epyc-3001', 'zen'],
  ['EPYC 3451', 'amd-epyc-3001', 'zen'],
  // Ryzen and Threadripper by series digits
  ['Ryzen 7 1800X', 'amd-ryzen-1000', 'zen'],
  ['Ryzen 5 1600', 'amd-ryzen-1000', 'zen'],
  ['Ryzen 7 2700X', 'amd-ryzen-2000', 'zen'],
  ['Ryzen 5 2400G', 'amd-ryzen-2000', 'zen'],
  ['Ryzen 5 3400G', 'amd-ryzen-3000-apu', 'zen'],
  ['Ryzen 7 3700U', 'amd-ryzen-3000-apu', 'zen'],
  ['Ryzen 9 3950X', 'amd-ryzen-3000', 'zen2'],
  ['Ryzen 5 3600', 'amd-ryzen-3000', 'zen2'],
  ['Ryzen 7 4800H', 'amd-ryzen-4000', 'zen2'],
  ['Ryzen 5 4600G', 'amd-ryzen-4000', 'zen2'],
  ['Ryzen 5 5500U', 'amd-ryzen-5000-lucienne', 'zen2'],
  ['Ryzen 7 5700U', 'amd-ryzen-5000-lucienne', 'zen2'],
  ['Ryzen 7 5800X3D', 'amd-ryzen-5000', 'zen3'],
  ['Ryzen 5 5600U', 'amd-ryzen-5000', 'zen3'],
  ['Ryzen 7 5700G', 'amd-ryzen-5000', 'zen3'],
  ['Ryzen 7 6800H', 'amd-ryzen-6000', 'zen3'],
  ['Ryzen 5 6600U', 'amd-ryzen-6000', 'zen3'],
  ['Ryzen 5 7520U', 'amd-ryzen-7000-mobile-zen2', 'zen2'],
  ['Ryzen 3 7320U', 'amd-ryzen-7000-mobile-zen2', 'zen2'],
  ['Ryzen 7 7730U', 'amd-ryzen-7000-mobile-zen3', 'zen3'],
  ['Ryzen 7 7735HS', 'amd-ryzen-7000-mobile-zen3', 'zen3'],
  ['Ryzen 7 7840HS', 'amd-ryzen-7000-mobile-zen4', 'zen4'],
  ['Ryzen 9 7945HX', 'amd-ryzen-7000-mobile-zen4', 'zen4'],
  ['Ryzen 5 7640U', 'amd-ryzen-7000-mobile-zen4', 'zen4'],
  ['Ryzen 5 7600', 'amd-ryzen-7000', 'zen4'],
  ['Ryzen 7 7800X3D', 'amd-ryzen-7000', 'zen4'],
  ['Ryzen 9 7950X', 'amd-ryzen-7000', 'zen4'],
  ['Ryzen 7 8700G', 'amd-ryzen-8000', 'zen4'],
  ['Ryzen 7 8840U', 'amd-ryzen-8000', 'zen4'],
  ['Ryzen 9 9950X', 'amd-ryzen-9000', 'zen5'],
  ['Ryzen 7 9800X3D', 'amd-ryzen-9000', 'zen5'],
  ['Ryzen AI 9 HX 370', 'amd-ryzen-ai-300', 'zen5'],
  ['Ryzen AI Max+ 395', 'amd-ryzen-ai-300', 'zen5'],
  ['Ryzen AI 5 340', 'amd-ryzen-ai-300', 'zen5'],
  ['Threadripper 1950X', 'amd-threadripper-1000-2000', 'zen'],
  ['Ryzen Threadripper 2990WX', 'amd-threadripper-1000-2000', 'zen'],
  ['Threadripper 3990X', 'amd-threadripper-3000', 'zen2'],
  ['Threadripper PRO 3995WX', 'amd-threadripper-3000', 'zen2'],
  ['Threadripper PRO 5995WX', 'amd-threadripper-5000', 'zen3'],
  ['Threadripper PRO 5965WX', 'amd-threadripper-5000', 'zen3'],
  ['Threadripper 7980X', 'amd-threadripper-7000', 'zen4'],
  ['Threadripper PRO 7995WX', 'amd-threadripper-7000', 'zen4'],
  ['Threadripper 9980X', 'amd-threadripper-9000', 'zen5'],
  ['Threadripper PRO 9995WX', 'amd-threadripper-9000', 'zen5'],
  // FX and Opteron
  ['FX-8150', 'amd-fx-bulldozer', 'bulldozer'],
  ['FX-6200', 'amd-fx-bulldozer', 'bulldozer'],
  ['FX-8350', 'amd-fx-piledriver', 'piledriver'],
  ['FX-9590', 'amd-fx-piledriver', 'piledriver'],
  ['FX-8320E', 'amd-fx-piledriver', 'piledriver'],
  ['FX-7600P', 'amd-fx-steamroller', 'steamroller'],
  ['FX-7500', 'amd-fx-steamroller', 'steamroller'],
  ['FX-9800P', 'amd-fx-excavator', 'excavator'],
  ['FX-8800P', 'amd-fx-excavator', 'excavator'],
  ['Opteron 275', 'amd-opteron-k8', 'x86_64'],
  ['Opteron 2218', 'amd-opteron-k8', 'x86_64'],
  ['Opteron 2356', 'amd-opteron-k10', 'k10'],
  ['Opteron 6174', 'amd-opteron-k10', 'k10'],
  ['Opteron 8439 SE', 'amd-opteron-k10', 'k10'],
  ['Opteron 6272', 'amd-opteron-bulldozer', 'bulldozer'],
  ['Opteron 3280', 'amd-opteron-bulldozer', 'bulldozer'],
  ['Opteron 6380', 'amd-opteron-piledriver', 'piledriver'],
  ['Opteron 4334', 'amd-opteron-piledriver', 'piledriver'],
  // hypervisor CPU models
  ['-cpu kvm64', 'qemu-kvm64', null],
  ['kvm64', 'qemu-kvm64', null],
  ['qemu64', 'qemu-qemu64', null],
  ['-cpu qemu64,+ssse3', 'qemu-qemu64', null],
  ['-cpu host', 'qemu-host', null],
  ['host-passthrough', 'qemu-host', null],
];

describe('every family rule, walked with real model numbers', () => {
  test.each(EXAMPLES.map((e) => [e[0], e] as const))('%s', (_t, [typed, id, node]) => {
    const text = `my ${typed} box crashes on boot`;
    const m = identifyCpu(c, text);
    expect(m, typed).not.toBeNull();
    expect(m!.family.rule.id).toBe(id);
    expect(m!.family.rule.microarchitecture).toBe(node);
    // the span is where the model is, brand words included, and nothing of the sentence around it
    expect(text.slice(m!.start, m!.end)).toBe(m!.typed);
    // the longest word with a digit is the model number ("Q6600", "E5-2670", "qemu64")
    const number = typed.split(/[\s,]+/).filter((w) => /\d/.test(w) && !/ghz|-core/i.test(w)).reduce((a, w) => (w.length > a.length ? w : a), '') || 'host';
    expect(m!.typed).toContain(number);
    expect(m!.typed).not.toMatch(/\b(my|box|crashes)\b/);
    if (node) {
      const expected = levelOf(nodes.get(node)!.features);
      expect(ancestryLevel(node)).toBe(expected);
      expect(m!.family.level).toBe(expected);
    }
  });

  it('covers every rule with at least two real model numbers', () => {
    for (const f of c.cpuFamilies.families) {
      expect(EXAMPLES.filter((e) => e[1] === f.rule.id).length, f.rule.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('computes each virtual CPU level from its own feature list, and leaves `host` without one', () => {
    for (const f of c.cpuFamilies.families.filter((x) => x.rule.kind === 'virtual-cpu')) {
      expect(f.level).toBe(f.rule.features ? levelOf(f.rule.features) : null);
    }
    expect(c.cpuFamilies.families.find((f) => f.rule.id === 'qemu-kvm64')!.level).toBe('x86-64-v1');
  });
});

describe('the vN of a Xeon E3/E5/E7 is a generation, never a level', () => {
  const generational = EXAMPLES.filter(([t]) => /^(Xeon |e)?e[357][\s-]*\d{4}[a-z]?\s*v\d/i.test(t.replace(/^Intel\(R\) Xeon\(R\) CPU /, '')));

  it('walks every generation', () => {
    expect(new Set(generational.map((g) => /v(\d)/i.exec(g[0])![1])).size).toBe(5);
  });

  test.each(generational.map((g) => [g[0], g] as const))('%s', (_t, [typed, , node]) => {
    const m = identifyCpu(c, typed)!;
    expect(m.family.level).toBe(levelOf(nodes.get(node!)!.features));
    // the same model with any other suffix is a different family, or none: the suffix picks the node
    const other = identifyCpu(c, typed.replace(/v(\d)/i, (_, d: string) => `v${(Number(d) % 6) + 1}`));
    if (other) expect(other.family.rule.id).not.toBe(m.family.rule.id);
  });

  it('says Broadwell (x86-64-v3) for the E5-2680 v4, whatever the sentence around it', () => {
    for (const t of ['E5-2680 v4', 'does my Xeon E5-2680 v4 support x86-64-v4?', 'E5-2680v4 on RHEL 10']) {
      const m = identifyCpu(c, t)!;
      expect(m.model).toBe('Intel Xeon E5-2680 v4');
      expect(m.family.rule.codename).toBe('Broadwell-EP');
      expect(m.family.level).toBe('x86-64-v3');
    }
  });

  it('knows no E5 v5 or v6', () => {
    expect(identifyCpu(c, 'E5-2680 v5')).toBeNull();
    expect(identifyCpu(c, 'E5-2680 v6')).toBeNull();
  });
});

describe('agreement with Azure’s own CPU records', () => {
  it('gives the level Azure’s record gives, for every Azure x64 CPU a family rule recognises', () => {
    let compared = 0;
    for (const cpu of c.cpus.values()) {
      if (cpu.model.arch !== 'x64') continue;
      for (const name of [cpu.model.model, ...cpu.model.keys]) {
        const m = identifyCpu(c, name);
        if (!m) continue;
        compared++;
        expect(m.family.level, `${cpu.model.model} as "${name}" (${m.family.rule.id})`).toBe(cpu.level);
      }
    }
    // nearly every Azure x64 processor is recognised by some rule, so the comparison is not vacuous
    expect(compared).toBeGreaterThan(80);
  });
});

describe('what is not a CPU model', () => {
  test.each([
    'x86-64-v4',
    'which sizes guarantee x86-64-v3?',
    'Standard_D4s_v5',
    'can I run rhel 10 on a D2s v3?',
    'E2s v5',
    'Dasv5 vs Easv5',
    'i7',
    'EPYC',
    'Ryzen 7',
    'Gold',
    'what is azure linux 4.0 based on?',
    'N95 mask',
    'host',
    'kvm',
  ])('%s', (text) => {
    expect(identifyCpus(c, text)).toEqual([]);
  });
});

describe('several models in one sentence', () => {
  it('finds them left to right with their spans', () => {
    const text = 'E5-2680 v4 vs EPYC 7763 vs i7-4770K';
    const found = identifyCpus(c, text);
    expect(found.map((m) => m.model)).toEqual(['Intel Xeon E5-2680 v4', 'AMD EPYC 7763', 'Intel Core i7-4770K']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.typed);
  });

  it('writes the model as the vendor does, whatever the typing', () => {
    expect(identifyCpu(c, 'i7 4770k')!.model).toBe('Intel Core i7-4770K');
    expect(identifyCpu(c, 'xeon gold 6248')!.model).toBe('Intel Xeon Gold 6248');
    expect(identifyCpu(c, 'Intel(R) Celeron(R) G6900')!.model).toBe('Intel Celeron G6900');
    expect(identifyCpu(c, 'ryzen ai max+ 395')!.model).toBe('AMD Ryzen AI Max+ 395');
  });
});
