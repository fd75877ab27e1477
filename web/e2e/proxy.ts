// A TCP proxy between the browser and the server, so a test can drop every connection
// (HTTP and websocket) and refuse new ones for a while: a real outage as the app sees it.
import { createServer, Socket, type Server } from "node:net";

export class Proxy {
  port = 0;
  private server: Server;
  private sockets = new Set<Socket>();
  private down = false;

  constructor(private target: number) {
    this.server = createServer((client) => {
      if (this.down) return client.destroy();
      const upstream = new Socket();
      upstream.connect(this.target, "127.0.0.1");
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ]) {
        a.pipe(b);
        a.on("error", () => b.destroy());
        a.on("close", () => b.destroy());
        this.sockets.add(a);
        a.on("close", () => this.sockets.delete(a));
      }
    });
  }

  start(): Promise<number> {
    return new Promise((done) =>
      this.server.listen(0, "127.0.0.1", () => {
        this.port = (this.server.address() as { port: number }).port;
        done(this.port);
      }),
    );
  }

  /** Drops every open connection and refuses new ones until `restore`. */
  cut() {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore() {
    this.down = false;
  }

  close() {
    this.cut();
    return new Promise((done) => this.server.close(done));
  }
}
