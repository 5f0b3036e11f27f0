/** Options of `watchWorker`. */
export interface WatchOptions {
  /** Asks the worker for a sign of life; resolves when it answers. */
  ping: () => Promise<unknown>;
  /** Called once, when the worker is found dead, with why. */
  onDeath: (reason: string) => void;
  /** Silence, while calls are in flight, after which the worker is pinged. Default 1,500 ms. */
  silenceMs?: number;
  /**
   * How long a ping may go unanswered before the worker counts as gone. Default 8,000 ms: a
   * worker answers between steps, and one step of the largest scenario the page allows takes a
   * few seconds on a slow machine.
   */
  deadMs?: number;
  /**
   * Whether the worker has already said it answers (any message from it says so). Default false:
   * a worker still loading its engine cannot answer a ping, so it is pinged only once it has
   * spoken; until then its death shows only as an error event (a script that fails to load or
   * throws).
   */
  started?: boolean;
}

/** A watch on one worker. */
export interface WorkerWatch {
  /** Marks a call in flight (the worker is expected to answer) until the returned function is called. */
  busy(): () => void;
  /** Whether the worker has been found dead. */
  readonly dead: boolean;
  /** Stops watching (no more pings, no death reported). */
  stop(): void;
}

/**
 * Watches a simulation worker for death: an uncaught error or a message that cannot be read
 * (reported by the browser as events), or — when it vanishes without either, as a worker that
 * closed itself or was killed does — silence while calls are in flight, confirmed by an
 * unanswered ping. Any message from the worker counts as a sign of life.
 */
export function watchWorker(worker: Worker, { ping, onDeath, silenceMs = 1500, deadMs = 8000, started = false }: WatchOptions): WorkerWatch {
  let lastHeard = performance.now();
  let spoken = started;
  let pending = 0;
  let pingSent: number | undefined;
  let dead = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const heard = () => {
    lastHeard = performance.now();
    pingSent = undefined;
  };
  const fromWorker = () => {
    spoken = true;
    heard();
  };
  const die = (reason: string) => {
    if (dead) return;
    dead = true;
    stop();
    onDeath(reason);
  };
  const onError = (e: ErrorEvent) => {
    // handled here, so the browser does not also report it as the page's own error
    e.preventDefault();
    die(e.message || 'an error it could not recover from');
  };
  const onMessageError = () => die('a message from it could not be read');
  const check = () => {
    // a worker loading its engine (under load, that can take seconds) is not silent but busy
    if (!spoken) return;
    const now = performance.now();
    if (pingSent !== undefined) {
      if (now - pingSent > deadMs) die(`it stopped answering for ${Math.round(deadMs / 1000)} s`);
    } else if (now - lastHeard > silenceMs) {
      const sent = (pingSent = now);
      void ping().then(() => {
        if (pingSent === sent) heard();
      }, () => undefined);
    }
  };
  function stop(): void {
    clearInterval(timer);
    timer = undefined;
    worker.removeEventListener('message', fromWorker);
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onMessageError);
  }
  worker.addEventListener('message', fromWorker);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);

  return {
    busy() {
      if (pending++ === 0 && !dead) {
        heard();
        timer = setInterval(check, Math.min(500, silenceMs));
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        if (--pending === 0) {
          clearInterval(timer);
          timer = undefined;
          pingSent = undefined;
        }
      };
    },
    get dead() {
      return dead;
    },
    stop,
  };
}
