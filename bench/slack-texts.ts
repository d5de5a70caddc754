// The /cpulevel texts the Slack benchmark sends. SLACK_TEXTS, in turn: a few questions asked over and
// over, as a team (or a flood) asks them. distinctTexts(): every size, series and CPU by name, more
// names than the core's answer cache holds, so each comes round again only after it was evicted:
// every command is answered, rendered and serialised afresh.
import { ANSWER_CACHE_SIZE } from '../src/service/answer-cache.js';
import { catalog } from '../src/core/index.js';

export const SLACK_TEXTS = ['Standard_D4s_v5', 'Standard_D2s_v3', 'x86-64-v3', 'EPYC 7763', 'flags avx2 bmi2 fma movbe'] as const;

export function distinctTexts(): string[] {
  const c = catalog();
  const texts = [...c.sizes.map((s) => s.size.name), ...c.series.map((s) => s.record.series), ...[...c.cpus.values()].map((cpu) => cpu.model.model)];
  if (texts.length <= ANSWER_CACHE_SIZE) throw new Error(`only ${texts.length} distinct texts for a cache of ${ANSWER_CACHE_SIZE}`);
  return texts;
}
