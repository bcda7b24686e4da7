import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { databaseAdapter } from '../../cms/db'
import { requireMongoTransactions, transactionRefusal } from '../../cms/lib/mongoTransactions'

/**
 * MongoDB without a replica set has no transactions, and Payload's adapter then turns them off
 * without a word: the portal refuses to start there instead (production shape; README "Production").
 * No MongoDB server runs on these machines, so the decision is tested as a function, and the
 * adapter's wiring by reading the adapter Payload would use.
 */
describe('MongoDB: no start without transactions', () => {
  it('starts on a replica set named in DATABASE_URL (the control)', () => {
    expect(transactionRefusal({ replicaSetOption: 'rs0', hello: { setName: 'rs0' } })).toBeNull()
  })

  it('refuses a standalone server, naming the replica set as the remedy', () => {
    const refusal = transactionRefusal({ replicaSetOption: undefined, hello: {} })
    expect(refusal).toMatch(/without a replica set/)
    expect(refusal).toMatch(/\?replicaSet=<name> to DATABASE_URL/)
  })

  it('refuses a replica set that DATABASE_URL does not name, and says which name to add', () => {
    expect(transactionRefusal({ replicaSetOption: undefined, hello: { setName: 'wp-rs' } })).toMatch(
      /Add \?replicaSet=wp-rs to DATABASE_URL/,
    )
  })

  it('refuses a mongos router (not proven here) and a server that does not answer hello', () => {
    expect(transactionRefusal({ replicaSetOption: undefined, hello: { msg: 'isdbgrid' } })).toMatch(/sharded/)
    expect(transactionRefusal({ replicaSetOption: undefined, hello: undefined })).toMatch(/without a replica set/)
  })

  it('the check reads the connection: a named replica set passes, a standalone throws', async () => {
    const connected = (replicaSet: string | undefined, hello: object) => ({
      connection: {
        getClient: () => ({ options: { replicaSet } }),
        db: { admin: () => ({ command: () => Promise.resolve(hello) }) },
      },
    })
    await expect(requireMongoTransactions(connected('rs0', { setName: 'rs0' }))).resolves.toBeUndefined()
    await expect(requireMongoTransactions(connected(undefined, { isWritablePrimary: true }))).rejects.toThrow(
      /without a replica set/,
    )
  })

  it('the MongoDB adapter runs the check once connected', () => {
    const mongo = databaseAdapter('mongodb://db.invalid/portal').init({ payload: {} as Payload }) as unknown as {
      afterOpenConnection?: unknown
    }
    expect(mongo.afterOpenConnection).toBe(requireMongoTransactions)
  })
})
