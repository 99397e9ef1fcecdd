import { reaction } from 'mobx'
import { useEffect, useRef } from 'react'
import { rootStore } from '../stores'

/**
 * Reloads the page's data when the network comes back while it is open, so a "网络不通" note
 * read offline goes without the person pulling down or leaving the page.
 */
export function useBackOnline(reload: () => void): void {
  const latest = useRef(reload)
  latest.current = reload
  useEffect(
    () =>
      reaction(
        () => rootStore.outbox.offline,
        (offline) => {
          if (!offline) latest.current()
        }
      ),
    []
  )
}
