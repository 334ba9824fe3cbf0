import type { ViewFields } from "../posts/view-fields";

export interface StreamConnection {
  clientId: string;
  view: ViewFields;
  send(chunk: string): void;
  close(finalMessage?: string): void;
}

/** Open filtered-stream connections, one per app as at X. */
export class StreamHub {
  private connections = new Map<string, StreamConnection>();

  has(clientId: string): boolean {
    return this.connections.has(clientId);
  }

  add(connection: StreamConnection): void {
    this.connections.set(connection.clientId, connection);
  }

  remove(connection: StreamConnection): void {
    if (this.connections.get(connection.clientId) === connection) {
      this.connections.delete(connection.clientId);
    }
  }

  get(clientId: string): StreamConnection | undefined {
    return this.connections.get(clientId);
  }

  all(): StreamConnection[] {
    return [...this.connections.values()];
  }

  /** Ends connections the way X's operational disconnects do: an error message, then EOF. */
  disconnect(clientId?: string): number {
    const targets = this.all().filter((c) => !clientId || c.clientId === clientId);
    const message = JSON.stringify({
      errors: [
        {
          title: "operational-disconnect",
          disconnect_type: "OperationalDisconnect",
          detail: "This stream has been disconnected for operational reasons.",
          type: "https://api.x.com/2/problems/operational-disconnect",
        },
      ],
    });
    for (const connection of targets) {
      connection.close(message);
      this.remove(connection);
    }
    return targets.length;
  }
}
