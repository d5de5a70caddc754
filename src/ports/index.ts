// The ports: the types every layer agrees on. They import nothing from adapters or the service.
export type { Handler, Platform, Question, ServiceAnswer } from './question.js';
export { apologyAnswer, isServiceAnswer } from './question.js';
export type { AdapterLogger, Logger } from './logger.js';
export { CodedError, isCodedError } from './errors.js';
export type { KeyValueStore } from './store.js';
export type { AdapterContext, CompleteFn, PlatformAdapter, PlatformObserver, PlatformSecrets, Route, RouteListener, Surface, WorkTracker } from './platform.js';
