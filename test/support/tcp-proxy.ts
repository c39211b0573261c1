import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the app and the database, to take the warehouse away and bring it back without
 * touching the real server: `stop` refuses connections as a stopped server does, `freeze` keeps them
 * open but silent as a cut network does, `start` relays again on the same port.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly open = new Set<Socket>();
  private frozen = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** The URL with its host and port replaced by the proxy's. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async start(): Promise<void> {
    this.frozen = false;
    const server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  /** The warehouse is down: connections are refused and the open ones are reset. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The network is gone: nothing is refused, nothing arrives, on new and open connections alike. */
  freeze(): void {
    this.frozen = true;
  }

  private relay(client: Socket): void {
    this.open.add(client);
    if (this.frozen) return;
    const upstream = connect(this.targetPort, this.targetHost);
    this.open.add(upstream);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (!this.frozen) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.open.delete(client);
      this.open.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  }
}
