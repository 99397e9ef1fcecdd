import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PROVINCES, formatPlate, plateProblem } from '../../../domain/gate/plates'

/** Provinces most plates at this estate carry come first; the rest are one more tap away. */
const COMMON = ['粤', '湘', '桂', '赣', '闽', '川', '鄂', '豫']
const KEYS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('')

/**
 * Plate entry without the phone keyboard: the province is one tap, then letters and digits
 * on large keys. 8 characters for new-energy plates; I and O are not on the pad.
 */
export function PlateKeypad({ value, onChange }: { value: string; onChange: (plate: string) => void }) {
  const [allProvinces, setAll] = useState(false)
  const needProvince = value.length === 0
  const problem = value.length >= 7 ? plateProblem(value) : undefined
  const push = (k: string) => value.length < 8 && onChange(value + k)
  const provinces = allProvinces ? [...PROVINCES] : COMMON
  return (
    <View className="plate-pad">
      <View className={`plate-show ${problem ? 'plate-bad' : value.length >= 7 ? 'plate-ok' : ''}`}>
        <Text className="plate-text">{value ? formatPlate(value) : '请输入车牌'}</Text>
        {value.length >= 7 && !problem && (
          <Text className="plate-kind">{value.length === 8 ? '新能源' : '普通'}</Text>
        )}
      </View>
      {problem && <Text className="error-text">{problem}</Text>}
      {needProvince ? (
        <View className="keys">
          {provinces.map((p) => (
            <View key={p} className="key key-prov" hoverClass="key-hover" onClick={() => push(p)}>
              {p}
            </View>
          ))}
          {!allProvinces && (
            <View className="key key-wide" hoverClass="key-hover" onClick={() => setAll(true)}>
              更多省份
            </View>
          )}
        </View>
      ) : (
        <View className="keys">
          {KEYS.map((k) => (
            <View key={k} className="key" hoverClass="key-hover" onClick={() => push(k)}>
              {k}
            </View>
          ))}
          <View
            className="key key-wide key-del"
            hoverClass="key-hover"
            onClick={() => onChange(value.slice(0, -1))}
          >
            删除
          </View>
          <View className="key key-wide key-del" hoverClass="key-hover" onClick={() => onChange('')}>
            清空
          </View>
        </View>
      )}
    </View>
  )
}
