// The Handler every adapter receives: cooldown, thread memory, the core's answer, one log line per
// question, and an apology with a reference id (logged with the stack) when anything throws.
import { randomBytes } from 'node:crypto';
import { type Answer, TEXT_LIMIT, truncate } from '../core/index.js';
import { askInThread, type AskFn } from './conversation.js';
import type { KeyValueStore } from '../ports/store.js';
import type { Handler, Platform, Question, WorkTracker } from '../ports/index.js';
import { InFlight } from '../adapters/common/in-flight.js';
import { apologyAnswer, cooldownAnswer, isServiceAnswer } from './answers.js';
import { logGate, rateLimitedLog } from '../adapters/rate-limited-log.js';
import { Cooldown } from './cooldown.js';
import { failOpenReads } from './fail-open-store.js';
import type { Logger } from './logger.js';
import type { AnswerObserver } from './metrics.js';

/** The core's own limit on an answer's text; a replaced core (tests) is held to it here too. */
export const MAX_TEXT = TEXT_LIMIT;
const TRUNCATED = ' …(truncated)';

export interface HandlerOptions {
  ask: AskFn;
  store: KeyValueStore;
  logger: Logger;
  cooldown: {
    max: number;
    windowSeconds: number;
    /** platforms that never cool down (default: the local console, which has one user) */
    exempt?: Platform[];
    now?: () => number;
  };
  /** told of every answer and cooldown refusal (the metrics) */
  observe?: AnswerObserver;
  /** the service's count of work in progress, shared with the surfaces (default: the handler's own) */
  inFlight?: WorkTracker;
}

export interface ServiceHandler extends Handler {
  /** questions being answered right now */
  inFlight(): number;
  /** resolves when no question is being answered (or after timeoutMs) */
  drain(timeoutMs?: number): Promise<void>;
}

// A request id is this process's random tag and a count: unique across replicas and restarts (the
// tag), ordered within a process (the count), and free of a random draw per question.
const PROCESS_TAG = randomBytes(4).toString('hex');
let requestCount = 0;
export const newRequestId = (): string => `${PROCESS_TAG}-${(++requestCount).toString(36)}`;

/**
 * Answering questions, as one object: the guards and stores it keeps (cooldown, thread memory read
 * failing open, the rate-limited warnings) and the one count of work in progress.
 */
class QuestionHandler {
  private readonly cooldown: Cooldown;
  private readonly threads: KeyValueStore;
  /** one warning a minute while the cooldown's store is away */
  private readonly cooldownGate = logGate(60_000);
  private readonly exempt: ReadonlySet<Platform>;
  readonly inFlight: WorkTracker;

  constructor(private readonly options: HandlerOptions) {
    const { store, logger } = options;
    this.cooldown = new Cooldown(store, options.cooldown);
    // While the store is away every question would warn; one line a minute says it as well.
    const warnStore = rateLimitedLog((message) => logger.warn({}, message), 60_000);
    this.threads = failOpenReads(store, (message) => warnStore(`thread memory: ${message}`));
    this.exempt = new Set<Platform>(options.cooldown.exempt ?? ['console']);
    this.inFlight = options.inFlight ?? new InFlight();
  }

  /** Never rejects: a failure is logged under the request id and answered with the apology quoting it. */
  handle(question: Question): Promise<Answer> {
    const reqId = newRequestId();
    const started = process.hrtime.bigint();
    const elapsedMs = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    // Counted once: a surface that runs the request in the same tracker has counted it already.
    return this.inFlight.run(() =>
      this.answer(question, reqId).then(
        (result) => {
          const durationMs = elapsedMs();
          const fields = { reqId, platform: question.platform, kind: result.kind, durationMs, thread: Boolean(question.threadKey) };
          const refused = isServiceAnswer(result) && result.code === 'cooldown';
          if (refused) this.options.logger.info({ ...fields, user: question.userId }, 'cooldown');
          else this.options.logger.info(fields, 'answered');
          this.observe(question.platform, result.kind, durationMs, refused);
          return result;
        },
        (err: unknown) => {
          // The one catch for a failed answer: logged with its stack under the request id, answered
          // with the ports' apology quoting it.
          const durationMs = elapsedMs();
          this.options.logger.error({ reqId, ref: reqId, platform: question.platform, durationMs, err }, 'question failed');
          const apology = apologyAnswer(typeof question.text === 'string' ? question.text : '', reqId);
          this.observe(question.platform, apology.kind, durationMs, false);
          return apology;
        },
      ),
    );
  }

  private async answer(question: Question, reqId: string): Promise<Answer> {
    const { logger, cooldown } = this.options;
    const text = typeof question.text === 'string' ? question.text : '';
    const platform = question.platform;
    if (!this.exempt.has(platform)) {
      let verdict: Awaited<ReturnType<Cooldown['take']>> = { allowed: true };
      try {
        verdict = await this.cooldown.take(`${platform}:${String(question.userId)}`);
      } catch (err) {
        // A guard that cannot count lets the question through rather than silencing everyone.
        const open = this.cooldownGate();
        if (open) logger.warn({ reqId, platform, err, heldBack: open.held }, 'cooldown check failed; answering anyway');
      }
      if (!verdict.allowed) return cooldownAnswer(text, cooldown.max, cooldown.windowSeconds, verdict.retryAfterSeconds);
    }
    const result = await askInThread(this.options.ask, this.threads, question.threadKey || undefined, text);
    if (typeof result?.text !== 'string' || result.text.trim() === '') throw new Error(`core returned an answer without text (kind ${String(result?.kind)})`);
    if (result.text.length > MAX_TEXT) {
      logger.warn({ reqId, kind: result.kind, length: result.text.length }, 'answer text over the limit; truncated');
      return { ...result, text: truncate(result.text, MAX_TEXT, TRUNCATED) };
    }
    return result;
  }

  // Metrics must never cost an answer.
  private observe(platform: Platform, kind: string, durationMs: number, refused: boolean): void {
    const observer = this.options.observe;
    if (!observer) return;
    try {
      if (refused) observer.cooldownRefused(platform);
      observer.answered(platform, kind, durationMs / 1000);
    } catch (err) {
      this.options.logger.warn({ err }, 'metrics observer failed');
    }
  }
}

export function createHandler(options: HandlerOptions): ServiceHandler {
  const answering = new QuestionHandler(options);
  return Object.assign((question: Question) => answering.handle(question), {
    inFlight: () => answering.inFlight.size,
    async drain(timeoutMs = 10_000): Promise<void> {
      await answering.inFlight.drain(timeoutMs);
    },
  });
}
