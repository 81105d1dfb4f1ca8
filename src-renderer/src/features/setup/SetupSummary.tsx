import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionLabel } from '../../../../src-shared/regions';
import type { SetupFormValues } from './setup-steps';

/** The last step: everything entered, to check before the shop is created. */
export function SetupSummary({ values }: { values: Partial<SetupFormValues> }) {
  const { t } = useTranslation();
  const { merchant, store, owner } = values;
  const empty = t('common.empty');
  const location =
    store?.lat != null && store.lng != null ? `${store.lat}, ${store.lng}` : t('stores.notSet');
  return (
    <>
      <Alert type="info" showIcon title={t('setup.confirmHint')} style={{ marginBottom: 20 }} />
      <Descriptions
        bordered
        column={1}
        size="middle"
        styles={{ label: { width: 160 } }}
        items={[
          { key: 'merchantName', label: t('setup.merchantName'), children: merchant?.name },
          {
            key: 'merchantCode',
            label: t('setup.merchantCode'),
            children: merchant?.code?.toUpperCase(),
          },
          { key: 'storeName', label: t('storeFields.name'), children: store?.name },
          {
            key: 'region',
            label: t('storeFields.region'),
            children: store?.districtCode ? regionLabel(store.districtCode) : empty,
          },
          { key: 'address', label: t('storeFields.address'), children: store?.address || empty },
          { key: 'location', label: t('storeFields.location'), children: location },
          { key: 'timezone', label: t('storeFields.timezone'), children: store?.timezone },
          { key: 'ownerName', label: t('setup.ownerName'), children: owner?.name },
        ]}
      />
    </>
  );
}
