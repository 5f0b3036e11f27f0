import type { Peer, PeerInput } from './peer';
import { KernelTerms } from './peer';

interface Turtle { id: number; anger: number; next: number; links: Link[] }
interface Link { weight: number; otherEnd(t: Turtle): Turtle }
interface TurtleSet extends Array<Turtle> {
  create(n: number, init: (t: Turtle) => void): void;
  ask(f: (t: Turtle) => void): void;
}

/**
 * Détente's contagion step as an AgentScript model (NetLogo semantics): turtles with an `anger`
 * variable, one undirected link per tie carrying its weight, and a step that asks every turtle
 * to average over its links into `next`, then asks them all to commit, as NetLogo's
 * synchronous updates are written. AgentScript's bundle sets up a canvas for colours when it
 * loads; Node has none, so a stand-in OffscreenCanvas is defined first (the model uses no canvas).
 */
export async function agentscriptPeer(input: PeerInput): Promise<Peer> {
  (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas ??= class { getContext() { return {}; } };
  const { Model } = await import('agentscript');
  const { rowPtr, col, weight, x } = input;

  class ContagionModel extends Model {
    declare turtles: TurtleSet;
    declare links: { create(a: Turtle, b: Turtle, init: (l: Link) => void): void };
    terms = new KernelTerms();

    setup() {
      this.turtles.create(x.length, (t) => {
        t.anger = x[t.id];
        t.next = 0;
      });
      // each mutual tie once, as an undirected link (it appears in both agents' rows)
      for (let i = 0; i < x.length; i++) {
        for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
          const j = col[e];
          if (j > i) this.links.create(this.turtles[i], this.turtles[j], (l) => (l.weight = weight[e]));
        }
      }
    }

    step() {
      this.turtles.ask((t) => {
        let sx = 0;
        let sw = 0;
        for (const l of t.links) {
          sx += l.weight * l.otherEnd(t).anger;
          sw += l.weight;
        }
        const pull = sw > 0 ? sx / sw - t.anger : 0;
        const { rate, noise, random } = this.terms;
        t.next = Math.min(1, Math.max(0, t.anger + rate * pull + noise * random.next()));
      });
      this.turtles.ask((t) => (t.anger = t.next));
    }
  }

  const model = new ContagionModel();
  model.setup();
  return {
    name: 'agentscript',
    step(rate, noise, seed) {
      model.terms.start(rate, noise, seed);
      model.step();
      return model.terms.random.state;
    },
    values: () => Float64Array.from(model.turtles, (t) => t.anger),
  };
}
