// Simulated peers for convergence tests, in the style of Yjs' own randomised tests:
// Y.Docs that pass their updates to each other through per-link queues, deliver them
// in any interleaving, and buffer them while disconnected.
import * as Y from 'yjs';

/** Origin of updates a peer receives from another (never tracked by undo). */
export const REMOTE = Symbol('remote');

/** One simulated participant. */
export interface Peer {
  readonly doc: Y.Doc;
  /** Index of this peer in the network. */
  readonly index: number;
  online: boolean;
}

/** A set of peers and the updates in flight between them. */
export class Network {
  readonly peers: Peer[];
  // queues[from][to]: updates `from` made that `to` has not received yet.
  private readonly queues: Uint8Array[][][];

  /** Creates `count` connected peers with empty documents. */
  constructor(count: number, options: { gc?: boolean } = {}) {
    this.peers = [];
    this.queues = [];
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc(options);
      this.peers.push({ doc, index: i, online: true });
      this.queues.push(Array.from({ length: count }, () => []));
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        for (let to = 0; to < count; to++) if (to !== i) this.queues[i]![to]!.push(update);
      });
    }
  }

  /**
   * Delivers one waiting update, picked by `choice` among the links whose ends are both
   * online (each link stays in order, as a socket does). Returns false if none waits.
   */
  deliverOne(choice: number): boolean {
    const links: [number, number][] = [];
    for (const from of this.peers) {
      for (const to of this.peers) {
        if (from.online && to.online && this.queues[from.index]![to.index]!.length > 0) links.push([from.index, to.index]);
      }
    }
    if (links.length === 0) return false;
    const [from, to] = links[choice % links.length]!;
    Y.applyUpdate(this.peers[to]!.doc, this.queues[from]![to]!.shift()!, REMOTE);
    return true;
  }

  /** Brings a peer back online and, as a sync protocol does, exchanges what each side misses. */
  reconnect(index: number): void {
    const peer = this.peers[index]!;
    peer.online = true;
    for (const other of this.peers) {
      if (other === peer || !other.online) continue;
      Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc)), REMOTE);
      Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(peer.doc)), REMOTE);
    }
  }

  /** Brings everyone online and delivers everything. */
  settle(): void {
    for (const peer of this.peers) if (!peer.online) this.reconnect(peer.index);
    while (this.deliverOne(0));
  }
}
