/**
 * What the MongoDB deployment says about itself when the CMS connects: the `replicaSet` option of
 * the connection (Payload's db-mongodb turns transactions off without it, silently:
 * `db-mongodb/src/connect.ts`), and the server's own `hello` answer (`setName` for a member of a
 * replica set, `msg: 'isdbgrid'` for a mongos router of a sharded cluster).
 */
export type MongoTopology = {
  replicaSetOption: string | undefined
  hello: { setName?: string; msg?: string } | undefined
}

/**
 * Why the CMS must not start on this MongoDB deployment, or null when it may. The intake writes
 * several documents that stand or fall together (complaint, reference, timeline, letters) and the
 * outbox and the job queue rely on them too; without transactions a crash between two writes
 * leaves half a registration (README, "Production"). Payload needs the `replicaSet` connection
 * option to use transactions at all, so a replica set reached without it is refused as well,
 * with the option to add.
 */
export function transactionRefusal(topology: MongoTopology): string | null {
  if (topology.replicaSetOption) return null
  const setName = topology.hello?.setName
  if (setName) {
    return `MongoDB is a replica set ("${setName}"), but DATABASE_URL does not name it, so Payload would run without transactions. Add ?replicaSet=${setName} to DATABASE_URL.`
  }
  if (topology.hello?.msg === 'isdbgrid') {
    return 'MongoDB is a sharded cluster (mongos), on which this portal has not been proven; run it on a replica set and add ?replicaSet=<name> to DATABASE_URL.'
  }
  return 'MongoDB runs without a replica set, so it has no transactions and a crash could leave half a registration. Run MongoDB as a replica set (three members in production; one member is enough to test) and add ?replicaSet=<name> to DATABASE_URL.'
}

type ConnectedAdapter = {
  connection: {
    getClient(): { options: { replicaSet?: string } }
    db?: { admin(): { command(command: Record<string, unknown>): Promise<unknown> } }
  }
}

/**
 * The adapter's `afterOpenConnection`: reads the topology and refuses to go on when the deployment
 * has no transactions. The error reaches the start's log as one line and the process stops.
 */
export async function requireMongoTransactions(adapter: ConnectedAdapter): Promise<void> {
  const replicaSetOption = adapter.connection.getClient().options.replicaSet
  let hello: MongoTopology['hello']
  try {
    hello = (await adapter.connection.db?.admin().command({ hello: 1 })) as MongoTopology['hello']
  } catch {
    hello = undefined
  }
  const refusal = transactionRefusal({ replicaSetOption, hello })
  if (refusal) throw new Error(refusal)
}
