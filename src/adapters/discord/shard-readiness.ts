// Whether every shard of the gateway is up: false until the client is ready, and while any shard is
// reconnecting or gone. Logs each shard's comings and goings.
import type { AdapterLogger } from '../../ports/index.js';
import { Events, type Client } from 'discord.js';

export class ShardReadiness {
  private readonly up = new Set<number>();
  private clientReady = false;

  constructor(
    private readonly client: Client,
    logger: AdapterLogger,
  ) {
    client.once(Events.ClientReady, (c) => {
      this.clientReady = true;
      logger.info({ user: c.user.id, guilds: c.guilds.cache.size, shards: [...c.ws.shards.keys()] }, 'discord: ready');
    });
    client.on(Events.ShardReady, (id) => this.up.add(id));
    client.on(Events.ShardResume, (id, replayed) => {
      this.up.add(id);
      logger.info({ shard: id, replayed }, 'discord: shard resumed');
    });
    client.on(Events.ShardReconnecting, (id) => {
      this.up.delete(id);
      logger.warn({ shard: id }, 'discord: shard reconnecting');
    });
    client.on(Events.ShardDisconnect, (event, id) => {
      this.up.delete(id);
      logger.error({ shard: id, code: event.code }, 'discord: shard disconnected for good');
    });
    client.on(Events.ShardError, (err, id) => logger.warn({ err, shard: id }, 'discord: shard error'));
  }

  allUp(): boolean {
    const shards = this.client.ws.shards.size;
    return this.clientReady && shards > 0 && this.up.size === shards;
  }
}
