// AgentScript ships no types; the peer bench uses its Model class only.
declare module 'agentscript' {
  export class Model {
    constructor(worldOptions?: unknown);
    setup(): void;
    step(): void;
  }
}
