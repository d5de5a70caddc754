// Hand-curated additions to the reference: everything the importer does not read mechanically from
// reference/ lives here, each entry with the reference note it comes from. Caveats are
// written in our own words; the reference's prose `notes` are read, never copied.
//
// Abbreviations used in the comments:
//   AVN  = notes/azure-vm-notes.md        CLN = notes/cpu-levels-notes.md     DN = notes/distro-notes.md
//   VMS  = azure-vm-series.json (per-series `notes`)   GEN = azure-vm-generations.json (per-series `notes`)
//   CPU  = cpu-models.json / cpu-models-extra.json (levelDerivation, notes)   DJ = distros.json (release notes)

import type { RefDistroRelease, RefRepoFile, RefVmSeries } from './reference/types.js';

/** Date the reference set was compiled (CLN header "written 2026-11-27"; AVN §9 "added 2026-11-27").
 * Used as the `asOf` of each table and of every source that carries no date of its own. */
export const REFERENCE_COMPILED = '2026-11-27';

// ---------------------------------------------------------------------------------------------------
// Dates for distro sources. distros.json gives no per-source date; DN's table "The main snapshots used"
// dates the stores the facts were read from. A source gets a snapshot date only when its address clearly
// belongs to that snapshot; everything else gets REFERENCE_COMPILED.
export const DISTRO_SOURCE_SNAPSHOTS: ReadonlyArray<{ pattern: RegExp; asOf: string; snapshot: string }> = [
  // DN: microsoft/azurelinux git mirror, newest commit 2026-04-30 (files, branches and commits only;
  // issues, pull requests and release pages are not part of a git mirror)
  {
    pattern: /^https:\/\/github\.com\/microsoft\/azurelinux\/(blob|tree|commit)\//,
    asOf: '2026-04-30',
    snapshot: 'microsoft/azurelinux git mirror',
  },
  // DN: MicrosoftDocs/azure-management-docs (source of learn.microsoft.com/azure/azure-linux), 2026-08-20
  {
    pattern: /^https:\/\/(learn\.microsoft\.com\/en-us\/azure\/azure-linux\/|github\.com\/MicrosoftDocs\/azure-management-docs\/)/,
    asOf: '2026-08-20',
    snapshot: 'MicrosoftDocs/azure-management-docs',
  },
  // DN: endoflife-date/endoflife.date product data, 2026-08-22
  { pattern: /^https:\/\/endoflife\.date\//, asOf: '2026-08-22', snapshot: 'endoflife.date product data' },
];

// ---------------------------------------------------------------------------------------------------
// VM series

/** The lifecycle page the retirement texts cite (AVN §1.7: "sizes/lifecycle/retirements-and-capacity-
 * restrictions.md (commit 680de971, 2026-09-24)"). Full commit and path confirmed in the stored docs index;
 * the Ev3 page was read at the same commit (VMS, Ev3). */
export const LIFECYCLE_PAGE = {
  repo: 'MicrosoftDocs/azure-compute-docs',
  path: 'articles/virtual-machines/sizes/lifecycle/retirements-and-capacity-restrictions.md',
  commit: '680de9713fdd3fde858f4083d88145627149ebeb',
  date: '2026-09-24',
} as const;

/** Series whose images must support NVMe disks (VMS notes "NVMe-only OS images", GEN notes "NVMe-capable
 * OS images only", VMS Lsv4 "needs NVMe-capable OS images"). The importer checks this list against the notes. */
export const NVME_ONLY_IMAGE_SERIES: readonly string[] = [
  'Dsv7',
  'Ddsv7',
  'Dlsv7',
  'Dldsv7',
  'Dasv6',
  'Dadsv6',
  'Dalsv6',
  'Daldsv6',
  'Dasv7',
  'Dadsv7',
  'Dalsv7',
  'Daldsv7',
  'Dpdsv6',
  'Dpldsv6',
  'Fasv6',
  'Falsv6',
  'Famsv6',
  'Fasv7',
  'Fadsv7',
  'Famsv7',
  'Famdsv7',
  'Falsv7',
  'Faldsv7',
  'Easv6',
  'Eadsv6',
  'Epdsv6',
  'Easv7',
  'Eadsv7',
  'Esv7',
  'Edsv7',
  'Lsv4',
];

const GB_LIKE_G_GS =
  'A retired-sizes list from January 2024 already showed G and GS as retired, while the 2025-2026 lists show the retirement as announced for 2028-11-15; the later lists are followed.';
// CPU (AMD Opteron 4171 HE, Intel Xeon E5-2660: azureSeries, 2018 benchmark page); AVN §4 "No processor in any stored doc"
const CLASSIC_A_HOSTS =
  'A 2018 Microsoft benchmark page showed classic A-series VMs on the AMD Opteron 4171 HE (x86-64-v1) and the Intel Xeon E5-2660 (x86-64-v2). No size page names a processor, so nothing is guaranteed; expect no more than x86-64-v1.';
// CPU (Intel Xeon E5-2660: "A0-A7 and Av2 (historical, per 2018 benchmark page)"); SERIES_EXTRA_PROCESSORS below
const AV2_HISTORICAL =
  "Microsoft's 2018 benchmark tables measured every Av2 size on the Sandy Bridge Xeon E5-2660 (x86-64-v2) as well as on newer hosts. Current Av2 pages do not name it, but nothing says those hosts are gone, so Av2 guarantees only x86-64-v2.";
// CPU (Intel Xeon E5-2698B v3: azureSeries "G/GS"); AVN §4 "only indirect: Ls has the same CPU performance as G/GS"
const G_GS_HOSTS =
  'G and GS are tied to the Haswell Xeon E5-2698B v3 (x86-64-v3) only indirectly, through the Ls page; no G or GS page names a processor, so no level is guaranteed.';
const N_SERIES_2023 =
  'Microsoft sources give two retirement dates: 2023-09-06 in the lifecycle lists and August 31, 2023 on an Azure Machine Learning page; the lifecycle date is used.';
const NV_V3_V4_ANNOUNCED =
  'The retirement announcement is dated 2026-04-15 in the 2025 list but 2025-04-15 in the 2026 lifecycle table; the retirement date itself (2026-09-30) agrees.';
const PREVIEW_2023 = 'Documented only on 2023 public-preview pages; no current size page for this series was found.';
const PREVIEW_2020 = 'Documented only on a 2020 preview sign-up page; no later page or lifecycle entry was found.';
const PAGE_STILL_PREVIEW = 'The page version used still calls the series preview; a newer version may describe it as generally available.';

/** Documentation disagreements and gaps, per series (AVN §4 and §5, VMS and GEN notes). */
export const SERIES_CAVEATS: Readonly<Record<string, readonly string[]>> = {
  // AVN §5 "Same size, two spellings": Bv1
  Bv1: [
    'The page spells the smallest size two ways (Standard_B1ls2 in the size table, Standard_B1ls in the CPU-credit table); the size-table spelling is used.',
  ],
  // AVN §5 "Dsv2 feature list"; AVN §9.2 "DSv2 pages disagree"
  Dsv2: [
    'The Dsv2 feature list says Premium Storage is not supported, although the size names carry the premium-storage letter "s" and the page has a Premium SSD table.',
    'The Dsv2 page says Generation 1 only, while the DSv2 11-15 section of another page lists Generations 1 and 2.',
  ],
  'DSv2 (11-15)': ['This section lists Generations 1 and 2, while the Dsv2 page (DS1-DS5 v2) says Generation 1 only.'],
  // AVN §5 Dasv4
  Dasv4: ['The Dasv4 specs label the EPYC 7763v as Genoa; every other Azure page calls it Milan (Zen 3), and it is treated as Milan here.'],
  // AVN §5 Dlsv7 / Dldsv7, VMS Dlsv7 / Dldsv7
  Dlsv7: [
    'Two sizes break the 2 GiB-per-vCPU pattern on the size page (Standard_D64ls_v7 at 126 GiB, Standard_D96ls_v7 at 384 GiB), probably typos; a second, draft-looking Dlsv7 page gives 4 GiB per vCPU for every size. Memory here is as the main page prints it.',
  ],
  Dldsv7: ['Standard_D64lds_v7 (126 GiB) and Standard_D96lds_v7 (384 GiB) break the 2 GiB-per-vCPU pattern, as on the Dlsv7 page; memory here is as printed.'],
  // AVN §5 Fsv2
  Fsv2: ['The Fsv2 summary names three possible processors but its specs list four (adding the Emerald Rapids Platinum 8573C); all four are included.'],
  // AVN §5 Ebsv5; GEN Ebsv5 / Ebdsv5 (NVMe only on Generation 2)
  Ebsv5: [
    'The Ebsv5 page contradicts itself about the CPU: its text names the Cascade Lake Platinum 8272CL, its FAQ says NVMe sizes run only on Ice Lake, and its specs list the Ice Lake 8370C and the Emerald Rapids 8573C. All three are included.',
    'The NVMe disk interface works only on Generation 2 VMs; Standard_E112ibs_v5 is NVMe-only.',
  ],
  Ebdsv5: [
    'The page text names only the Ice Lake 8370C for Ebdsv5, while the specs file lists Ice Lake and Emerald Rapids; both are included.',
    'The NVMe disk interface works only on Generation 2 VMs; Standard_E112ibds_v5 is NVMe-only.',
  ],
  // AVN §5 "Same size, two spellings": Mbsv4, Mbdsv4, HBv5
  Mbsv4: [
    'One size is spelled two ways on the page (Standard_M304bs_2_v4 in the size table, Standard_M304bs_4_v4 in the storage and network tables); the size-table spelling is used.',
  ],
  Mbdsv4: ['The network table misspells three sizes (Standard_M48bds_v3, Standard_128bds_3_v4 and Standard_176bds_4_v4); the size-table names are used.'],
  HBv5: [
    'Two sizes are also spelled Standard_HB368_336rsv5 and Standard_HB368_288rsv5 in the storage and network tables; the size-table spellings (with a hyphen and _v5) are used.',
    'The size table gives 432 GB of memory, the specs 450 GB.',
  ],
  // AVN §5 "Table vs specs range"
  Esv6: ['Standard_E192is_v6 lists 1,832 GiB although the specs give 1,024 GiB as the series maximum.'],
  Edsv6: [
    'Standard_E192ids_v6 lists 1,832 GiB although the specs give 1,024 GiB as the series maximum.',
    'Whether the page version used is the newest could not be confirmed.',
  ],
  Mbsv3: ['The specs give a range up to 416 vCPUs and 3,800 GiB, while the largest size listed has 176 vCPUs and 1,536 GiB.'],
  HC: ['The specs give 32-44 vCPUs, yet the page also lists the 16-vCPU constrained size Standard_HC44-16rs.'],
  'Mdsv3 Very High Memory': [
    'Standard_M896ixds_24_v3 (23,088 GiB) is on the current page but missing from the specs file.',
    // GEN notes: only certain Generation 2 images
    'Only a short list of Generation 2 images is supported (the page names Windows Server 2022 Datacenter, SLES 15 SP4 or later, RHEL 8.8 or later and Ubuntu 23.10 or later).',
  ],
  M: ['The specs give 218.75 GiB as the smallest memory, but Standard_M32ts has 192 GiB.'],
  // AVN §4 and §5 NC RTX PRO
  NC_RTXPRO6000BSE_v6: [
    'The specs give 32-320 vCPUs, but the sizes listed have 128-320.',
    'Page versions disagree: a November 2025 version listed 14 sizes (including 16-64 vCPU and memory-optimized sizes); the December 2025 version used here lists six.',
  ],
  // AVN §5 "Page/include mix-ups"
  DCesv6: ['On the DCesv6 page the summary and specs come from include files named after DCesv5; a separate DCesv6 specs file gives the same CPU.'],
  DCedsv6: ['The caption of the DCedsv6 size table names DCesv6, a slip on the page.'],
  Ebdsv6: [
    'The Ebdsv6 page reuses the Edsv6 summary and specs, and its local-storage table shows Edsv6 size names; this data uses the separate Ebdsv6 specs file.',
  ],
  ND_GB200_v6: ['The remote-storage table gives 316 data disks where the specs say 16.'],
  // AVN §5 "Retirement lists disagree over time"
  G: [GB_LIKE_G_GS, G_GS_HOSTS],
  GS: [GB_LIKE_G_GS, G_GS_HOSTS],
  A: [CLASSIC_A_HOSTS],
  'Basic A': [CLASSIC_A_HOSTS],
  Av2: [AV2_HISTORICAL],
  NC: [N_SERIES_2023],
  NCv2: [N_SERIES_2023],
  ND: [N_SERIES_2023],
  NV: [N_SERIES_2023],
  NVv3: [NV_V3_V4_ANNOUNCED],
  NVv4: [NV_V3_V4_ANNOUNCED],
  // AVN §5 naming oddities
  'Msv4 Medium Memory': [
    'Size names use the letters "ls" (e.g. Standard_M16ls_v4), which elsewhere mark low-memory sizes, although the series is Medium Memory.',
  ],
  'Mdsv4 Medium Memory': [
    'Size names use the letters "lds" (e.g. Standard_M16lds_v4), which elsewhere mark low-memory sizes, although the series is Medium Memory.',
  ],
  NDasrA100_v4: ['Its size name, Standard_ND96asr_v4, has no A100 accelerator segment.'],
  NGads_V620: ['Size names end in _V620_v1, spelling out version 1.'],
  NMads_MA35D: ['The size name, Standard_NM16ads_MA35D, has no version suffix.'],
  FX: ['Size names have no version suffix (version 1).'],
  // VMS Mv2: summary names one CPU, specs two
  Mv2: ['The summary names only the Skylake Platinum 8180M; the specs add a Sapphire Rapids part.'],
  // VMS Fs: processor carried over from the F section
  Fs: ['The Fs section names no CPU of its own; the F-series processor is assumed, since the page describes Fs as F with premium storage.'],
  // AVN §4 gaps
  Dav3: [PREVIEW_2020],
  Dasv3: [PREVIEW_2020],
  DCesv5: [PREVIEW_2023],
  DCedsv5: [PREVIEW_2023],
  ECesv5: [PREVIEW_2023],
  ECedsv5: [PREVIEW_2023],
  Ddsv6: ['Two versions of the page disagree: one stops at Standard_D128ds_v6, the other (used here, matching the specs) also lists Standard_D192ds_v6.'],
  Ddsv5: ['Whether the page version used is the newest could not be confirmed.'],
  Fasv6: [PAGE_STILL_PREVIEW],
  Falsv6: [PAGE_STILL_PREVIEW],
  NVv2: ['No retirement statement was found for this old series.'],
  H: ['No retirement statement was found for this old series.'],
  // GEN ND H100 v5
  ND_H100_v5: ['Its page requires Generation 2 and images from the Marketplace.'],
};

// ---------------------------------------------------------------------------------------------------
// CPU models

/** Search keys per model. Model numbers in the spellings people type; codenames only where the
 * codename names exactly one model in the table (Naples, Milan-X, Genoa-X, Turin, Haswell-EX, K10). */
export const CPU_KEYS: Readonly<Record<string, readonly string[]>> = {
  'AMD Opteron 4171 HE': ['4171 HE', 'Opteron 4171 HE', 'Opteron 4171', 'K10'],
  'Intel Xeon E5-2660': ['E5-2660', 'Xeon E5-2660'],
  'Intel Xeon E5-2670': ['E5-2670', 'Xeon E5-2670'],
  'Intel Xeon E5-2660 v2': ['E5-2660 v2', 'Xeon E5-2660 v2'],
  'Intel Xeon E5-2673 v2': ['E5-2673 v2', 'Xeon E5-2673 v2'],
  'Intel Xeon E5-2673 v3': ['E5-2673 v3', 'Xeon E5-2673 v3'],
  'Intel Xeon E5-2690 v3': ['E5-2690 v3', 'Xeon E5-2690 v3'],
  'Intel Xeon E5-2667 v3': ['E5-2667 v3', 'Xeon E5-2667 v3'],
  'Intel Xeon E5-2698B v3': ['E5-2698B v3', 'Xeon E5-2698B v3'],
  'Intel Xeon E7-8890 v3': ['E7-8890 v3', 'Xeon E7-8890 v3', 'Haswell-EX'],
  'Intel Xeon E5-2673 v4': ['E5-2673 v4', 'Xeon E5-2673 v4'],
  'Intel Xeon E5-2690 v4': ['E5-2690 v4', 'Xeon E5-2690 v4'],
  'Intel Xeon E5-2667 v4': ['E5-2667 v4', 'Xeon E5-2667 v4'],
  'Intel Xeon Platinum 8171M': ['8171M', 'Platinum 8171M', 'Xeon 8171M'],
  'Intel Xeon Platinum 8168': ['8168', 'Platinum 8168', 'Xeon 8168'],
  'Intel Xeon Platinum 8180M': ['8180M', 'Platinum 8180M', 'Xeon 8180M'],
  'Intel Xeon Platinum 8272CL': ['8272CL', 'Platinum 8272CL', 'Xeon 8272CL'],
  'Intel Xeon Platinum 8280': ['8280', 'Platinum 8280', 'Xeon 8280'],
  'Intel Xeon Platinum 8280M': ['8280M', 'Platinum 8280M', 'Xeon 8280M'],
  'Intel Xeon Gold 6246R': ['6246R', 'Gold 6246R', 'Xeon 6246R'],
  'Intel Xeon Platinum 8370C': ['8370C', 'Platinum 8370C', 'Xeon 8370C'],
  'Intel Xeon Platinum 8473C': ['8473C', 'Platinum 8473C', 'Xeon 8473C'],
  'Intel Xeon Platinum 8480C': ['8480C', 'Platinum 8480C', 'Xeon 8480C'],
  'Intel Xeon (Sapphire Rapids, 4th Gen Xeon Scalable) - model not stated': ['4th Gen Xeon Scalable', '4th Generation Xeon Scalable', 'Xeon 4th Gen Scalable'],
  'Intel Xeon Platinum 8573C': ['8573C', 'Platinum 8573C', 'Xeon 8573C'],
  'Intel Xeon 6 6973PC': ['6973PC', 'Xeon 6 6973PC', 'Xeon 6973PC'],
  'Intel Xeon 6 (Granite Rapids, 6th Gen Xeon Scalable) - model not stated': ['6th Gen Xeon Scalable', '6th Generation Xeon Scalable', 'Xeon 6th Gen Scalable'],
  'Intel Xeon E-2288G': ['E-2288G', '2288G', 'Xeon E-2288G'],
  'Intel Xeon E-2176G': ['E-2176G', '2176G', 'Xeon E-2176G'],
  'AMD EPYC 7551': ['7551', 'EPYC 7551', 'Naples'],
  'AMD EPYC 7452': ['7452', 'EPYC 7452'],
  'AMD EPYC 7V12': ['7V12', 'EPYC 7V12'],
  'AMD EPYC 7763v': ['7763v', 'EPYC 7763v'],
  'AMD EPYC 7763': ['7763', 'EPYC 7763'],
  'AMD EPYC 7V13': ['7V13', 'EPYC 7V13'],
  'AMD EPYC 74F3v': ['74F3v', 'EPYC 74F3v'],
  'AMD EPYC 7V73X': ['7V73X', 'EPYC 7V73X', 'Milan-X'],
  'AMD EPYC 9004 (Genoa) - model not stated': ['EPYC 9004', '9004'],
  'AMD EPYC 9V74': ['9V74', 'EPYC 9V74'],
  'AMD EPYC 9V64 F': ['9V64 F', 'EPYC 9V64 F'],
  'AMD EPYC 9V33X': ['9V33X', 'EPYC 9V33X', 'Genoa-X'],
  'AMD EPYC 4th Gen with HBM (HBv5 custom part) - model not stated': ['EPYC with HBM', 'EPYC HBM'],
  'AMD EPYC 9005 (Turin) - model not stated': ['EPYC 9005', '9005', 'Turin'],
  'Ampere Altra': ['Altra', 'Ampere Altra'],
  'Azure Cobalt 100': ['Cobalt 100', 'Azure Cobalt 100'],
  'Azure Cobalt 200': ['Cobalt 200', 'Azure Cobalt 200'],
  'NVIDIA Grace': ['Grace', 'NVIDIA Grace', 'Grace CPU'],
  'Intel Xeon (Broadwell) - model not stated': ['Xeon Broadwell'],
  'Intel Xeon E5 v3 (Haswell) - model not stated': ['Xeon E5 v3', 'E5 v3 family'],
  'Intel Xeon (Ice Lake, 3rd Gen Xeon Scalable) - model not stated': ['3rd Gen Xeon Scalable', '3rd Generation Xeon Scalable'],
  'Intel Xeon (Emerald Rapids, 5th Gen Xeon Scalable) - model not stated': ['5th Gen Xeon Scalable', '5th Generation Xeon Scalable'],
  'Intel Xeon Platinum 8490H': ['8490H', 'Platinum 8490H', 'Xeon 8490H'],
  'AMD EPYC 3rd Gen (Milan) - model not stated': ['3rd Gen EPYC', '3rd Generation EPYC'],
  'AMD EPYC 7452V': ['7452V', 'EPYC 7452V'],
};

/** Where archspec's feature list is known to be short, flags added so `features` is truthful. */
export const CPU_FEATURE_GAPS: Readonly<Record<string, { add: readonly string[]; caveat: string }>> = {
  // CPU levelDerivation.observedCpuinfo + CLN §4: k10 omits lahf_lm and popcnt; the guest sample shows
  // pni cx16 popcnt lahf_lm abm sse4a but no ssse3/sse4_1/sse4_2.
  'AMD Opteron 4171 HE': {
    add: ['pni', 'popcnt', 'lahf_lm'],
    caveat:
      "Features combine archspec's K10 entry with a third-party /proc/cpuinfo sample of this model, which adds pni, popcnt and lahf_lm; it still lacks SSSE3 and SSE4.1/4.2, so the level stays x86-64-v1.",
  },
  // CPU levelDerivation.note (E5-2660/E5-2670) + CLN §4: sandybridge omits xsave though the hardware has XSAVE/AVX.
  'Intel Xeon E5-2660': { add: ['xsave'], caveat: sandyBridgeXsave('Sandy Bridge') },
  'Intel Xeon E5-2670': { add: ['xsave'], caveat: sandyBridgeXsave('Sandy Bridge') },
  // archspec's ivybridge inherits the same gap from sandybridge (same AVX hardware, same omission).
  'Intel Xeon E5-2660 v2': { add: ['xsave'], caveat: sandyBridgeXsave('Ivy Bridge') },
  'Intel Xeon E5-2673 v2': { add: ['xsave'], caveat: sandyBridgeXsave('Ivy Bridge') },
};

function sandyBridgeXsave(core: string): string {
  return `archspec's ${core} entry omits xsave; it is added because these CPUs have AVX, which needs XSAVE. The level is unaffected: v3 also needs AVX2, FMA, BMI1/2, LZCNT and MOVBE, which they lack.`;
}

const EMERALD = 'archspec has no Emerald Rapids entry; the Sapphire Rapids feature set is used, which GCC also gives Emerald Rapids.';
const GRANITE =
  'archspec has no Granite Rapids entry; the Sapphire Rapids feature set is used as a lower bound (the extra Granite Rapids features do not change the level).';
const COFFEE = "archspec has no Coffee Lake entry; the Skylake client core's features (no AVX-512) are used.";

/** Other per-model caveats (CPU notes and levelDerivation notes, CLN §4, §5, §7). */
export const CPU_CAVEATS: Readonly<Record<string, readonly string[]>> = {
  'Intel Xeon Platinum 8573C': [EMERALD],
  'Intel Xeon (Emerald Rapids, 5th Gen Xeon Scalable) - model not stated': [EMERALD],
  'Intel Xeon 6 6973PC': [GRANITE],
  'Intel Xeon 6 (Granite Rapids, 6th Gen Xeon Scalable) - model not stated': [GRANITE],
  'Intel Xeon E-2288G': [COFFEE],
  'Intel Xeon E-2176G': [COFFEE],
  'AMD EPYC 4th Gen with HBM (HBv5 custom part) - model not stated': [
    'Microsoft names only "4th Generation AMD EPYC" for this custom part with HBM memory; Zen 4 features are assumed from that label.',
  ],
  'Azure Cobalt 200': [
    "The core type (Neoverse V3) and Armv9.2-A come from third-party reports and from archspec's closest entry (neoverse_v3ae); no Azure page confirms them.",
  ],
  'AMD EPYC 9V74': [
    'A third-party report shows Azure VMs on this CPU without any AVX-512 flags, so such guests see only x86-64-v3 although the CPU itself is v4.',
  ],
  'Intel Xeon Platinum 8480C': [
    'Not named on a size page: Microsoft\'s benchmark guide reports it inside ND H100 v5 guests, whose size page says only "Sapphire Rapids".',
  ],
  'AMD EPYC 7763v': ['The Dasv4 specs mislabel this CPU as Genoa; it is a Milan (Zen 3) part.'],
  'AMD EPYC 7452V': [
    'Only the 2020 Dav3/Dasv3 preview page prints this "V" variant, without explaining the letter; it is treated as a Zen 2 part because the EPYC 7452 is one.',
  ],
  'NVIDIA Grace': ["Azure's pages do not call Grace an Arm CPU; Arm64 (Neoverse V2 cores) comes from general knowledge."],
};

// ---------------------------------------------------------------------------------------------------
// x86-64 levels

/** Other spellings people type for a level flag -> the /proc/cpuinfo spelling. Keys are written the way
 * normaliseFlag() leaves them (lower case, '-' and '.' as '_'). Only names for the very same feature bit,
 * plus the two cpuinfo stand-ins the reference documents (x86-64-levels.json cpuinfoProxy:
 * OSXSAVE -> xsave, OSFXSR -> fxsr). Never a group name such as "avx512". */
export const FLAG_ALIASES: Readonly<Record<string, string>> = {
  // psABI names (x86-64-levels.json levels[].features[].psabi)
  sce: 'syscall',
  osfxsr: 'fxsr',
  cmpxchg16b: 'cx16',
  lahf_sahf: 'lahf_lm',
  sse3: 'pni',
  lzcnt: 'abm',
  osxsave: 'xsave',
  // glibc feature names (glibcFeatureName)
  lahf64_sahf64: 'lahf_lm',
  // GCC option names (gcc: -msahf, -mbmi)
  sahf: 'lahf_lm',
  bmi: 'bmi1',
  // other common spellings: LAHF alone (darwin sysctl, archspec conversions), SSE4.1/4.2 without the dot,
  // FMA3 (the three-operand FMA that cpuinfo calls fma), AVX1.0 (darwin sysctl, archspec conversions)
  lahf: 'lahf_lm',
  sse41: 'sse4_1',
  sse42: 'sse4_2',
  fma3: 'fma',
  avx1_0: 'avx',
};

/** Which x86-64-levels.json sources back the levels table (psABI definition, cpuinfo spelling, checks). */
export const LEVEL_SOURCE_PATHS: readonly string[] = [
  'x86-64-ABI/low-level-sys-info.tex',
  'sysdeps/x86/get-isa-level.h',
  'sysdeps/x86/tst-cpu-features-cpuinfo.c',
  'gcc/config/i386/i386.h',
  'cpu/microarchitectures.json',
  'arch/x86/include/asm/cpufeatures.h',
  'repos/system_upgrade/common/actors/checkmicroarchitecture/libraries/checkmicroarchitecture.py',
];

// ---------------------------------------------------------------------------------------------------
// Distributions

/** Distro-level alias changes. Release-specific spellings move to the release; ambiguous ones go. */
export const DISTRO_ALIAS_CHANGES: Readonly<Record<string, { remove?: readonly string[]; add?: readonly string[] }>> = {
  // 'azl3', 'azl4', 'AzureLinux3' name one release each: moved to 3.0 / 4.0 below.
  'azure-linux': { remove: ['azl3', 'azl4', 'AzureLinux3'] },
  // a description, not a name anyone types
  'azure-container-linux': { remove: ['Flatcar for AKS successor'] },
  // release names: moved to 2023 / 2
  'amazon-linux': { remove: ['AL2023', 'AL2', 'Amazon Linux 2023', 'Amazon Linux 2'] },
  // "openSUSE" names the project (Leap and Tumbleweed alike), not Leap
  'opensuse-leap': { remove: ['openSUSE'] },
};

/** Descriptive version strings shortened to what people type; the description becomes a caveat
 * (RELEASE_OVERRIDES). Keys: distro id, then the reference's version string. */
export const RELEASE_VERSION_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'azure-container-linux': { 'GA (AKS node images, weekly, date-versioned e.g. 202606.01.0)': 'weekly node images' },
  fedora: { '45 (in development)': '45' },
  'fedora-coreos': { 'rolling streams (stable/testing/next), follows current Fedora release': 'rolling' },
  'coreos-container-linux': { 'final (rolling channels)': 'final' },
  flatcar: { 'Alpha/Beta/Stable/LTS channels (build-numbered, e.g. 4081 LTS line)': 'rolling channels' },
  'container-optimized-os': { 'cos-129 (LTS)': 'cos-129', 'cos-125 (LTS)': 'cos-125', 'cos-121 (LTS)': 'cos-121' },
  'cbl-delridge': { '10 (Debian 10 based)': '10' },
};

/** Release order where the reference lists two product lines one after the other (Linux Mint: the
 * Ubuntu-based and Debian-based editions). Newest first by release date. */
export const RELEASE_ORDER: Readonly<Record<string, readonly string[]>> = {
  'linux-mint': ['22.3', 'LMDE 7', '21.3', 'LMDE 6'],
};

/** Releases that are not generally available, by distro id and (renamed) version. */
export const PREVIEW_RELEASES: ReadonlyArray<readonly [string, string]> = [
  ['azure-linux', '4.0'], // DN §1: public preview, not GA in any source
  ['azure-linux-os-guard', 'preview'], // DJ: "(preview)" in its name; AKS preview
];

/** A release the reference lacks but the schema needs (every distro has at least one release).
 * Chromium OS appears in distros.json only as the upstream of Container-Optimized OS (DJ cos-129 note;
 * source endoflife.date/cos). Nothing beyond its existence is claimed. */
export const MISSING_RELEASES: Readonly<Record<string, { version: string; caveat: string; sourceUrl: string }>> = {
  'chromium-os': {
    version: 'rolling',
    caveat: 'Listed only as the base of Google Container-Optimized OS; no release, kernel or CPU-level facts were collected for Chromium OS itself.',
    sourceUrl: 'https://endoflife.date/cos',
  },
};

export interface ReleaseOverride {
  aliases?: readonly string[];
  /** a separate build of the release for an older level (AlmaLinux 10's x86_64_v2 build) */
  altBuildBaseline?: 'x86-64-v1' | 'x86-64-v2' | 'x86-64-v3';
  caveats?: readonly string[];
  /** what its Azure images need, where that is more than the archive baseline */
  azureImageBaseline?: 'x86-64-v2' | 'x86-64-v3' | 'x86-64-v4';
  azureImageGenerations?: ReadonlyArray<1 | 2>;
}

const INFERRED_FROM_RHEL8 = 'The x86-64 baseline is inferred from RHEL 8 (Red Hat first required x86-64-v2 with RHEL 9); no document states it.';
const AZL_INFERRED = 'The x86-64 baseline is inferred from the build flags (no -march for x86_64); Microsoft does not document it.';

const FEDORA_45_RELEASED =
  "Released: Fedora's release package was built in release mode on 2026-10-15 and its end of life set to 2027-12-08 on 2026-10-23. The exact general-availability date was not confirmed in Fedora's schedule or release notes, so none is given.";
// DN "Trusted Launch" row (architecture page) against the VM/VMSS overview's "Trusted Launch VMs" section
const AZL4_SECURE_BOOT =
  "Microsoft Learn pages disagree on Secure Boot: the Azure Linux architecture page says the preview's packages lack Secure Boot signatures so far, whereas the VM and scale-set overview states that its Generation 2 images support Trusted Launch, Secure Boot included. Test Secure Boot before relying on it.";
// Debian's own pages disagree by a day on bookworm's end of regular security support
const DEBIAN_12_EOL =
  "Debian's sources differ by a day: its dated announcement and the DebianReleases wiki end regular security support on 2026-07-12, the releases page on 2026-07-11; 2026-07-12 is shown.";
// CLN §6 (AlmaLinux 10: default v3, separate x86_64_v2 build); DESIGN "AlmaLinux 10 has a v2 build"
const ALMA_10_V2_BUILD = 'Besides the default x86-64-v3 build, AlmaLinux ships a separate x86_64_v2 build for older CPUs.';

/** Per-release aliases, caveats and Azure image facts. Key: `${distroId}@${version}` (renamed version). */
export const RELEASE_OVERRIDES: Readonly<Record<string, ReleaseOverride>> = {
  // DN §1 and §3; CLN §6; README "What to know"
  'azure-linux@4.0': {
    aliases: ['azl4', 'azl 4', 'azl4.0', 'azurelinux4', 'AzureLinux4'],
    azureImageGenerations: [2],
    caveats: [
      'Public preview: no general-availability or end-of-life date has been published.',
      'Microsoft documents x86-64-v2 as the minimum. x86-64-v3 appears only in a Fedora 45 change proposal for optional extra packages; no source makes v3 mandatory for Azure Linux 4.0.',
      'Azure images are Generation 2 only; there is no x86_64 Generation 1 image during the preview.',
      AZL4_SECURE_BOOT,
      'Built from Fedora 43 sources; Fedora 43 reaches end of life on 2026-12-09 and no rebase plan has been published.',
      'Supported only on Azure (VMs, scale sets, AKS hosts and container images).',
    ],
  },
  'azure-linux@3.0': {
    aliases: ['azl3', 'azl 3', 'azl3.0', 'azurelinux3', 'AzureLinux3'],
    caveats: [
      AZL_INFERRED,
      'The release date is the 3.0.20240727 build tag; AKS made 3.0 generally available later, with AKS 1.32 in early 2025.',
      'No end-of-life date has been published.',
    ],
  },
  'azure-linux@2.0': {
    aliases: ['mariner2', 'mariner 2', 'cbl-mariner 2', 'cbl-mariner2', 'cbl-mariner 2.0', 'mariner 2.0'],
    caveats: [
      'Released as CBL-Mariner 2.0.',
      'Microsoft sources disagree on whether support ended in June or July 2025 (so no end-of-life date is recorded); AKS support ended 2025-11-30 and node images are removed from 2026-03-31.',
      AZL_INFERRED,
    ],
  },
  'azure-linux@1.0': {
    aliases: ['mariner1', 'mariner 1', 'cbl-mariner 1', 'cbl-mariner1', 'cbl-mariner 1.0', 'mariner 1.0'],
    caveats: [
      'Released as CBL-Mariner 1.0, with no formal general-availability date.',
      "The end-of-life date comes from Microsoft's .NET container team, not from Mariner's own documentation.",
      AZL_INFERRED,
    ],
  },
  // DJ os-guard notes; DN §1 ACL
  'azure-linux-os-guard@preview': {
    caveats: [
      'An AKS-only preview; it retires 2026-12-10 (node images removed 2027-03-10) and is replaced by Azure Container Linux.',
      'Which Azure Linux release it is built on is not stated.',
    ],
  },
  // DJ ACL notes ("Generation 2 VMs only"); DN §1
  'azure-container-linux@weekly node images': {
    azureImageGenerations: [2],
    caveats: [
      'An AKS node OS only, versioned by weekly image date (for example 202606.01.0) rather than by release.',
      'Requires Trusted Launch (Secure Boot and vTPM), so Generation 2 VMs only; on Arm64 it needs Cobalt 100 (v6) sizes.',
      'Kernel version and Azure Linux package base are not stated.',
    ],
  },
  // DJ fedora 45; CLN §6 Fedora 45 proposal
  'fedora@45': {
    aliases: ['f45', 'fedora45'],
    caveats: [
      FEDORA_45_RELEASED,
      'A change proposal would add optional x86-64-v3 packages beside the baseline ones; it had not been approved in the sources checked.',
    ],
  },
  'fedora@44': { aliases: ['f44', 'fedora44'] },
  'fedora@43': {
    aliases: ['f43', 'fedora43'],
    caveats: ["Azure Linux 4.0 is built from this release's package sources."],
  },
  'fedora@42': { aliases: ['f42', 'fedora42', 'adams'] },
  'fedora@41': { aliases: ['f41', 'fedora41'] },
  'fedora@40': { aliases: ['f40', 'fedora40'] },
  'fedora-coreos@rolling': {
    caveats: ['Rolling streams (stable, testing, next) that follow the current Fedora release.'],
  },
  // DJ centos-stream notes
  'centos-stream@10': {
    aliases: ['stream10', 'stream 10', 'c10s', 'centos stream 10', 'coughlan'],
    caveats: ['Branched from Fedora ELN/Rawhide; which Fedora release is not confirmed.'],
  },
  'centos-stream@9': { aliases: ['stream9', 'stream 9', 'c9s', 'centos stream 9'] },
  'centos-stream@8': {
    aliases: ['stream8', 'stream 8', 'c8s', 'centos stream 8'],
    caveats: [INFERRED_FROM_RHEL8],
  },
  'centos@8': { aliases: ['centos8', 'centos 8'], caveats: ['Its end of life was cut short to 2021-12-31.'] },
  'centos@7': { aliases: ['centos7', 'centos 7'] },
  // DJ rhel notes; CLN §6 (RHEL 10 evidence: leapp, CentOS Stream MR, rpm-config; release notes not read)
  'rhel@10': {
    aliases: ['rhel10', 'rhel 10', 'el10'],
    caveats: [
      "The x86-64-v3 requirement rests on Red Hat's upgrade checker, build configuration and developer articles; the official release notes were not among the sources.",
    ],
  },
  'rhel@9': { aliases: ['rhel9', 'rhel 9', 'el9'] },
  'rhel@8': {
    aliases: ['rhel8', 'rhel 8', 'el8'],
    caveats: ["The x86-64 baseline is inferred: RHEL 9 was the release that raised Red Hat's baseline to v2."],
  },
  // DJ almalinux 10; CLN §6; DESIGN "AlmaLinux 10 has a v2 build"
  'almalinux@10': {
    aliases: ['alma10', 'alma 10', 'almalinux10', 'purple lion'],
    altBuildBaseline: 'x86-64-v2',
    caveats: [ALMA_10_V2_BUILD],
  },
  'almalinux@9': { aliases: ['alma9', 'alma 9', 'almalinux9'] },
  'almalinux@8': { aliases: ['alma8', 'alma 8', 'almalinux8'], caveats: [INFERRED_FROM_RHEL8] },
  'rocky-linux@10': { aliases: ['rocky10', 'rocky 10', 'rockylinux10'] },
  'rocky-linux@9': { aliases: ['rocky9', 'rocky 9', 'rockylinux9'] },
  'rocky-linux@8': { aliases: ['rocky8', 'rocky 8', 'rockylinux8'], caveats: [INFERRED_FROM_RHEL8] },
  // DJ oracle-linux 10; CLN §6
  'oracle-linux@10': {
    aliases: ['ol10', 'oracle linux 10', 'oraclelinux10'],
    caveats: ['No Oracle document states the x86-64 level; secondary sources say x86-64-v3 like RHEL 10, so it is left open here.'],
  },
  'oracle-linux@9': { aliases: ['ol9', 'oracle linux 9', 'oraclelinux9'] },
  'oracle-linux@8': {
    aliases: ['ol8', 'oracle linux 8', 'oraclelinux8'],
    caveats: ['The x86-64 baseline is not documented in the sources checked.'],
  },
  // DJ amazon-linux notes; DN §3.9
  'amazon-linux@2023': {
    aliases: ['AL2023', 'Amazon Linux 2023', 'amzn2023'],
    caveats: ['AWS says only that it is based in part on Fedora; the Fedora 34-36 and CentOS Stream 9 ancestry comes from third-party reports.'],
  },
  'amazon-linux@2': {
    aliases: ['AL2', 'Amazon Linux 2', 'amzn2'],
    caveats: ['AWS documents no single upstream; it resembles RHEL/CentOS 7 but is not a rebuild.'],
  },
  'debian@13': { aliases: ['trixie', 'debian13', 'debian 13'] },
  'debian@12': { aliases: ['bookworm', 'debian12', 'debian 12'], caveats: [DEBIAN_12_EOL] },
  // DJ ubuntu 26.04 notes; CLN §6; README "What to know"
  'ubuntu@26.04 LTS': {
    aliases: ['resolute', 'resolute raccoon', 'ubuntu2604', 'ubuntu 26.04', 'ubuntu-26.04'],
    azureImageBaseline: 'x86-64-v3',
    caveats: [
      'The package archive still supports x86-64-v1 (with an optional amd64v3 variant), but Canonical publishes only x86-64-v3 images on public clouds, Azure included.',
    ],
  },
  'ubuntu@24.04 LTS': {
    aliases: ['noble', 'noble numbat', 'ubuntu2404', 'ubuntu 24.04', 'ubuntu-24.04'],
    caveats: ['Canonical plans no x86-64-v3 cloud images for 24.04.'],
  },
  'ubuntu@22.04 LTS': { aliases: ['jammy', 'jammy jellyfish', 'ubuntu2204', 'ubuntu 22.04', 'ubuntu-22.04'] },
  'linux-mint@22.3': { aliases: ['zena', 'mint 22.3', 'mint22.3'] },
  'linux-mint@21.3': { aliases: ['virginia', 'mint 21.3', 'mint21.3'] },
  'linux-mint@LMDE 7': { aliases: ['gigi', 'lmde7'] },
  'linux-mint@LMDE 6': { aliases: ['faye', 'lmde6'] },
  // DJ sles 16.0; CLN §6 (SUSE comparison doc vs openSUSE wiki)
  'sles@16.0': {
    aliases: ['sles16', 'sles 16', 'sle16', 'sle 16'],
    caveats: [
      "SUSE's SLE 16 comparison document gives x86-64-v2 (with some libraries also built for v3), while an openSUSE wiki page says SLE 16 needs v3; SUSE's own document is followed. Both are cited.",
    ],
  },
  'sles@15 SP7': {
    aliases: ['sles15sp7', 'sles 15 sp7', 'sle 15 sp7', 'sle15sp7'],
    caveats: ['The x86-64 baseline is not documented in the sources checked.'],
  },
  'opensuse-leap@16.0': {
    aliases: ['leap16', 'leap 16', 'leap 16.0'],
    caveats: ['The x86-64-v2 requirement comes from a secondary report.'],
  },
  'opensuse-leap@15.6': { aliases: ['leap15.6', 'leap 15.6'] },
  'opensuse-tumbleweed@rolling': {
    caveats: ['Its minimum level was not confirmed; optional glibc-hwcaps libraries built for x86-64-v3 exist.'],
  },
  'coreos-container-linux@final': {
    caveats: ['Reached end of life on 2020-05-26; Flatcar forked it and Fedora CoreOS succeeded it.'],
  },
  'flatcar@rolling channels': {
    caveats: ['Build-numbered releases in Alpha, Beta, Stable and LTS channels (for example the 4081 LTS line).'],
  },
  'bottlerocket@1.x': { caveats: ['Built from scratch with its own build system; the GA date was not collected.'] },
  'container-optimized-os@cos-129': {
    aliases: ['cos129'],
    caveats: ['A long-term-support milestone, supported about two years.'],
  },
  'container-optimized-os@cos-125': {
    aliases: ['cos125'],
    caveats: ['A long-term-support milestone, supported about two years.'],
  },
  'container-optimized-os@cos-121': {
    aliases: ['cos121'],
    caveats: ['A long-term-support milestone, supported about two years.'],
  },
  'photon-os@5.0': { aliases: ['photon5', 'photon 5'], caveats: ['No end-of-life date has been published.'] },
  'photon-os@4.0': { aliases: ['photon4', 'photon 4'] },
  'alpine@3.24': { aliases: ['alpine3.24', 'alpine 3.24'] },
  'alpine@3.23': { aliases: ['alpine3.23', 'alpine 3.23'] },
  'arch-linux@rolling': {
    caveats: ['Official repositories build for baseline x86_64; no official x86-64-v3 repository was confirmed.'],
  },
  'cbl-delridge@10': {
    caveats: [
      'Numbered after its Debian 10 base. All facts come from secondary reporting, which says it was retired in about November 2022, when Azure Cloud Shell switched to CBL-Mariner.',
    ],
  },
};

// ---------------------------------------------------------------------------------------------------
// Fact fixes: what the reference snapshot lacks or has wrong, each with the source it was checked
// against (issue 11). scripts/reference/curated.ts applies them to the reference before the tables
// are built, so data:import and data:refresh both keep them. A refresh that brings the same fact from
// upstream makes the entry redundant (it is then skipped and reported).

const LEARN_REPO = 'MicrosoftDocs/azure-compute-docs';
const GP = 'articles/virtual-machines/sizes/general-purpose';
const DL_V5_SPECS_PROCESSORS = [
  'Intel Xeon Platinum 8473C (Sapphire Rapids)',
  'Intel Xeon Platinum 8370C (Ice Lake)',
  'Intel Xeon Platinum 8573C (Emerald Rapids)',
];
const dlV5Sizes = (letters: string) => [2, 4, 8, 16, 32, 48, 64, 96].map((n) => ({ name: `Standard_D${n}${letters}_v5`, vcpus: n, memoryGiB: n * 2 }));

/** Series missing from the reference, read from their Microsoft Learn pages (page, specs include, commit,
 * ms.date as read). Each also gets its generations entry ("VM Generation Support: Generation 1 and 2"). */
export const ADDED_SERIES: ReadonlyArray<{ series: RefVmSeries; generations: readonly ('1' | '2')[]; statedAs: string }> = [
  {
    // dlsv5-series.md @2e4af987 (ms.date 03/10/2026); includes/dlsv5-series-specs.md @1502ca28 (ms.date 03/04/2026)
    series: {
      series: 'Dlsv5',
      family: 'General purpose',
      familyQualifier: null,
      arch: 'x64',
      archBasis: 'architecture tag in the processor cell',
      processors: [...DL_V5_SPECS_PROCESSORS],
      multipleProcessors: true,
      processorSource: 'specs',
      sizes: dlV5Sizes('ls'),
      retired: null,
      preview: false,
      source: {
        repo: LEARN_REPO,
        path: `${GP}/dlsv5-series.md`,
        commit: '2e4af98705e2ace519e313d40c5de3c3c7cc45a7',
        date: '2026-03-10',
        includes: [{ repo: LEARN_REPO, path: `${GP}/includes/dlsv5-series-specs.md`, commit: '1502ca28c5fdd94f643454c86edd81f92a903839', date: '2026-03-04' }],
      },
      notes: '',
    },
    generations: ['1', '2'],
    statedAs: 'VM Generation Support: Generation 1 and 2',
  },
  {
    // dldsv5-series.md @2e4af987 (ms.date 03/10/2026); includes/dldsv5-series-specs.md @1f02b877 (ms.date 03/09/2026)
    series: {
      series: 'Dldsv5',
      family: 'General purpose',
      familyQualifier: null,
      arch: 'x64',
      archBasis: 'architecture tag in the processor cell',
      processors: [...DL_V5_SPECS_PROCESSORS],
      multipleProcessors: true,
      processorSource: 'specs',
      sizes: dlV5Sizes('lds'),
      retired: null,
      preview: false,
      source: {
        repo: LEARN_REPO,
        path: `${GP}/dldsv5-series.md`,
        commit: '2e4af98705e2ace519e313d40c5de3c3c7cc45a7',
        date: '2026-03-10',
        includes: [{ repo: LEARN_REPO, path: `${GP}/includes/dldsv5-series-specs.md`, commit: '1f02b8770ccb7e1cd869397064d50b04f710e8c8', date: '2026-03-09' }],
      },
      notes: '',
    },
    generations: ['1', '2'],
    statedAs: 'VM Generation Support: Generation 1 and 2',
  },
];

/** Processors a series may land on that its current page omits, with the Microsoft page that shows them.
 * Av2: the 2018 Linux CoreMark tables list every Av2 size on "Intel(R) Xeon(R) CPU E5-2660 0 @ 2.20GHz"
 * (Sandy Bridge, x86-64-v2) beside the E5-2673 v3 and v4; under the lowest-processor rule Av2 guarantees v2. */
export const SERIES_EXTRA_PROCESSORS: Readonly<
  Record<string, ReadonlyArray<{ raw: string; model: string; basis: string; source: RefRepoFile & { path: string; commit: string; date: string } }>>
> = {
  Av2: [
    {
      raw: 'Intel(R) Xeon(R) CPU E5-2660 0 @ 2.20GHz',
      model: 'Intel Xeon E5-2660',
      basis: "exact model match (the CPU brand string Microsoft's 2018 benchmark tables print)",
      source: {
        repo: 'MicrosoftDocs/azure-docs',
        path: 'articles/virtual-machines/linux/compute-benchmark-scores.md',
        commit: '0317ec988b51214a459cc5313f296bb7f9c2e8cb',
        date: '2018-04-09',
      },
    },
  ],
};

export interface ReleaseFix {
  released?: string | null;
  eol?: string | null;
  /** a paid or volunteer phase after `eol` (Debian LTS, SUSE LTSS, …) */
  extendedSupport?: { name: string; until: string };
  /** sources added to the release's own, as the reference spells them */
  sources: ReadonlyArray<{ url: string; what: string }>;
}

/** Release dates the reference has wrong or lacks. Key: `${distroId}@${version}` (renamed version). */
export const RELEASE_FIXES: Readonly<Record<string, ReleaseFix>> = {
  // Fedora 45: released (see FEDORA_45_RELEASED); EOL per the fedora-release package.
  'fedora@45': {
    released: null,
    eol: '2027-12-08',
    sources: [
      {
        url: 'https://src.fedoraproject.org/rpms/fedora-release/blob/f45/f/fedora-release.spec',
        what: 'fedora-release for Fedora 45: built in release mode 2026-10-15; eol_date 2027-12-08 set 2026-10-23',
      },
      {
        url: 'https://docs.fedoraproject.org/en-US/releases/lifecycle/',
        what: 'Fedora release life cycle: a release ends four weeks after the release two versions later',
      },
    ],
  },
  // Fedora 44: GA 2026-04-28 (Fedora Magazine announcement); EOL as endoflife.date plans it.
  'fedora@44': {
    released: '2026-04-28',
    eol: '2027-06-02',
    sources: [{ url: 'https://fedoramagazine.org/announcing-fedora-linux-44/', what: 'Announcing Fedora Linux 44 (2026-04-28)' }],
  },
  // Fedora 43: ends four weeks after Fedora 45's release; 2026-12-09 as endoflife.date and Fedora's schedule give it.
  'fedora@43': {
    eol: '2026-12-09',
    sources: [
      {
        url: 'https://docs.fedoraproject.org/en-US/releases/lifecycle/',
        what: 'Fedora release life cycle: a release ends four weeks after the release two versions later',
      },
    ],
  },
  // Debian 12: Debian's dated announcement (News/2026/20260712) and the DebianReleases wiki end bookworm's regular
  // security support on 2026-07-12; debian.org/releases says 2026-07-11 (see DEBIAN_12_EOL); LTS to 2028-06-30.
  // (endoflife.date followed the announcement in its PR #10810, 2026-08-24; the reference had 2026-07-11.)
  'debian@12': {
    eol: '2026-07-12',
    extendedSupport: { name: 'Debian LTS', until: '2028-06-30' },
    sources: [
      {
        url: 'https://www.debian.org/News/2026/20260712',
        what: 'Debian announcement: regular security support for bookworm ended 12 July 2026; LTS continues',
      },
      { url: 'https://wiki.debian.org/DebianReleases', what: 'DebianReleases wiki: bookworm end of life 2026-07-12' },
      { url: 'https://www.debian.org/releases/', what: 'Debian releases page: bookworm security support to 2026-07-11' },
      {
        url: 'https://github.com/endoflife-date/endoflife.date/pull/10810',
        what: 'endoflife.date PR #10810: bookworm EOL moved to 2026-07-12 after the announcement',
      },
      { url: 'https://wiki.debian.org/LTS', what: 'Debian LTS schedule' },
    ],
  },
  // Debian 13: DJ notes "LTS to 2030-06-30".
  'debian@13': {
    extendedSupport: { name: 'Debian LTS', until: '2030-06-30' },
    sources: [{ url: 'https://wiki.debian.org/LTS', what: 'Debian LTS schedule' }],
  },
  // SLES 16: CLN §6 names the SUSE comparison document (v2) and the openSUSE wiki (v3); both cited.
  'sles@16.0': {
    sources: [
      {
        url: 'https://susedoc.github.io/doc-modular/main/single-html/SLE-comparison/',
        what: 'SUSE: SLE 16 compared with SLE 15 (x86-64-v2 minimum, some libraries also for v3)',
      },
      { url: 'https://en.opensuse.org/X86-64_microarchitecture_levels', what: 'openSUSE wiki: x86-64 microarchitecture levels (says SLE 16 needs v3)' },
    ],
  },
};

/** A reference release as the curated fixes leave it. */
export type CuratedRelease = RefDistroRelease;

// ---------------------------------------------------------------------------------------------------
// archspec-x86.json: the archspec database the reference copied unchanged (README: archspec/archspec-json,
// commit 90b453f, Apache-2.0 OR MIT), cited at that commit and dated like every other CPU source.
export const ARCHSPEC_X86_SOURCE = {
  title: 'archspec: cpu/microarchitectures.json',
  url: 'https://github.com/archspec/archspec-json/blob/90b453f4053b6b139d1d2cb78c463b02e71ef363/cpu/microarchitectures.json',
  asOf: REFERENCE_COMPILED,
} as const;
