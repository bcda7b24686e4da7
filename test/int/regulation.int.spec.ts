import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { parseRegulation } from '../../cms/seed/regulation/parseRegulation'
import { seedRegulation } from '../../cms/seed/regulation/seedRegulation'
import { blocksToLexical, lexicalToPlainText } from '../../cms/seed/regulation/toLexical'
import type { SerializedEditorState } from '../../cms/seed/regulation/types'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

let ctx: TestPayload
let payload: Payload
let editor: StaffUser
let handler: StaffUser

const seedText = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cms/seed/regulation/klachtenreglement.txt'),
  'utf8',
)
const plain = (state: unknown) => lexicalToPlainText(state as SerializedEditorState)

const staff = (email: string, roles: User['roles']) => createStaffUser(payload, email, email, roles)

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await staff('beheer@example.nl', ['admin'])
  editor = await staff('redacteur@example.nl', ['editor'])
  handler = await staff('behandelaar@example.nl', ['handler'])
  // As on the first start; the site is not running, so no cache signal is sent.
  expect(await seedRegulation.run(payload, {} as never)).toBe('klachtenreglement gepubliceerd (9 artikelen)')
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the seeded regulation', () => {
  it('is published once: a second start leaves the editors’ text alone', async () => {
    expect(await seedRegulation.run(payload, {} as never)).toBeNull()
    const versions = await payload.findGlobalVersions({ slug: 'regulation' })
    expect(versions.totalDocs).toBe(1)
  })

  it('holds every part of the seed text in its place, after a round trip through the database', async () => {
    const stored = await payload.findGlobal({ slug: 'regulation', overrideAccess: false })
    const seed = parseRegulation(seedText)
    expect(stored.title).toBe('Klachtenreglement Working Progression')
    expect(plain(stored.introduction)).toBe(plain(blocksToLexical(seed.introduction)))
    expect(stored.definitions?.map((d) => d.term)).toEqual([
      'Opdrachtgever',
      'Cliënt',
      'Werkgever van cliënt',
      'Derden',
    ])
    expect(stored.articles.map((a) => [a.number, plain(a.text), a.note ? plain(a.note) : null])).toEqual(
      seed.articles.map((a) => [
        a.number,
        plain(blocksToLexical(a.text)),
        a.note ? plain(blocksToLexical(a.note)) : null,
      ]),
    )
  })

  it.each([
    [1, 'Klachtrecht', 'Ieder heeft het recht', 'Algemene Wet Bestuursrecht'],
    [2, 'Definitie klacht', 'iedere uiting van ongenoegen', 'Overige manco’s in de dienstverlening'],
    [3, 'Op schrift stellen klacht', 'bij voorkeur schriftelijk', 'alleen in staat is deze mondeling te verwoorden'],
    [4, 'Toedeling verantwoordelijkheid', 'onafhankelijke medewerker', null],
    [5, 'Administratieve intake', 'Uiterlijk binnen vijf dagen', 'naar tevredenheid is afgewikkeld'],
    [
      6,
      'Begeleiding (inzien stukken / horen partijen)',
      'hoor en wederhoor',
      'geen verplichting het verslag voor akkoord te tekenen',
    ],
    [7, 'Termijnen', 'termijn van zes weken', 'niet langer zijn dan zes weken'],
    [
      8,
      'Afhandeling',
      'artikel 5.1. aangegeven contactpersoon',
      'Behoorlijk bestuur is hierbij de belangrijkste toetsingsnorm',
    ],
    [9, 'Verantwoordingsinformatie', 'Periodiek rapporteren', 'minimaal eens per kwartaal'],
  ])(
    'Art. %i "%s": its text and its note (or none) are where the seed puts them',
    async (number, title, inText, inNote) => {
      const stored = await payload.findGlobal({ slug: 'regulation' })
      const article = stored.articles.find((a) => a.number === number)
      expect(article?.title).toBe(title)
      expect(plain(article?.text)).toContain(inText)
      if (inNote === null) expect(article?.note ?? null).toBeNull()
      else {
        expect(plain(article?.note)).toContain(inNote)
        // A note sentence never leaks into the article text, and the reverse.
        expect(plain(article?.text)).not.toContain(inNote)
        expect(plain(article?.note)).not.toContain(inText)
      }
    },
  )
})

describe('drafts, publishing and history', () => {
  it('a draft is invisible to the public, also when it asks for drafts', async () => {
    await payload.updateGlobal({
      slug: 'regulation',
      draft: true,
      overrideAccess: false,
      user: editor,
      data: { title: 'Klachtenreglement (concept)', _status: 'draft' },
    })
    const publicView = await payload.findGlobal({ slug: 'regulation', overrideAccess: false })
    expect(publicView.title).toBe('Klachtenreglement Working Progression')
    const askingForDraft = await payload.findGlobal({ slug: 'regulation', draft: true, overrideAccess: false })
    expect(askingForDraft.title).toBe('Klachtenreglement Working Progression')
    const editorView = await payload.findGlobal({
      slug: 'regulation',
      draft: true,
      overrideAccess: false,
      user: editor,
    })
    expect(editorView.title).toBe('Klachtenreglement (concept)')
  })

  it('refuses to publish without a change note, naming the field', async () => {
    await expect(
      payload.updateGlobal({
        slug: 'regulation',
        overrideAccess: false,
        user: editor,
        data: { _status: 'published', changeNote: '  ' },
      }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'changeNote', message: 'Beschrijf kort wat er in deze versie is veranderd.' }] },
    })
  })

  it('an editor publishes; earlier published versions stay retrievable with their change notes', async () => {
    await payload.updateGlobal({
      slug: 'regulation',
      overrideAccess: false,
      user: editor,
      data: {
        _status: 'published',
        title: 'Klachtenreglement Working Progression 2027',
        changeNote: 'Titel aangepast',
      },
    })
    expect((await payload.findGlobal({ slug: 'regulation', overrideAccess: false })).title).toBe(
      'Klachtenreglement Working Progression 2027',
    )
    const versions = await payload.findGlobalVersions({
      slug: 'regulation',
      overrideAccess: false,
      user: editor,
      where: { 'version._status': { equals: 'published' } },
      sort: 'createdAt',
    })
    expect(versions.docs.map((v) => [v.version.title, v.version.changeNote])).toEqual([
      ['Klachtenreglement Working Progression', 'Eerste versie, overgenomen uit de tekst van het klachtenreglement.'],
      ['Klachtenreglement Working Progression 2027', 'Titel aangepast'],
    ])
  })

  it('a handler cannot change the regulation, nor read its drafts or history', async () => {
    await expect(
      payload.updateGlobal({
        slug: 'regulation',
        overrideAccess: false,
        user: handler,
        data: { title: 'Gewijzigd door behandelaar' },
      }),
    ).rejects.toThrow()
    await expect(
      payload.findGlobalVersions({ slug: 'regulation', overrideAccess: false, user: handler }),
    ).rejects.toThrow()
    const seen = await payload.findGlobal({ slug: 'regulation', draft: true, overrideAccess: false, user: handler })
    expect(seen.title).toBe('Klachtenreglement Working Progression 2027')
  })

  it('anonymous visitors cannot change it', async () => {
    await expect(
      payload.updateGlobal({ slug: 'regulation', overrideAccess: false, data: { title: 'x' } }),
    ).rejects.toThrow()
  })
})
