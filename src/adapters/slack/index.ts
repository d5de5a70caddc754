// The Slack surface's public face: the factory main.ts calls, and the pure renderer.
export {
  createSlackSurface,
  normaliseApiUrl,
  SLACK_EVENTS_PATH,
  SlackSurfaceError,
  type SlackSurface,
  type SlackSurfaceErrorCode,
  type SlackSurfaceOptions,
} from './surface.js';
export type { SlackLogger } from './logger.js';
export { renderAnswer, SHARE_ACTION_ID, type RenderOptions } from './render.js';
export type { Block, SlackMessage } from './blocks.js';
export { SLACK_LIMITS } from './limits.js';
