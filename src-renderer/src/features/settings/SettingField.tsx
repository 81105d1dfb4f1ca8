import { Form, type FormItemProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSettings } from '../../../../src-shared/contract/settings';

/** The settings that are one field each, labelled `settings.<name>` and explained by `settings.<name>Help`. */
type FieldName = 'merchantName' | 'receiptHeader' | 'receiptFooter' | 'dayCutoff';

/** One row of the settings form: its label and its help line come from its name. */
export function SettingField({
  name,
  rules,
  children,
}: {
  name: FieldName & keyof ShopSettings;
  rules?: FormItemProps['rules'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={t(`settings.${name}`)}
      extra={t(`settings.${name}Help`)}
      rules={rules}
    >
      {children}
    </Form.Item>
  );
}
