// Two- and three-turn threads as people hold them with the bot ("@bot can I run RHEL 10 on a D2s v3?", then "v6?",
// "is it AMD?", "why?"), carried through the service's own thread memory (askInThread over the in-process store).
// Each turn names what the answer must be about and what it must open with; the facts are vm-series.json's,
// cpu-models.json's and distros.json's (cited per line).
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { askInThread } from '../../src/service/conversation.js';
import { MemoryStore } from '../../src/service/memory-store.js';

/** a turn: the text, the answer's kind, and a pattern its title and summary ("title | summary") must match */
type Turn = [text: string, kind: string, says: RegExp];
const threads: Turn[][] = [
  // RHEL 10 needs x86-64-v3; Dsv3 guarantees v3, Dsv5 v4 (Xeon 8473C/8370C/8573C); Ubuntu 26.04 Azure images need v3
  [
    ['can I run RHEL 10 on a D2s v3?', 'compat', /^Red Hat Enterprise Linux 10 on Standard_D2s_v3 \| Yes/],
    ['what about D4s v5?', 'compat', /Standard_D4s_v5 \| Yes/],
    ['and Ubuntu 26.04?', 'compat', /^Ubuntu 26\.04 LTS on Standard_D4s_v5 \| Yes/],
  ],
  // Dsv3's processors are all Intel
  [
    ['can I run RHEL 10 on a D2s v3?', 'compat', /Yes/],
    ['is it AMD?', 'vm-size', /Standard_D2s_v3 \| No —/],
    ['which CPU?', 'vm-size', /\| Standard_D2s_v3 may land on Intel Xeon Platinum 8370C/],
  ],
  // Dsv6: Xeon Platinum 8573C, x86-64-v4
  [
    ['can I run RHEL 10 on a D2s v3?', 'compat', /Yes/],
    ['why?', 'compat', /\| Yes, because/],
    ['v6?', 'compat', /^Red Hat Enterprise Linux 10 on Standard_D2s_v6 \| Yes/],
  ],
  // Dsv3 offers Gen 1 and Gen 2; RHEL 10 states no image generation
  [
    ['can I run RHEL 10 on a D2s v3?', 'compat', /Yes/],
    ['and on gen 1?', 'compat', /Standard_D2s_v3 \(Generation 1\) \| Yes: Dsv3 offers Generation 1/],
  ],
  // Azure Linux 4.0 images need Generation 2
  [
    ['can I run azure linux 4 on D2s v5?', 'compat', /Yes/],
    ['and on gen 1?', 'compat', /\| No: Azure Linux 4\.0 images need Generation 2/],
    ['what about D2as v5?', 'compat', /Standard_D2as_v5/],
  ],
  // Dasv5: AMD EPYC 7763v (x86-64-v3) and EPYC 9004
  [
    ['what cpu does D4s v5 have?', 'vm-size', /Intel Xeon Platinum 8473C/],
    ['is it AMD?', 'vm-size', /\| No —/],
    ['and D4as v5?', 'vm-size', /^Standard_D4as_v5 \|/],
  ],
  [
    ['what cpu does D4s v5 have?', 'vm-size', /8473C/],
    ['v6?', 'vm-size', /^Standard_D4s_v6 \|/],
    ['can it run rhel 10?', 'compat', /Standard_D4s_v6 \| Yes/],
  ],
  // Dv2: retirement announced for 2028-05-01; Av2: 2028-11-15
  [
    ['is Dv2 retired?', 'series', /\| Not yet — the Dv2 series/],
    ['what about Dsv3?', 'series', /^Dsv3 series/],
    ['and Av2?', 'series', /^Av2 series/],
  ],
  // EPYC 7763 is Milan (x86-64-v3); 8370C is Ice Lake-SP (v4) and Dsv5, among others, lands on it
  [
    ['what level is the EPYC 7763?', 'cpu', /x86-64-v3/],
    ['and the 8370C?', 'cpu', /Intel Xeon Platinum 8370C .*x86-64-v4/],
    ['which sizes use it?', 'cpu', /series may land on Intel Xeon Platinum 8370C: .*Dsv5/],
  ],
  // Rocky 10 and AlmaLinux 10 rebuild RHEL 10; AlmaLinux 10's end of life 2035-05-31
  [
    ['what is rocky 10 based on?', 'lineage', /Red Hat Enterprise Linux 10/],
    ['and alma?', 'lineage', /AlmaLinux OS 10/],
    ['when does it reach end of life?', 'distro', /2035-05-31/],
  ],
  // Azure Linux 4.0 derives from Fedora Linux 43
  [
    ['what is azure linux 3 based on?', 'lineage', /Azure Linux 3\.0/],
    ['and 4?', 'lineage', /Azure Linux 4\.0 .*Fedora Linux 43/],
    ['what kernel?', 'distro', /^Azure Linux 4\.0/],
  ],
  // RHEL 9's minimum is x86-64-v2; Ubuntu 26.04's Azure images need v3
  [
    ['does rhel 10 need x86-64-v3?', 'distro', /\| Yes/],
    ['and rhel 9?', 'distro', /\| No — Red Hat Enterprise Linux 9/],
    ['what about ubuntu 26.04?', 'distro', /\| Yes — Ubuntu 26\.04/],
  ],
  // "B2s" is Standard_B2s or Standard_B2s_v2 (Bsv2: Xeon 8473C/8370C, v4)
  [
    ['can I run ubuntu 26.04 on a B2s?', 'clarify', /B2s/i],
    ['and on B2s v2?', 'compat', /^Ubuntu 26\.04 LTS on Standard_B2s_v2 \| Yes/],
  ],
  [
    ['can I run ubuntu 26.04 on a B2s?', 'clarify', /B2s/i],
    ['which sizes can?', 'level', /can run Ubuntu 26\.04/],
  ],
  // Dsv5: x86-64-v4, Intel only
  [
    ['D2s v3', 'vm-size', /^Standard_D2s_v3/],
    ['what about v5?', 'vm-size', /^Standard_D2s_v5 \|/],
    ['is it Intel?', 'vm-size', /Standard_D2s_v5 \| Yes —/],
  ],
  [
    ['D2s v3', 'vm-size', /^Standard_D2s_v3/],
    ['gen 1?', 'vm-size', /\| Yes — Standard_D2s_v3 supports Generation 1/],
    ['and rhel 10?', 'compat', /Standard_D2s_v3 \| Yes/],
  ],
  // Dsv5: no retirement recorded
  [
    ['Dsv5 series', 'series', /^Dsv5 series/],
    ['is it retired?', 'series', /\| No — the data .* records no retirement for the Dsv5 series/],
    ['which CPU?', 'series', /\| Dsv5 may land on Intel Xeon Platinum 8473C/],
  ],
  // Ddsv6: Xeon Platinum 8573C (v4, AVX-512)
  [
    ['is the D2ads v6 AMD?', 'vm-size', /\| Yes —/],
    ['and D2ds v6?', 'vm-size', /^Standard_D2ds_v6/],
    ['does it support AVX-512?', 'vm-size', /\| Yes: Ddsv6 guarantees x86-64-v4/],
  ],
  // "B-series v2" is Bsv2, Basv2 and Bpsv2 (Arm64: Ampere Altra, which RHEL 10 ships for)
  [
    ['can I run RHEL 10 on a D2s v3?', 'compat', /Yes/],
    ['what about the B-series v2?', 'matrix', /3 machines/],
  ],
  [
    ['can I run RHEL 10 on a D2s v3?', 'compat', /Yes/],
    ['and Standard_D2s_v4?', 'compat', /Standard_D2s_v4 \| Yes/],
    ['and rocky 10?', 'compat', /^Rocky Linux 10 on Standard_D2s_v4 \| Yes/],
  ],
  // Dasv6: x86-64-v4
  [
    ['can I run alma 10 on D2as v5?', 'compat', /Yes/],
    ['and D2as v6?', 'compat', /Standard_D2as_v6 \| Yes/],
    ['why?', 'compat', /\| Yes, because/],
  ],
  // Fasv6: AMD EPYC 9004 (Genoa)
  [
    ['which level does Standard_F2s_v2 guarantee?', 'vm-size', /x86-64-v4/],
    ['and F2as v6?', 'vm-size', /^Standard_F2as_v6/],
    ['is it AMD?', 'vm-size', /\| Yes —/],
  ],
  // Dv5 may land on Ice Lake-SP and other processors
  [
    ['is Dv5 Ice Lake?', 'series', /\| It depends/],
    ['what about Dsv6?', 'series', /^Dsv6 series/],
  ],
  // E5-2673 v3 is Haswell (x86-64-v3); Dsv3 and others land on the v4
  [
    ['what x86-64 level does the Xeon E5-2673 v4 have?', 'cpu', /x86-64-v3/],
    ['and v3?', 'cpu', /^Intel Xeon E5-2673 v3 \|.*x86-64-v3/],
  ],
  [
    ['what x86-64 level does the Xeon E5-2673 v4 have?', 'cpu', /x86-64-v3/],
    ['which sizes have it?', 'cpu', /may land on Intel Xeon E5-2673 v4: .*Dsv3/],
  ],
  // RHEL 8: 2029-05-31; Ubuntu 22.04: 2027-04-01
  [
    ['when is rhel 9 end of life?', 'distro', /2032-05-31/],
    ['and rhel 8?', 'distro', /2029-05-31/],
    ['and ubuntu 22.04?', 'distro', /2027-04-01/],
  ],
  // Dpsv5: Ampere Altra (Arm64), RHEL 10 ships for aarch64
  [
    ['can I run rhel 10 on D2s v3?', 'compat', /Yes/],
    ['and on D2ps v5?', 'compat', /Standard_D2ps_v5 \| Yes: .*aarch64/],
  ],
  // the A series names no processor
  [
    ['can I run rhel 10 on D2s v3?', 'compat', /Yes/],
    ['and rhel 9?', 'compat', /^Red Hat Enterprise Linux 9 on Standard_D2s_v3 \| Yes/],
    ['and on a Standard_A1?', 'compat', /Standard_A1 \| It depends/],
  ],
  // Av2 is Generation 1 only
  [
    ['does Standard_D2s_v3 support gen 2?', 'vm-size', /\| Yes — Standard_D2s_v3 supports Generation 2/],
    ['and Standard_A2_v2?', 'vm-size', /^Standard_A2_v2/],
  ],
  // NC: retired 2023-09-06
  [
    ['can I run ubuntu 24.04 on Standard_NC6?', 'compat', /Yes/],
    ['is it retired?', 'vm-size', /\| Yes — Standard_NC6 .* retired on 2023-09-06/],
  ],
  // Debian 12 needs x86-64-v1; Esv3 guarantees v3
  [
    ['can I run debian 13 on D2s v3?', 'compat', /Yes/],
    ['and debian 12?', 'compat', /Debian GNU\/Linux 12 on Standard_D2s_v3/],
    ['what about on E2s v3?', 'compat', /Debian GNU\/Linux 12 on Standard_E2s_v3 \| Yes/],
  ],
  [
    ['which sizes guarantee x86-64-v4?', 'level', /x86-64-v4/],
    ['and v3?', 'level', /guarantee x86-64-v3/],
    ['which are AMD?', 'level', /AMD series guarantee x86-64-v3/],
  ],
  [
    ['Standard_D2s_v5', 'vm-size', /x86-64-v4/],
    ['how many vCPUs?', 'vm-size', /\| Standard_D2s_v5 has 2 vCPUs/],
    ['and D4s v5?', 'vm-size', /^Standard_D4s_v5/],
  ],
  [
    ['can I run rhel 10 on Dsv5?', 'compat', /Dsv5 series \| Yes/],
    ['and Dsv3?', 'compat', /Dsv3 series \| Yes/],
    ['what CPU does it have?', 'series', /\| Dsv3 may land on/],
  ],
  // Dsv3 may land on E5-2673 v4/v3 (x86-64-v3): v4 is not guaranteed
  [
    ['is D2s v3 x86-64-v4?', 'vm-size', /\| Not guaranteed/],
    ['why not?', 'vm-size', /\| Not guaranteed/],
    ['and D2s v5?', 'vm-size', /^Standard_D2s_v5/],
  ],
  [
    ['can I run rocky 9 on Standard_A2?', 'compat', /It depends/],
    ['why?', 'compat', /It depends, because/],
    ['and rocky 10?', 'compat', /^Rocky Linux 10 on Standard_A2 \| It depends/],
  ],
  [
    ['can I run rhel 10 on a D2s v3?', 'compat', /Yes/],
    ['and ubuntu?', 'compat', /^Ubuntu 26\.04 LTS on Standard_D2s_v3/],
  ],
  // Dasv5: AMD EPYC 7763v (Milan, Zen 3) and EPYC 9004 (Genoa, Zen 4)
  [
    ['what CPU is in a D2as v5?', 'vm-size', /AMD EPYC 7763v/],
    ['what level is that?', 'vm-size', /x86-64-v3/],
  ],
  [
    ['what CPU is in a D2as v5?', 'vm-size', /AMD EPYC 7763v/],
    ['is it zen 3?', 'vm-size', /\| It depends —/],
  ],
  // HBv3: AMD EPYC 7V73X (Milan-X)
  [
    ['tell me about the HB-series v3', 'series', /^HBv3 series/],
    ['is it AMD?', 'series', /\| Yes —/],
  ],
  // retirements: HBv2, HC and NP on 2027-05-31 are the soonest; HBv2 is AMD (EPYC 7V12)
  [
    ['which sizes are being retired?', 'retirements', /HBv2 \(2027-05-31\)/],
    ['is HBv2 retired?', 'series', /\| Not yet — the HBv2 series/],
  ],
  [
    ['can I run azure linux 4 on D2s v5?', 'compat', /Yes/],
    ['and on Standard_A2_v2?', 'compat', /Standard_A2_v2 \| No/],
  ],
  [
    ['is the D4s v5 gen 2?', 'vm-size', /\| Yes/],
    ['v3?', 'vm-size', /^Standard_D4s_v3/],
  ],
  [
    ['can I run azure linux 3 on D2s v3?', 'compat', /Yes/],
    ['and 4?', 'compat', /^Azure Linux 4\.0 on Standard_D2s_v3/],
  ],
];

describe('threads of two and three turns', () => {
  test(`${threads.length} threads: each follow-up about the thing meant, and what it asks said first`, async () => {
    expect(threads.length).toBeGreaterThanOrEqual(40);
    const store = new MemoryStore();
    const problems: string[] = [];
    for (const [i, turns] of threads.entries()) {
      for (const [text, kind, says] of turns) {
        const a = await askInThread(ask, store, `conversations:${i}`, text);
        const said = `${a.title} | ${a.summary}`;
        if (a.kind !== kind || !says.test(said)) problems.push(`thread ${i}, "${text}": ${a.kind} ${said.slice(0, 140)}`);
      }
    }
    await store.close();
    expect(problems).toEqual([]);
  });
});
