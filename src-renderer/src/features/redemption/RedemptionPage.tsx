import { Card, Select, Typography, type InputRef } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Redemption } from '../../../../src-shared/contract/redemption';
import { formatFen } from '../../../../src-shared/money';
import { useApi } from '../../api/api-context';
import { isApiError } from '../../api/api-error';
import { isCouponCode } from '../../scanning/coupon-code';
import { useScanHandler } from '../../scanning/scanner-context';
import { useCurrentSession } from '../../session/session-context';
import { useStores, useStoreTimeZone } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { ApplicationOrderPanel } from '../coupons/ApplicationOrderPanel';
import { BestCombinationOffer } from './best-combination/BestCombinationOffer';
import { CodeEntry } from './CodeEntry';
import { CouponStack } from './CouponStack';
import { findProduct, OrderEntry } from './OrderEntry';
import { useRedemptionDesk } from './use-redemption-desk';
import { VerdictPanel } from './VerdictPanel';
import { VoidRedemptionDialog } from './VoidRedemptionDialog';
import styles from './RedemptionPage.module.css';

/** Inside a dialog, Escape belongs to the dialog. */
const inDialog = (target: EventTarget | null) =>
  target instanceof Element && target.closest('[role="dialog"]') !== null;

/**
 * 核销, the cashier's screen: the code (typed or scanned from anywhere on the page), the order,
 * the coupons on it in the order they apply, the verdict in large type, one confirm.
 */
export function RedemptionPage() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useCurrentSession();
  const stores = useStores();
  // A session without a till or a home store (an owner on a back-office PC) picks the store.
  const needsStore = !session.terminal && !session.storeId;
  const [pickedStore, setPickedStore] = useState<string | undefined>(undefined);
  const storeId = needsStore ? pickedStore : undefined;
  const timeZone = useStoreTimeZone(session.storeId ?? pickedStore);
  const desk = useRedemptionDesk(storeId);
  /** Changes to start the code field afresh (empty) after Escape. */
  const [codeGeneration, setCodeGeneration] = useState(0);
  const [voiding, setVoiding] = useState<Redemption | null>(null);
  const codeInput = useRef<InputRef>(null);

  // A code that went on the order is done with; a refused one stays, to be corrected.
  const verifyTyped = async (code: string) => {
    const outcome = await desk.checkCode(code);
    codeInput.current?.focus();
    return outcome?.added ?? false;
  };

  // A scan is a coupon, or else a product for the order (added line by line).
  useScanHandler(async (text) => {
    if (!isCouponCode(text)) {
      try {
        const product = await findProduct(api, text);
        desk.addLine({
          productId: product.id,
          name: product.name,
          sku: product.sku,
          qty: 1,
          unitPriceFen: product.priceFen,
        });
        return {
          ok: true,
          message: t('redemption.productAdded', {
            name: product.name,
            price: formatFen(product.priceFen),
          }),
        };
      } catch (error) {
        if (!isApiError(error) || error.code !== 'PRODUCT_NOT_FOUND') throw error;
        // Neither a product nor a well-formed code: the desk says why the code is wrong.
      }
    }
    return desk.checkCode(text);
  });

  // Escape clears: the refusal and the code field, or, after a redemption, starts the next order.
  const onEscape = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || inDialog(event.target) || voiding)
      return;
    if (desk.result) desk.newOrder();
    else desk.clearCheck();
    setCodeGeneration((generation) => generation + 1);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onEscape(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <>
      <PageHeader
        title={t('redemption.title')}
        subtitle={t('redemption.subtitle')}
        extra={
          needsStore && (
            <Select
              size="large"
              className={styles.storePicker}
              placeholder={t('redemption.pickStore')}
              value={pickedStore}
              onChange={setPickedStore}
              options={stores.data?.map((store) => ({ value: store.id, label: store.name }))}
            />
          )
        }
      />
      <div className={styles.desk}>
        <div className={styles.entry}>
          <Card className={styles.card}>
            <CodeEntry
              key={codeGeneration}
              onVerify={verifyTyped}
              busy={desk.busy}
              inputRef={codeInput}
            />
            <CouponStack
              coupons={desk.coupons}
              onRemove={desk.removeCoupon}
              disabled={desk.redeeming || desk.result !== null}
            />
          </Card>
          <Card className={styles.card} title={t('redemption.order.title')}>
            <OrderEntry key={desk.orderGeneration} desk={desk} />
          </Card>
        </div>
        <div className={styles.side}>
          <BestCombinationOffer desk={desk} storeId={storeId} />
          <Card className={styles.verdictCard}>
            <VerdictPanel desk={desk} timeZone={timeZone} onVoid={setVoiding} />
          </Card>
          <ApplicationOrderPanel
            activeTypes={desk.coupons.flatMap((coupon) => coupon.verdict.template?.type ?? [])}
          />
          <Typography.Text type="secondary" className={styles.scanHint}>
            {t('redemption.scanHint')}
          </Typography.Text>
        </div>
      </div>
      {voiding && (
        <VoidRedemptionDialog
          redemption={voiding}
          timeZone={timeZone}
          onVoided={desk.markVoided}
          onClose={() => setVoiding(null)}
        />
      )}
    </>
  );
}
