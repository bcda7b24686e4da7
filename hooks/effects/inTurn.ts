/**
 * Runs `work` after every earlier work of the same key in this process has settled: one at a
 * time per key, any number of keys at once. The queue of a key is gone once its last work is done.
 * (Within one process only: across processes the database's unique keys decide, hooks/effects/once.ts.)
 */
export function inTurn<T>(queues: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve()
  const run = before.catch(() => undefined).then(work)
  const settled = run.catch(() => undefined)
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return run
}
