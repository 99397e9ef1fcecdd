/**
 * The offline app shell (H5 only): registers the service worker the production H5 build writes
 * (`/sw.js`, made by Workbox in config/h5Shell.ts), so a reload without network still opens the
 * app with its data and outbox kept on the device. Only over http(s) where the browser offers
 * service workers (https, or 127.0.0.1/localhost); a plain-http site address gets no shell.
 * The weapp build drops the call (app.ts calls it only when TARO_ENV is 'h5').
 */
export function registerShell(): void {
  if (process.env.NODE_ENV !== 'production') return
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  if (!/^https?:$/.test(location.protocol)) return
  const go = () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .catch((e: unknown) => console.warn('[sw] not registered:', e))
  }
  // after the page has loaded, so the worker's precache never competes with the first paint
  if (document.readyState === 'complete') go()
  else window.addEventListener('load', go, { once: true })
}
