// The bot's Slack listeners behind one Bolt middleware. Bolt runs every registered listener's middleware
// chain (onlyCommands, matchCommandName, matchConstraints, …; each step a copy of the arguments and a
// promise) for every request, so six listeners cost six chains per delivery. Here a delivery is matched
// once, by a Map lookup on what Bolt's own matchers compare (a command's name; a block_actions payload's
// action_id; an event's type), and handed to its one listener with the arguments Bolt gives a listener.
// A delivery nothing here takes goes on to Bolt's listeners (none are registered), unacked, as before.
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';

export type CommandListener = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;
export type BlockActionListener = (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => Promise<void>;
export type EventListener<T extends string> = (args: SlackEventMiddlewareArgs<T> & AllMiddlewareArgs) => Promise<void>;

type AnyListener = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

export class SlackRouter {
  private readonly commands = new Map<string, AnyListener>();
  private readonly actions = new Map<string, AnyListener>();
  /** action_ids matched by a pattern (a family of buttons), tried after the exact ones */
  private readonly actionPatterns: Array<[RegExp, AnyListener]> = [];
  private readonly events = new Map<string, AnyListener>();

  /** a slash command, by its exact name (what Bolt's matchCommandName compares) */
  command(name: string, listener: CommandListener): void {
    this.add(this.commands, name, listener as AnyListener);
  }

  /** a block_actions click, by its action_id or a pattern of them (Bolt's matchConstraints with type and action_id) */
  blockAction(actionId: string | RegExp, listener: BlockActionListener): void {
    if (typeof actionId === 'string') this.add(this.actions, actionId, listener as AnyListener);
    else this.actionPatterns.push([actionId, listener as AnyListener]);
  }

  /** an Events API event, by its type (Bolt's matchEventType with a string) */
  event<T extends string>(type: T, listener: EventListener<T>): void {
    this.add(this.events, type, listener as unknown as AnyListener);
  }

  private add(routes: Map<string, AnyListener>, key: string, listener: AnyListener): void {
    if (routes.has(key)) throw new Error(`slack: a second listener for ${key}`);
    routes.set(key, listener);
  }

  /** The listener for this delivery, matched as Bolt's onlyX + matchY middleware would, or undefined. */
  listenerFor(args: AnyMiddlewareArgs): AnyListener | undefined {
    if ('command' in args && args.command) return this.commands.get(args.command.command);
    if ('action' in args && args.action) {
      const action = args.action as { action_id?: unknown };
      if (args.body.type !== 'block_actions' || typeof action.action_id !== 'string') return undefined;
      const id = action.action_id;
      return this.actions.get(id) ?? this.actionPatterns.find(([pattern]) => pattern.test(id))?.[1];
    }
    if ('event' in args && args.event) {
      const type = (args.event as { type?: unknown }).type;
      return typeof type === 'string' ? this.events.get(type) : undefined;
    }
    return undefined;
  }

  /** The one global middleware: runs the matched listener, or passes the delivery on. */
  readonly middleware: Middleware<AnyMiddlewareArgs> = (args) => {
    const listener = this.listenerFor(args);
    return listener === undefined ? args.next() : listener(args);
  };
}
