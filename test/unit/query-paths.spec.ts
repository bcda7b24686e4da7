import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { canReadPersonalData } from '../../collections/access/complaintAccess'
import { personalFieldNames, QUEUE_QUERYABLE_FIELDS } from '../../collections/access/personalData'
import { Complaints } from '../../collections/Complaints'
import { namedPaths, normalisePath, sortPaths, wherePaths } from '../../hooks/complaints/queryPaths'

describe('the paths a query names, in the one spelling Payload resolves (PITFALLS.md: field paths have several spellings)', () => {
  it.each([
    ['a dotted path', { 'complainant.email': { like: 'a' } }, ['complainant.email']],
    ['GraphQL’s a__b', { complainant__email: { like: 'a' } }, ['complainant.email']],
    ['a nested object', { complainant: { email: { like: 'a' } } }, ['complainant.email']],
    ['a nested object with a__b inside', { complainant: { email__x: { equals: 1 } } }, ['complainant.email.x']],
    [
      'and / or, nested',
      { and: [{ or: [{ 'complainant.email': { equals: 'a' } }, { status: { equals: 'x' } }] }] },
      ['complainant.email', 'status'],
    ],
    [
      'AND / Or in any case (Payload lower-cases them)',
      { AND: [{ Or: [{ complainant__name: { exists: true } }] }] },
      ['complainant.name'],
    ],
    ['an and that is no list is a path', { and: { equals: 1 } }, ['and']],
    [
      'a where nested under contains (a has-many relationship or a join)',
      { attachments: { contains: { filename: { like: 'a' } } } },
      ['attachments', 'attachments.filename'],
    ],
    [
      'several operators on one path',
      { 'complainant.email': { like: 'a', not_equals: 'b' } },
      ['complainant.email', 'complainant.email'],
    ],
    ['a bare value', { 'complainant.email': 'a' }, ['complainant.email']],
    ['_id is id', { _id: { equals: 'x' } }, ['id']],
    ['an empty operator object still names its path', { complainant: {} }, ['complainant']],
  ])('%s', (_label, where, expected) => {
    expect(wherePaths(where)).toEqual(expected)
  })

  it.each([
    ['a string', 'complainant.email', ['complainant.email']],
    ['descending', '-complainant.email', ['complainant.email']],
    ['a comma list, as REST sends it', 'reference,-complainant__email', ['reference', 'complainant.email']],
    ['an array', ['-status', 'complainant.name'], ['status', 'complainant.name']],
    ['an array of comma lists', ['a,b', '-c'], ['a', 'b', 'c']],
    ['nothing', undefined, []],
  ])('sort: %s', (_label, sort, expected) => {
    expect(sortPaths(sort)).toEqual(expected)
  })

  it('a join’s where and sort belong to the joined collection; the distinct field to the collection asked', () => {
    expect(
      namedPaths({
        where: { status: { equals: 'received' } },
        sort: '-receivedAt',
        field: 'complainant__email',
        joins: { timeline: { where: { 'complaint.complainant.email': { like: 'a' } }, sort: '-at' }, letters: false },
      }),
    ).toEqual({
      paths: ['status', 'receivedAt', 'complainant.email'],
      joins: [{ joinPath: 'timeline', paths: ['complaint.complainant.email', 'at'] }],
    })
  })

  it('normalises as Payload does, and nothing else (case is kept: Payload matches field names exactly)', () => {
    expect(normalisePath('a__b__c')).toBe('a.b.c')
    expect(normalisePath('_id')).toBe('id')
    expect(normalisePath('Complainant.Email')).toBe('Complainant.Email')
  })
})

describe('the registry of personal fields is read from collections/Complaints (Decision 15)', () => {
  const registry = personalFieldNames(Complaints.fields)
  // A `ui` field (a panel, a notice) stores nothing, so it is neither personal nor queryable.
  const topLevel = (fields: readonly Field[]): string[] =>
    fields.flatMap((f) =>
      f.type === 'ui'
        ? []
        : f.type === 'tabs'
          ? f.tabs.flatMap((t) => ('name' in t && t.name ? [t.name] : topLevel(t.fields)))
          : 'name' in f && f.name
            ? [f.name]
            : 'fields' in f
              ? topLevel(f.fields)
              : [],
    )

  it('holds the complainant, the content, the tabs of the case file and the joins', () => {
    expect(registry).toEqual(
      expect.arrayContaining([
        'complainant',
        'channel',
        'complaintText',
        'attachments',
        'involvedStaff',
        'acknowledgement',
        'nonAdmission',
        'decision',
        'informal',
        'hearing',
        'messages',
        'letters',
        'timeline',
        'uwvLabourExpert',
      ]),
    )
  })

  it('finds a field given canReadPersonalData anywhere: in a row, a collapsible, a named or unnamed tab', () => {
    const fields: Field[] = [
      {
        type: 'row',
        fields: [
          { name: 'a', type: 'text', access: { read: canReadPersonalData } },
          { name: 'b', type: 'text' },
        ],
      },
      { type: 'collapsible', label: 'x', fields: [{ name: 'c', type: 'text', access: { read: canReadPersonalData } }] },
      {
        type: 'tabs',
        tabs: [
          { name: 'd', fields: [], access: { read: canReadPersonalData } },
          { label: 'e', fields: [{ name: 'f', type: 'checkbox', access: { read: canReadPersonalData } }] },
        ],
      },
      { name: 'g', type: 'text', access: { read: () => false } },
    ]
    expect(personalFieldNames(fields)).toEqual(['a', 'c', 'd', 'f'])
  })

  it('every top-level field of a complaint is either personal, or queryable by the queue, or neither on purpose — a new field is none of these until someone decides', () => {
    // formToken: nobody reads it; deadlineOutcomes: shown with the queue, but no query needs it.
    const neither = ['formToken', 'deadlineOutcomes']
    const classified = [
      ...registry,
      ...QUEUE_QUERYABLE_FIELDS.filter((f) => f !== 'id' && f !== 'createdAt' && f !== 'updatedAt'),
      ...neither,
    ]
    expect([...topLevel(Complaints.fields)].sort()).toEqual([...classified].sort())
    expect(QUEUE_QUERYABLE_FIELDS.filter((f) => registry.includes(f))).toEqual([])
  })
})
