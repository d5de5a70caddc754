// Bolt's App with each delivery counted in the service's work tracker.
import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import type { WorkTracker } from '../../ports/index.js';

/**
 * Bolt's App with each delivery counted once, whichever receiver brings it (HTTP or Socket Mode): from
 * processEvent, which both call, until every listener has finished (its reply posted), so stop() can
 * wait for the replies in flight.
 */
export class TrackedApp extends App {
  constructor(
    private readonly tracker: WorkTracker,
    options: AppOptions,
  ) {
    super(options);
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    return this.tracker.run(() => super.processEvent(event));
  }
}
