import { Input } from '@tarojs/components'
import type { InputProps } from '@tarojs/components'

export interface FieldProps {
  value: string
  /** the text as typed (in capitals with `upper`) */
  onChange: (value: string) => void
  placeholder?: string
  maxlength?: number
  type?: InputProps['type']
  /** classes beside `input` */
  className?: string
  /** plates and codes: letters in capitals as they are typed */
  upper?: boolean
}

/**
 * A one-line text box of a form: the page's `input` style, the text handed over as a string.
 * Props left out keep the Input's own defaults.
 */
export function Field({ value, onChange, placeholder, maxlength, type, className, upper }: FieldProps) {
  return (
    <Input
      className={className ? `input ${className}` : 'input'}
      value={value}
      {...(type === undefined ? {} : { type })}
      {...(maxlength === undefined ? {} : { maxlength })}
      placeholder={placeholder}
      onInput={(e) => onChange(upper ? e.detail.value.toUpperCase() : e.detail.value)}
    />
  )
}
