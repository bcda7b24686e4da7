import { describe, expect, it } from 'vitest'

import { dataIssues, type FlatField, MESSAGES, resolvePath, whereIssues } from '../../cms/lib/malformedInput'

const users: FlatField[] = [
  { name: 'name', type: 'text' },
  { name: 'createdAt', type: 'date' },
]
const fields: FlatField[] = [
  { name: 'receivedAt', type: 'date' },
  { name: 'attempts', type: 'number' },
  { name: 'reference', type: 'text' },
  { name: 'status', type: 'select' },
  { name: 'location', type: 'point' },
  { name: 'deadlines', type: 'group', flattenedFields: [{ name: 'acknowledgeBy', type: 'date' }] },
  {
    name: 'resends',
    type: 'array',
    flattenedFields: [
      { name: 'at', type: 'date' },
      { name: 'note', type: 'textarea' },
    ],
  },
  { name: 'handler', type: 'relationship', relationTo: 'users' },
]
const fieldsOf = (slug: string) => (slug === 'users' ? users : undefined)
const issues = (where: unknown) => whereIssues(where, fields, fieldsOf)

describe('queries whose values do not fit their field are found before the database (never a 500)', () => {
  it.each([
    ['a date', { receivedAt: { greater_than: '2026-03-14' } }],
    ['a Date object and null', { and: [{ receivedAt: { less_than: new Date() } }, { receivedAt: { equals: null } }] }],
    ['a list of dates, also comma-separated', { receivedAt: { in: '2026-01-01,2026-02-01' } }],
    ['a number as text', { attempts: { greater_than: '3' } }],
    ['exists on a date', { receivedAt: { exists: 'false' } }],
    ['near on a point', { location: { near: '5.1,52.1,1000' } }],
    ['a path it does not know (left to Payload)', { nope: { equals: { x: 1 } } }],
  ])('control: %s passes', (_what, where) => {
    expect(issues(where)).toEqual([])
  })

  it.each([
    ['a word for a date', { receivedAt: { greater_than: 'gisteren' } }, 'receivedAt', MESSAGES.date('gisteren')],
    ['one bad date in a list', { receivedAt: { in: ['2026-01-01', 'morgen'] } }, 'receivedAt', MESSAGES.date('morgen')],
    ['an object for a value', { status: { equals: { x: '1' } } }, 'status', MESSAGES.single],
    ['a word for a number', { attempts: { less_than: 'veel' } }, 'attempts', MESSAGES.number('veel')],
    ['near on text', { reference: { near: '1,2' } }, 'reference', MESSAGES.point],
    [
      'a date in a group, dotted',
      { 'deadlines.acknowledgeBy': { less_than: 'ooit' } },
      'deadlines.acknowledgeBy',
      MESSAGES.date('ooit'),
    ],
    [
      'a date in a group, with Payload’s double underscore',
      { deadlines__acknowledgeBy: { less_than: 'ooit' } },
      'deadlines__acknowledgeBy',
      MESSAGES.date('ooit'),
    ],
    ['a date in an array', { 'resends.at': { equals: 'nu' } }, 'resends.at', MESSAGES.date('nu')],
    [
      'a date across a relationship',
      { 'handler.createdAt': { greater_than: 'x' } },
      'handler.createdAt',
      MESSAGES.date('x'),
    ],
    [
      'deep inside and/or',
      { or: [{ and: [{ receivedAt: { greater_than: 'nooit' } }] }] },
      'receivedAt',
      MESSAGES.date('nooit'),
    ],
  ])('refuses %s, at its path', (_what, where, path, message) => {
    expect(issues(where)).toEqual([{ path, message }])
  })

  it('follows paths the way Payload does', () => {
    expect(resolvePath(fields, 'deadlines__acknowledgeBy', fieldsOf)?.type).toBe('date')
    expect(resolvePath(fields, 'handler.name', fieldsOf)?.type).toBe('text')
    expect(resolvePath(fields, 'reference.deeper', fieldsOf)).toBeUndefined()
  })
})

describe('writes that cannot be stored as sent are found before any hook', () => {
  it('control: real dates and ordinary text pass', () => {
    expect(
      dataIssues(
        {
          receivedAt: '2026-03-14T10:00:00Z',
          reference: 'WP-2026-0001',
          resends: [{ at: new Date(), note: 'Regel 1\nRegel 2' }],
        },
        fields,
      ),
    ).toEqual([])
  })

  it('a date that is no date, at its path (also in groups and array rows)', () => {
    expect(
      dataIssues(
        {
          receivedAt: 'gisteren',
          deadlines: { acknowledgeBy: 'morgen' },
          resends: [{ at: '2026-01-01' }, { at: 'nu' }],
        },
        fields,
      ),
    ).toEqual([
      { path: 'receivedAt', message: MESSAGES.date('gisteren') },
      { path: 'deadlines.acknowledgeBy', message: MESSAGES.date('morgen') },
      { path: 'resends.1.at', message: MESSAGES.date('nu') },
    ])
  })

  it('a text the driver would cut at a NUL, or half an emoji, in any text field', () => {
    expect(dataIssues({ reference: 'WP\u0000-1', resends: [{ note: 'kapot \uD83D' }] }, fields)).toEqual([
      { path: 'reference', message: MESSAGES.unstorable },
      { path: 'resends.0.note', message: MESSAGES.unstorable },
    ])
  })
})
