import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { privacy } from '../../services/privacy'
import './index.scss'

/**
 * Shown when WeChat asks for consent to the privacy guide before a personal-data API.
 * The agree button must carry open-type="agreePrivacyAuthorization".
 */
export function PrivacyDialog() {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const off = privacy.subscribe(setOpen)
    return () => {
      off()
    }
  }, [])
  if (!open) return null
  return (
    <View className="privacy-mask">
      <View className="privacy-box">
        <Text className="privacy-title">用户隐私保护提示</Text>
        <Text className="privacy-body">
          岗位通需要使用相机扫码、拍照和位置等信息来记录您的工作。请阅读
          <Text className="privacy-link" onClick={() => privacy.openContract()}>
            《岗位通隐私保护指引》
          </Text>
          ，同意后继续。
        </Text>
        <Button
          className="btn btn-primary"
          id="privacy-agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => privacy.agreed()}
        >
          同意并继续
        </Button>
        <Button className="btn btn-ghost" onClick={() => privacy.refused()}>
          拒绝
        </Button>
      </View>
    </View>
  )
}
