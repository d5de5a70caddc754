// The few answers the service itself gives (the core gives every other one): a flood warning, and the
// apology for a failure nobody could fix by rephrasing (its one text lives in the ports, where adapters
// find it too). Both are kind 'error' and private.
import { errorAnswer } from '../core/index.js';
import type { ServiceAnswer } from '../ports/question.js';

export { apologyAnswer, isServiceAnswer, type ServiceAnswer } from '../ports/question.js';

export function cooldownAnswer(query: string, max: number, windowSeconds: number, retryAfterSeconds: number): ServiceAnswer {
  const summary = `You have asked ${max} question${max === 1 ? '' : 's'} in the last ${windowSeconds} s, which is my limit per person. Please try again in ${retryAfterSeconds} s.`;
  return { ...errorAnswer(query, 'Slow down a little', summary), code: 'cooldown', retryAfterSeconds };
}
