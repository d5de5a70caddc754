// The one place an adapter turns a failure into the apology. The service's handler never rejects (it
// logs a failure under a reference id and answers the ports' apology); a surface handed a handler that
// does throw (a test, a standalone surface) wraps it here once, so no listener catches a failed answer
// itself and every failure reads the same.
import { randomBytes } from 'node:crypto';
import { apologyAnswer, type AdapterLogger, type Handler, type ServiceAnswer } from '../../ports/index.js';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Log `error` under a fresh reference id and hand back the apology quoting it. */
export function apologise(logger: Pick<AdapterLogger, 'error'>, error: unknown, query: string, what: string): ServiceAnswer {
  const ref = randomBytes(4).toString('hex');
  logger.error({ err: error, ref }, `${what} failed: ${describe(error)}`);
  return apologyAnswer(query, ref);
}

/** The handler as a surface uses it: a throw (or a synchronous one) becomes the apology. */
export function apologising(handler: Handler, logger: Pick<AdapterLogger, 'error'>, platform: string): Handler {
  return async (question) => {
    try {
      return await handler(question);
    } catch (error) {
      return apologise(logger, error, typeof question.text === 'string' ? question.text : '', `${platform}: answering a question`);
    }
  };
}
