import { MongoServerError } from 'mongodb'
import type { Payload, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { inTransaction, isTransientTransactionError } from '../../cms/lib/transactions'

/*
 * The intake is one transaction on MongoDB, retried when MongoDB labels a failure transient
 * (Payload 3.90 retries none, PITFALLS). No MongoDB server runs here: the adapter is a recording
 * stand-in with MongoDB's interface (beginTransaction answers an id, or null without transactions),
 * and the errors are the MongoDB driver's own, labelled as a replica set labels them.
 */

const writeConflict = () =>
  new MongoServerError({ message: 'WriteConflict', code: 112, errorLabels: ['TransientTransactionError'] })
const unknownCommit = () =>
  new MongoServerError({ message: 'commit timed out', code: 50, errorLabels: ['UnknownTransactionCommitResult'] })
const duplicateKey = () => new MongoServerError({ message: 'E11000 duplicate key', code: 11000 })

function adapter(options: { transactions?: boolean; commitFailures?: Error[] } = {}) {
  const log: string[] = []
  const commitFailures = [...(options.commitFailures ?? [])]
  let next = 0
  const payload = {
    db: {
      beginTransaction: () => {
        if (options.transactions === false) return Promise.resolve(null)
        const id = `tx${++next}`
        log.push(`begin ${id}`)
        return Promise.resolve(id)
      },
      commitTransaction: (id: string) => {
        const failure = commitFailures.shift()
        log.push(`commit ${id}${failure ? ' failed' : ''}`)
        return failure ? Promise.reject(failure) : Promise.resolve()
      },
      rollbackTransaction: (id: string) => {
        log.push(`rollback ${id}`)
        return Promise.resolve()
      },
    },
    logger: { warn: (message: string) => log.push(`warn ${message}`) },
  } as unknown as Payload
  return { payload, log }
}

describe('MongoDB: the intake in one transaction, retried on a transient failure', () => {
  it('recognises the driver’s labels, also wrapped as a cause; an unlabelled error (a duplicate key) is not transient', () => {
    expect(isTransientTransactionError(writeConflict())).toBe(true)
    expect(isTransientTransactionError(unknownCommit())).toBe(true)
    expect(isTransientTransactionError(new Error('Payload', { cause: writeConflict() }))).toBe(true)
    expect(isTransientTransactionError(duplicateKey())).toBe(false)
    expect(isTransientTransactionError(new Error('WriteConflict'))).toBe(false)
    expect(isTransientTransactionError(undefined)).toBe(false)
  })

  it('the work runs with the transaction on req and is committed once', async () => {
    const { payload, log } = adapter()
    const req: Partial<PayloadRequest> = {}
    const seen: unknown[] = []
    const result = await inTransaction(payload, req, () => {
      seen.push(req.transactionID)
      return Promise.resolve('stored')
    })
    expect(result).toBe('stored')
    expect(seen).toEqual(['tx1'])
    expect(log).toEqual(['begin tx1', 'commit tx1'])
    expect(req.transactionID).toBeUndefined()
  })

  it('a write conflict in the work: rolled back, run again in a new transaction, committed', async () => {
    const { payload, log } = adapter()
    const req: Partial<PayloadRequest> = {}
    let runs = 0
    const result = await inTransaction(
      payload,
      req,
      () => (++runs === 1 ? Promise.reject(writeConflict()) : Promise.resolve(runs)),
      { backoffMs: 0 },
    )
    expect(result).toBe(2)
    expect(log.filter((l) => !l.startsWith('warn'))).toEqual(['begin tx1', 'rollback tx1', 'begin tx2', 'commit tx2'])
  })

  it('a commit with an unknown outcome: the whole work again (the intake finds its form token if the first did commit)', async () => {
    const { payload, log } = adapter({ commitFailures: [unknownCommit()] })
    let runs = 0
    await inTransaction(payload, {}, () => Promise.resolve(++runs), { backoffMs: 0 })
    expect(runs).toBe(2)
    expect(log.filter((l) => !l.startsWith('warn'))).toEqual([
      'begin tx1',
      'commit tx1 failed',
      'rollback tx1',
      'begin tx2',
      'commit tx2',
    ])
  })

  it('an error that is not transient is rolled back and thrown at once (the control: the same work retried above)', async () => {
    const { payload, log } = adapter()
    let runs = 0
    const failure = duplicateKey()
    await expect(
      inTransaction(payload, {}, () => {
        runs++
        return Promise.reject(failure)
      }),
    ).rejects.toBe(failure)
    expect(runs).toBe(1)
    expect(log).toEqual(['begin tx1', 'rollback tx1'])
  })

  it('gives up after the attempts and throws the last failure', async () => {
    const { payload, log } = adapter()
    let runs = 0
    const failure = writeConflict()
    await expect(
      inTransaction(
        payload,
        {},
        () => {
          runs++
          return Promise.reject(failure)
        },
        { attempts: 3, backoffMs: 0 },
      ),
    ).rejects.toBe(failure)
    expect(runs).toBe(3)
    expect(log.filter((l) => l.startsWith('rollback'))).toHaveLength(3)
  })

  it('without transactions (SQLite here; the adapter answers null) the work runs once, as it is', async () => {
    const { payload, log } = adapter({ transactions: false })
    const req: Partial<PayloadRequest> = {}
    let runs = 0
    await expect(
      inTransaction(payload, req, () => Promise.reject(writeConflict()).finally(() => runs++)),
    ).rejects.toThrow('WriteConflict')
    expect(runs).toBe(1)
    expect(log).toEqual([])
    expect(req.transactionID).toBeUndefined()
  })

  it('inside a transaction the caller holds, the work joins it: no second begin, no commit of its own', async () => {
    const { payload, log } = adapter()
    const req: Partial<PayloadRequest> = { transactionID: 'outer' }
    await inTransaction(payload, req, () => Promise.resolve())
    expect(log).toEqual([])
    expect(req.transactionID).toBe('outer')
  })
})
