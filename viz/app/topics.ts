/** Listeners by topic: `on` subscribes (and returns the way to unsubscribe), `notify` calls a topic's listeners. */
export function topics<T extends string>(): { on(topic: T, listener: () => void): () => void; notify(topic: T): void } {
  const listeners = new Map<T, Set<() => void>>();
  return {
    on(topic, listener) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
    notify(topic) {
      for (const l of listeners.get(topic) ?? []) l();
    },
  };
}
