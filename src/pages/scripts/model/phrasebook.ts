import { makeAutoObservable } from 'mobx'
import type { Phrase, PhraseGroup } from '../../../domain/scripts/phrasebook'
import type { ScriptCatalogStore } from './catalog'

export interface PhrasebookDeps {
  catalog: ScriptCatalogStore
  estate: () => { name: string; company: string } | undefined
  staffName: () => string | undefined
  now: () => number
}

/** 常用礼貌用语: every line of the library, searched within the list's department. */
export class PhrasebookStore {
  query = ''

  constructor(private deps: PhrasebookDeps) {
    makeAutoObservable<PhrasebookStore, 'deps'>(this, { deps: false })
  }

  setQuery(q: string): void {
    this.query = q
  }

  /** Phrases matching the query, grouped by situation, best group first. */
  get groups(): PhraseGroup[] {
    const { lib, filter } = this.deps.catalog
    if (!lib) return []
    const hits: Phrase[] = lib.searchPhrases(this.query, filter)
    const groups = new Map<string, PhraseGroup>()
    for (const p of hits) {
      const id = `${p.scriptId}/${p.stepId}`
      let g = groups.get(id)
      if (!g) {
        g = {
          id,
          situation: p.situation,
          scriptId: p.scriptId,
          stepId: p.stepId,
          department: p.department,
          source: p.source,
          phrases: []
        }
        groups.set(id, g)
      }
      g.phrases.push(p)
    }
    return [...groups.values()]
  }

  /** A line ready for the screen: company and estate filled in, people addressed neutrally (先生/小姐). */
  line(text: string): string {
    const L = this.deps.catalog.L
    const estate = this.deps.estate()
    return L.toDisplayPunctuation(
      L.fill(text, {
        company: estate?.company,
        estate: estate?.name,
        staffName: this.deps.staffName(),
        now: this.deps.now()
      })
    )
  }
}
