// Separate builds for older CPUs (AlmaLinux 10's x86-64-v2 build beside its x86-64-v3 one): said wherever a release's
// need is, so an EL10 answer does not drop the build that runs below it.
import type { Catalog } from '../catalog.js';
import type { DistroRelease, LevelName } from '../../data/schema.js';
import { levelRank } from '../levels.js';
import { releaseLabel } from './build.js';

/** "run on" a level, or "run without" one (a feature missing): which a separate build must fit. */
export type AltBuildMode = 'run' | 'run-without' | 'need';

/** The release's own separate build below its need, said beside it ("AlmaLinux OS 10 needs x86-64-v3. Its separate
 * x86-64-v2 build runs on x86-64-v2 CPUs."). */
export function ownAltBuild(rel: DistroRelease, need: LevelName): string {
  const alt = rel.altBuildBaseline;
  return alt && levelRank(alt) < levelRank(need) ? ` Its separate ${alt} build runs on ${alt} CPUs.` : '';
}

/** Releases of the same version elsewhere with a separate build for older CPUs (AlmaLinux 10's x86-64-v2). */
export function altBuilds(catalog: Catalog, rel: DistroRelease, level: LevelName, mode: AltBuildMode): string {
  const head = rel.version.split(/[\s.]/)[0];
  const fits = (alt: LevelName) => (mode === 'run-without' ? levelRank(alt) < levelRank(level) : levelRank(alt) <= levelRank(level));
  const others = catalog.distros.flatMap((d) =>
    d.releases
      .filter((r) => r !== rel && r.altBuildBaseline && fits(r.altBuildBaseline) && r.version.split(/[\s.]/)[0] === head)
      .map((r) => `${releaseLabel(d, r)} ships a separate ${r.altBuildBaseline} build`),
  );
  return others.length ? ` ${others.join('; ')}.` : '';
}
