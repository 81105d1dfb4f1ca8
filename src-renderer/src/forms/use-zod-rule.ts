import type { FormRule } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { zodRule } from './zod-rule';

/** `rule(schema)` for the current language: `rules={[rule(pinSchema)]}`. */
export function useZodRule() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (schema: z.ZodType, options?: Parameters<typeof zodRule>[3]): FormRule =>
      zodRule(schema, t, i18n.language, options),
    [t, i18n.language],
  );
}
