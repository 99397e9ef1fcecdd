import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initPlatform } from './services/platform'
import { registerShell } from './services/shell'
import { rootStore } from './stores'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initPlatform()
    rootStore.start()
    // the H5 build's offline app shell (never in the mini program)
    if (process.env.TARO_ENV === 'h5') registerShell()
  })
  return children
}

export default App
