import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initPlatform } from './services/platform'
import { rootStore } from './stores'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initPlatform()
    rootStore.start()
  })
  return children
}

export default App
