import { COLLECTIONS } from '../data/schema'

/**
 * The index manifest of the CloudBase database, generated from `schema.ts`: one entry per
 * collection in the request shape of WeChat's `tcb/updateindex` HTTP API
 * (developers.weixin.qq.com → 云开发 → HTTP API → 数据库 → updateIndex): `create_indexes`
 * of `{ name, unique, keys: [{ name, direction: '1' }] }`. wx-server-sdk cannot create
 * indexes; `npm run cloud:indexes` sends this, or prints the console steps.
 */
export interface IndexManifest {
  collections: {
    collection_name: string
    create_indexes: { name: string; unique: boolean; keys: { name: string; direction: '1' | '-1' }[] }[]
  }[]
}

/** CloudBase allows at most 20 indexes per collection; index names at most 64 characters. */
export const MAX_INDEXES_PER_COLLECTION = 20

export function indexName(fields: readonly string[]): string {
  const name = `ix_${fields.join('_').replace(/\./g, '_')}`
  return name.length <= 64 ? name : name.slice(0, 64)
}

export function indexManifest(): IndexManifest {
  const collections = Object.entries(
    COLLECTIONS as Record<string, { indexes: readonly (readonly string[])[] }>
  ).map(([coll, spec]) => {
    if (spec.indexes.length > MAX_INDEXES_PER_COLLECTION)
      throw new Error(`${coll}: more than ${MAX_INDEXES_PER_COLLECTION} indexes`)
    return {
      collection_name: coll,
      create_indexes: spec.indexes.map((fields) => ({
        name: indexName(fields),
        unique: false,
        keys: fields.map((f) => ({ name: f, direction: '1' as const }))
      }))
    }
  })
  return { collections }
}
