import { App, Card, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoreQr } from '../../../../src-shared/contract/claims';
import { useErrorText } from '../../i18n/error-text';
import { QrCode } from '../../ui/QrCode';
import { useOfferableTemplates, useSetDefaultCoupon, useStoreQrs } from './claims-queries';
import { QrPrintActions } from './QrPrintActions';
import styles from './ClaimQrPage.module.css';

/** 门店二维码: one fixed QR per store, and the coupon it gives now (changed here, never reprinted). */
export function StoreQrsCard() {
  const { t } = useTranslation();
  const storeQrs = useStoreQrs();
  return (
    <Card
      title={t('claimQr.stores.title')}
      extra={<Typography.Text type="secondary">{t('claimQr.stores.subtitle')}</Typography.Text>}
      data-testid="store-qrs"
    >
      <div className={styles.storeGrid}>
        {storeQrs.data?.stores.map((store) => (
          <StoreQrTile key={store.storeId} store={store} />
        ))}
      </div>
    </Card>
  );
}

function StoreQrTile({ store }: { store: StoreQr }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const templates = useOfferableTemplates();
  const setDefault = useSetDefaultCoupon();

  const choose = async (templateId: string | null) => {
    try {
      const saved = await setDefault.mutateAsync({ storeId: store.storeId, templateId });
      message.success(
        saved.templateName
          ? t('claimQr.stores.saved', { store: saved.storeName, template: saved.templateName })
          : t('claimQr.stores.cleared', { store: saved.storeName }),
      );
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div className={styles.storeTile} data-testid={`store-qr-${store.storeId}`}>
      <div className={styles.storeQr}>
        {store.url ? (
          <QrCode payload={store.url} size={112} alt={store.storeName} />
        ) : (
          <Typography.Text type="secondary">{t('claimQr.noUrl')}</Typography.Text>
        )}
      </div>
      <div className={styles.storeFacts}>
        <Typography.Text strong>{store.storeName}</Typography.Text>
        <label className={styles.storeField}>
          <span>{t('claimQr.stores.defaultCoupon')}</span>
          <Select
            value={store.templateId ?? ''}
            loading={templates.isPending || setDefault.isPending}
            style={{ minWidth: 180 }}
            aria-label={t('claimQr.stores.defaultCoupon')}
            options={[
              { value: '', label: t('claimQr.stores.none') },
              ...(templates.data ?? []).map((template) => ({
                value: template.id,
                label: template.name,
              })),
              // A coupon chosen before and since paused: still shown by its name.
              ...(store.templateId && !templates.data?.some((x) => x.id === store.templateId)
                ? [{ value: store.templateId, label: store.templateName ?? '' }]
                : []),
            ]}
            onChange={(value: string) => void choose(value || null)}
          />
        </label>
        {store.url && (
          <Typography.Text
            className={styles.url}
            copyable={{ text: store.url, tooltips: [t('claimQr.copy'), t('claimQr.copied')] }}
          >
            {store.url}
          </Typography.Text>
        )}
        <QrPrintActions target={{ store }} disabled={!store.url} />
      </div>
    </div>
  );
}
