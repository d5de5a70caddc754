// A follow-up in a thread that names only a version or a release number ("v6?", "what about v5?", "and 4?"): the
// thread's own size, series, processor or distribution with that version, written out so the question names it.
import type { ConversationContext } from '../answer.js';
import type { Catalog } from '../catalog.js';
import { keyOf, sizeKeyOf } from '../text.js';

/** "v6?", "and v5?", "what about version 6?", "the v6 one?": nothing but a version, after a lead-in. */
const BARE_VERSION =
  /^\s*(?:(?:and|so|ok|okay|then|but)\s+)?(?:(?:what|how)\s+about\s+)?(?:(?:on|for|with|in)\s+)?(?:(?:a|an|the)\s+)?(?:v\s?(\d{1,2})|version\s+(\d{1,2}))(?:\s+(?:one|series|instead|sizes?))?\s*\??\s*$/i;
/** "and 4?", "what about 9?", "10?": nothing but a release number. */
const BARE_NUMBER = /^\s*(?:(?:and|so|ok|okay|then|but)\s+)?(?:(?:what|how)\s+about\s+)?(?:(?:on|for|with|in)\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*\??\s*$/i;

/** "which are AMD?", "and only the gen 1 ones?": a question that narrows a list. */
const NARROWING = /^\W*(?:(?:and|but|so)\s+)?(?:only\s+|just\s+)?(?:which|what|any|only|just)\b/i;

/** "it", "that one", "this CPU": the thing the thread is about. */
const PRONOUN = /\b(?:it|(?:this|that)(?: one| cpu| processor| chip| model)?)\b(?!['’])/i;

/** The highest level's number: a bare "v2" … "v4" may be a level, "v5" and up never is. */
const HIGHEST_LEVEL = 4;

/** The follow-up with the thread's thing named in it, or the text unchanged. */
export function namedFollowUp(catalog: Catalog, text: string, context: ConversationContext): string {
  if (text.length > 40 || !(context.size || context.series || context.cpu || context.distro || context.level)) return text;
  const v = BARE_VERSION.exec(text);
  if (v) return versionOf(catalog, Number(v[1] ?? v[2]), context) ?? text;
  // "which are AMD?", "only gen 1?" after a list of series by level: that list, narrowed
  if (context.topic === 'level' && context.level && NARROWING.test(text) && !/x86|\bv[1-4]\b|avx|sse/i.test(text))
    return `which sizes guarantee ${context.level}? ${text}`;
  // "which sizes use it?", "is that one AVX-512?": the thread's processor named
  if (context.topic === 'cpu' && context.cpu && PRONOUN.test(text)) return text.replace(PRONOUN, context.cpu);
  const n = BARE_NUMBER.exec(text);
  if (n && context.distro) {
    const distro = catalog.distroById(context.distro);
    const release = distro && catalog.findRelease(distro, n[1]!);
    if (distro && release) return `and ${distro.name} ${release.version}?`;
  }
  return text;
}

/** The thread's size, series or processor with version `n`, as a question, when the tables have it; undefined when
 * the version is a level asked again (after a list of series by level, or a level asked of the machine). */
function versionOf(catalog: Catalog, n: number, context: ConversationContext): string | undefined {
  if (context.topic === 'level' || (context.level && n <= HIGHEST_LEVEL && context.topic !== 'cpu')) return undefined;
  if (context.topic === 'cpu' && context.cpu) {
    const model = context.cpu.replace(/\s+v\d+$/i, '');
    if (model === context.cpu) return undefined;
    const cpu = catalog.cpuByKey.get(keyOf(`${model} v${n}`))?.[0];
    return cpu && cpu.model.model !== context.cpu ? `and ${cpu.model.model}?` : undefined;
  }
  const size = context.size && catalog.sizeByKey.get(sizeKeyOf(context.size))?.[0];
  if (size) {
    const name = size.size.name;
    const swapped = /_v\d+$/.test(name) ? name.replace(/_v\d+$/, `_v${n}`) : `${name}_v${n}`;
    const found = catalog.sizeByKey.get(sizeKeyOf(swapped))?.[0];
    return found && found.size.name !== name ? `and ${found.size.name}?` : undefined;
  }
  const series = context.series && catalog.seriesByKey.get(sizeKeyOf(context.series));
  if (series && /v\d+$/.test(series.record.series)) {
    const found = catalog.seriesByKey.get(sizeKeyOf(series.record.series.replace(/v\d+$/, `v${n}`)));
    return found && found !== series ? `and ${found.record.series}?` : undefined;
  }
  return undefined;
}
