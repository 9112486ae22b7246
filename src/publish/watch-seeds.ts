import { watch, type FSWatcher } from 'node:fs';

/** Files in seeds/ that make a rebuild: bulletins and their correction files. */
const WATCHED = /\.(txt|ya?ml)$/i;

/**
 * Watches seeds/ and calls `rebuild` once per burst of changes (an editor's save or a copy
 * writes several events). Changes arriving while a rebuild runs make exactly one more rebuild
 * after it, so the last state of seeds/ is always the one published.
 */
export function watchSeeds(seedsDir: string, rebuild: (changed: string[]) => Promise<void>, quietMs = 120): { close(): void; idle(): Promise<void> } {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const kick = () => {
    if (running || pending.size === 0) return;
    const changed = [...pending].sort();
    pending = new Set();
    running = rebuild(changed)
      .catch(() => undefined)
      .finally(() => {
        running = null;
        kick();
      });
  };
  const watcher: FSWatcher = watch(seedsDir, (_event, name) => {
    if (!name || !WATCHED.test(name.toString())) return;
    pending.add(name.toString());
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, quietMs);
  });
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
    idle: async () => {
      while (running || timer) await (running ?? new Promise((r) => setTimeout(r, quietMs)));
    },
  };
}
