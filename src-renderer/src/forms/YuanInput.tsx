import { Input, type InputProps } from 'antd';

/** A money field: "¥" in front, the decimal keypad on a touch screen; the value stays text. */
export function YuanInput(props: Omit<InputProps, 'prefix' | 'inputMode'>) {
  return <Input prefix="¥" inputMode="decimal" autoComplete="off" {...props} />;
}
