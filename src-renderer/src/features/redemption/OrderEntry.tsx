import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '../../../../src-shared/money';
import { normalizeMainlandMobile } from '../../../../src-shared/phone';
import { useApi } from '../../api/api-context';
import { isApiError } from '../../api/api-error';
import { fenToYuanText, yuanProblem } from '../../forms/money';
import { YuanInput } from '../../forms/YuanInput';
import { useErrorText } from '../../i18n/error-text';
import { Money } from '../../ui/Money';
import { ProductName } from '../../ui/ProductName';
import { lineDiscounts, type OrderLine, type OrderMode } from './order';
import type { RedemptionDesk } from './use-redemption-desk';
import styles from './RedemptionPage.module.css';

/** A product by barcode first (what a scanner reads), then by SKU (what people type). */
export async function findProduct(api: ReturnType<typeof useApi>, text: string) {
  try {
    return await api.call('products.lookup', { barcode: text });
  } catch (error) {
    if (isApiError(error) && error.code === 'PRODUCT_NOT_FOUND')
      return api.call('products.lookup', { sku: text });
    throw error;
  }
}

/** A unit price cell: typed in yuan, kept when it is a valid amount. */
function PriceCell({ line, onChange }: { line: OrderLine; onChange: (fen: number) => void }) {
  const [text, setText] = useState(fenToYuanText(line.unitPriceFen));
  const fen = parseYuan(text);
  return (
    <YuanInput
      className={styles.priceInput}
      value={text}
      status={fen === null ? 'error' : undefined}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => (fen === null ? setText(fenToYuanText(line.unitPriceFen)) : onChange(fen))}
      onPressEnter={() => fen !== null && onChange(fen)}
    />
  );
}

interface TypedFieldProps {
  initial: string;
  disabled: boolean;
  onChange: (text: string) => void;
}

/**
 * The fields people type into keep their own text: a keystroke redraws the field alone, not the
 * till, which keeps a scanner's burst into a focused field fast (see use-redemption-desk).
 */
function SubtotalField({ initial, disabled, onChange }: TypedFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const problem = text.trim() ? yuanProblem(text) : null;
  return (
    <label className={styles.field}>
      <span className={styles.fieldLabel}>{t('redemption.order.subtotal')}</span>
      <YuanInput
        size="large"
        className={styles.subtotal}
        placeholder="0.00"
        disabled={disabled}
        value={text}
        status={problem ? 'error' : undefined}
        onChange={(event) => {
          setText(event.target.value);
          onChange(event.target.value);
        }}
        aria-label={t('redemption.order.subtotal')}
      />
      {problem && <Typography.Text type="danger">{t(problem)}</Typography.Text>}
    </label>
  );
}

function PhoneField({ initial, disabled, onChange }: TypedFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const invalid = text.trim() !== '' && !normalizeMainlandMobile(text);
  return (
    <label className={styles.field}>
      <span className={styles.fieldLabel}>{t('redemption.order.phone')}</span>
      <Input
        size="large"
        inputMode="tel"
        allowClear
        disabled={disabled}
        placeholder={t('redemption.order.phonePlaceholder')}
        value={text}
        status={invalid ? 'error' : undefined}
        onChange={(event) => {
          setText(event.target.value);
          onChange(event.target.value);
        }}
        aria-label={t('redemption.order.phone')}
      />
      {invalid && <Typography.Text type="danger">{t('validation.phone')}</Typography.Text>}
    </label>
  );
}

/** What the customer buys: the subtotal alone, or the goods line by line; and who they are. */
export function OrderEntry({ desk }: { desk: RedemptionDesk }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [productText, setProductText] = useState('');
  const [qty, setQty] = useState(1);
  const { order, orderLocked } = desk;

  const discounts = lineDiscounts(
    order.lines.length,
    desk.coupons.map((coupon) => coupon.verdict),
  );

  const addProduct = async () => {
    const text = productText.trim();
    if (!text) return;
    try {
      const product = await findProduct(api, text);
      desk.addLine({
        productId: product.id,
        name: product.name,
        sku: product.sku,
        qty,
        unitPriceFen: product.priceFen,
      });
      setProductText('');
      setQty(1);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div className={styles.orderEntry}>
      <Segmented<OrderMode>
        block
        size="large"
        disabled={orderLocked}
        value={order.mode}
        onChange={(mode) => desk.changeOrder({ mode })}
        options={[
          { value: 'quick', label: t('redemption.order.quick') },
          { value: 'full', label: t('redemption.order.full') },
        ]}
      />
      {order.mode === 'quick' ? (
        <SubtotalField
          initial={order.subtotalText}
          disabled={orderLocked}
          onChange={(subtotalText) => desk.changeOrder({ subtotalText }, { typed: true })}
        />
      ) : (
        <div className={styles.lines}>
          <Space.Compact block>
            <Input
              size="large"
              placeholder={t('redemption.order.productPlaceholder')}
              value={productText}
              disabled={orderLocked}
              onChange={(event) => setProductText(event.target.value)}
              onPressEnter={() => void addProduct()}
              aria-label={t('redemption.order.product')}
            />
            <InputNumber
              size="large"
              min={1}
              max={9999}
              precision={0}
              value={qty}
              disabled={orderLocked}
              onChange={(value) => setQty(value ?? 1)}
              prefix="×"
              className={styles.qtyInput}
              aria-label={t('redemption.order.qty')}
            />
            <Button
              size="large"
              type="primary"
              icon={<PlusOutlined />}
              disabled={orderLocked}
              onClick={() => void addProduct()}
            >
              {t('redemption.order.add')}
            </Button>
          </Space.Compact>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={order.lines}
            locale={{ emptyText: t('redemption.order.noLines') }}
            columns={[
              {
                key: 'name',
                title: t('redemption.order.product'),
                render: (_, line) => <ProductName name={line.name} detail={line.sku} />,
              },
              {
                key: 'price',
                title: t('redemption.order.unitPrice'),
                width: 110,
                render: (_, line) => (
                  <PriceCell
                    key={line.unitPriceFen}
                    line={line}
                    onChange={(unitPriceFen) => desk.updateLine(line.key, { unitPriceFen })}
                  />
                ),
              },
              {
                key: 'qty',
                title: t('redemption.order.qty'),
                width: 84,
                render: (_, line) => (
                  <InputNumber
                    min={1}
                    max={9999}
                    precision={0}
                    value={line.qty}
                    disabled={orderLocked}
                    onChange={(value) => value && desk.updateLine(line.key, { qty: value })}
                    className={styles.qtyCell}
                  />
                ),
              },
              {
                key: 'total',
                title: t('redemption.order.lineTotal'),
                align: 'right',
                width: 90,
                render: (_, line) => <Money fen={line.qty * line.unitPriceFen} />,
              },
              {
                key: 'discount',
                title: t('redemption.order.lineDiscount'),
                align: 'right',
                width: 84,
                render: (_, line, index) =>
                  discounts[index] ? (
                    <Money fen={discounts[index]} negative className={styles.discountText} />
                  ) : (
                    t('common.empty')
                  ),
              },
              {
                key: 'remove',
                width: 48,
                render: (_, line) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={orderLocked}
                    aria-label={t('redemption.order.removeLine')}
                    onClick={() => desk.removeLine(line.key)}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
      <PhoneField
        initial={order.phoneText}
        disabled={orderLocked}
        onChange={(phoneText) => desk.changeOrder({ phoneText }, { typed: true })}
      />
    </div>
  );
}
