import { DeleteOutlined, ImportOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS, type Role } from '../../../../src-shared/contract';
import type { Product } from '../../../../src-shared/contract/products';
import { formatFen } from '../../../../src-shared/money';
import type { TillMember } from '../../../../src-shared/contract/members';
import type { Sale, TenderInput } from '../../../../src-shared/contract/sales';
import { parseYuan } from '../../../../src-shared/money';
import { normalizeMainlandMobile } from '../../../../src-shared/phone';
import { fenToYuanText } from '../../forms/money';
import { YuanInput } from '../../forms/YuanInput';
import { useApi } from '../../api/api-context';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProductName } from '../../ui/ProductName';
import { ProductPicker } from '../../ui/ProductPicker';
import { StoreSelect, useDefaultStoreId } from '../../ui/StoreSelect';
import { DrawerButton } from '../till/DrawerButton';
import { TillMemberPanel } from '../members/TillMemberPanel';
import { enterTender, newTenderDraft, TENDER_KEYS, type TenderDraft } from '../till/tender-draft';
import { useCouponDiscount, usePrintReceipt, useTillSettings } from '../till/till-queries';
import { RecentSales } from './RecentSales';
import { SalePayment } from './SalePayment';
import { SaleResult } from './SaleResult';
import { linePriceFen, newSaleDraft, subtotalFen, toSaleInput, type SaleDraft } from './sale-draft';
import { useRecordSale } from './sales-queries';
import { looksLikeMemberQr } from '../../../../src-shared/members/member-qr';
import { useLookupMember } from '../members/members-queries';
import { isApiError } from '../../api/api-error';
import { NO_PRINTER_CODES } from '../printing/no-printer/NoPrinterModal';
import { ReceiptWithoutPrinter } from '../till/ReceiptWithoutPrinter';
import { SalesImportWizard } from './SalesImportWizard';
import styles from './SalePage.module.css';

/** A unit price typed in yuan; kept when it reads as an amount, put back when it does not. */
function PriceCell({
  fen,
  label,
  onChange,
}: {
  fen: number;
  label: string;
  onChange: (fen: number) => void;
}) {
  const [text, setText] = useState(fenToYuanText(fen));
  const typed = parseYuan(text);
  return (
    <YuanInput
      value={text}
      status={typed === null ? 'error' : undefined}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => (typed === null ? setText(fenToYuanText(fen)) : onChange(typed))}
      onPressEnter={() => typed !== null && onChange(typed)}
      aria-label={label}
    />
  );
}

/** Keys typed into a field or a dialog are that field's, not the till's. */
const inField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (!!target.closest('input, textarea, select, [contenteditable="true"]') ||
    !!target.closest('.ant-modal'));

/**
 * 销售录单: a sale entered by hand (scan or search goods, a phone and coupons if any), paid by
 * one or more tenders and recorded once however often Enter is pressed; stock goes down with
 * it, the receipt prints and a cash sale opens the drawer. Keyboard first: the scanner adds
 * goods and coupons, Enter pays cash exact, F-keys pick a tender, Esc goes back a step.
 */
export function SalePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const session = useCurrentSession();
  const defaultStoreId = useDefaultStoreId(session.storeId);
  const [chosenStoreId, setStoreId] = useState<string | undefined>();
  const storeId = chosenStoreId ?? defaultStoreId;
  const [draft, setDraft] = useState<SaleDraft>(newSaleDraft);
  // The member of this sale (found or signed up at the till): the sale, its points, are theirs.
  const [member, setMember] = useState<TillMember | null>(null);
  const [recorded, setRecorded] = useState<{
    sale: Sale;
    replayed: boolean;
    changeFen: number;
  } | null>(null);
  const [tender, setTender] = useState<TenderDraft>(newTenderDraft);
  // A receipt this till could not print for want of a slip printer (shown, printable on A4).
  const [unprinted, setUnprinted] = useState<{ sale: Sale; reprint: boolean } | null>(null);
  const tenderInput = useRef<InputRef>(null);
  const settings = useTillSettings();
  const printReceipt = usePrintReceipt();
  const api = useApi();
  const [earned, setEarned] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const canImport = (MANAGERS as readonly Role[]).includes(session.staff.role);
  const record = useRecordSale();
  // A double click's second press comes before the first has redrawn the button as busy.
  const sending = useRef(false);

  const change = (next: Partial<SaleDraft>) => setDraft((current) => ({ ...current, ...next }));
  const addProduct = (product: Product) =>
    setDraft((current) => ({
      ...current,
      lines: current.lines.some((line) => line.product.id === product.id)
        ? current.lines.map((line) =>
            line.product.id === product.id ? { ...line, qty: (line.qty ?? 0) + 1 } : line,
          )
        : [...current.lines, { product, qty: 1, unitPriceFen: product.priceFen }],
    }));
  const updateLine = (productId: string, next: { qty?: number | null; unitPriceFen?: number }) =>
    change({
      lines: draft.lines.map((line) =>
        line.product.id === productId ? { ...line, ...next } : line,
      ),
    });
  const addCoupon = (code: string) => {
    if (!draft.couponCodes.includes(code)) change({ couponCodes: [...draft.couponCodes, code] });
    return t('sale.couponScanned');
  };
  // A scanned code that is no product: the wallet's member code makes the sale the member's,
  // anything else is tried as a coupon.
  const lookupMember = useLookupMember();
  const onUnknownCode = (code: string) => {
    if (!looksLikeMemberQr(code)) return addCoupon(code);
    lookupMember.mutateAsync({ qr: code }).then(
      (answer) => {
        if (answer.matches[0]) setMember(answer.matches[0]);
        else void message.warning(t('members.till.qrNoMember'));
      },
      (error: unknown) => void message.error(errorText(error)),
    );
    return t('members.till.qrScanned');
  };

  const phoneInvalid = draft.phoneText.trim() !== '' && !normalizeMainlandMobile(draft.phoneText);
  const drafted = storeId ? toSaleInput(draft, storeId, !!member) : null;
  const input =
    drafted && !('problem' in drafted) && member
      ? { ...drafted, memberId: member.id, customerPhone: undefined }
      : drafted;
  const ready = input !== null && !('problem' in input);

  // The payable after coupons, checked as sales.record will redeem them.
  const order = ready ? { lines: input.lines, customerPhone: input.customerPhone } : null;
  const verdicts = useCouponDiscount(order, draft.couponCodes, storeId);
  const couponFen = (verdicts.data ?? []).reduce(
    (sum, v) => sum + (v.valid ? v.discountFen : 0),
    0,
  );
  const refused = (verdicts.data ?? []).filter((v) => !v.valid);
  const payableFen = subtotalFen(draft, !!member) - couponFen;
  const rounding = settings.data?.cashRounding ?? 'fen';

  const submit = async (tenders: TenderInput[]) => {
    if (!input || 'problem' in input || sending.current) return;
    sending.current = true;
    try {
      const answer = await record.mutateAsync({ ...input, tenders });
      setRecorded(answer);
      message.success(answer.replayed ? t('sale.replayed') : t('sale.recorded'));
      if (!answer.replayed) void print(answer.sale, false).then(() => earnCoupons(answer.sale));
    } catch (error) {
      // The draft keeps its terminal sale id: pressing again cannot record it twice.
      message.error(errorText(error));
    } finally {
      sending.current = false;
    }
  };

  /**
   * The receipt on this till's printer (a cash sale opens the drawer); a 补打 on request. On a
   * till without a slip printer, 补打 shows the receipt with the printers page and A4 offered.
   */
  const print = async (sale: Sale, reprint: boolean) => {
    try {
      await printReceipt.mutateAsync({ saleId: sale.id, reprint });
      message.info(t('till.receiptPrinted'));
    } catch (error) {
      // No slip printer: said quietly after each sale; 补打 shows the receipt (and A4).
      if (isApiError(error) && NO_PRINTER_CODES.includes(error.code)) {
        if (reprint) setUnprinted({ sale, reprint });
        else message.info(t('till.noReceiptPrinter'));
      } else message.warning(t('till.receiptFailed', { error: errorText(error) }));
    }
  };

  /**
   * Spend-X-get-a-coupon (收银时自动送一张): the codes this sale earned, printed as their own
   * slips after the receipt. Asked once, after a first recording (a replay earns nothing more).
   */
  const earnCoupons = async (sale: Sale) => {
    try {
      const codes = await api.call('coupons.issueForSale', {
        saleTotalFen: sale.paidFen,
        ...(sale.customerPhone ? { phone: sale.customerPhone } : {}),
      });
      if (!codes.length) return;
      setEarned(codes.map((code) => `${code.templateName} ${code.display}`));
      await api.call('printing.printCoupons', { codes: codes.map((code) => code.code) });
    } catch (error) {
      message.warning(t('till.receiptFailed', { error: errorText(error) }));
    }
  };

  /** Enter: the typed tender (cash exact when nothing is typed) pays, or takes a part. */
  const pay = (draftNow: TenderDraft = tender) => {
    if (!ready || recorded || verdicts.isFetching) return;
    const step = enterTender(draftNow, payableFen, rounding);
    if ('problem' in step) {
      message.error(step.problem === 'short' ? t('till.short') : t('validation.yuan'));
      return;
    }
    if (!step.done) {
      setTender(step.draft);
      return;
    }
    void submit(step.tenders);
  };

  const nextSale = () => {
    setRecorded(null);
    setEarned([]);
    setDraft(newSaleDraft());
    setMember(null);
    setTender(newTenderDraft());
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const fkey = TENDER_KEYS.find((k) => k.key === event.key);
    if (fkey && !recorded) {
      event.preventDefault();
      setTender((current) => ({ ...current, kind: fkey.kind, text: '' }));
      tenderInput.current?.focus();
      return;
    }
    if (
      event.key === 'Enter' &&
      !inField(event.target) &&
      !(event.target instanceof HTMLButtonElement)
    ) {
      event.preventDefault();
      if (recorded) nextSale();
      else pay({ ...tender, kind: 'cash', text: '' });
      return;
    }
    if (
      event.key === 'Escape' &&
      !inField(event.target === tenderInput.current?.input ? null : event.target)
    ) {
      if (recorded) nextSale();
      else if (tender.text) setTender({ ...tender, text: '' });
      else if (tender.taken.length) setTender({ ...tender, taken: tender.taken.slice(0, -1) });
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('sale.title')}
        subtitle={t('sale.subtitle')}
        extra={
          <>
            <StoreSelect
              value={storeId}
              onChange={setStoreId}
              disabled={!!session.storeId || draft.lines.length > 0}
              className={styles.store}
              aria-label={t('sale.store')}
            />
            <DrawerButton />
            {canImport && (
              <Button size="large" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('salesImport.open')}
              </Button>
            )}
          </>
        }
      />
      <div className={styles.desk}>
        <Card className={styles.linesCard}>
          {recorded ? (
            <SaleResult
              sale={recorded.sale}
              replayed={recorded.replayed}
              changeFen={recorded.changeFen}
              earned={earned}
              onNext={nextSale}
              onReprint={() => void print(recorded.sale, true)}
            />
          ) : (
            <>
              <ProductPicker onPick={addProduct} onUnknownCode={onUnknownCode} />
              <Table
                rowKey={(line) => line.product.id}
                size="middle"
                pagination={false}
                dataSource={draft.lines}
                locale={{ emptyText: t('sale.noLines') }}
                columns={[
                  {
                    key: 'product',
                    title: t('sale.product'),
                    render: (_, line) => (
                      <ProductName name={line.product.name} detail={line.product.sku} />
                    ),
                  },
                  {
                    key: 'price',
                    title: t('sale.unitPrice'),
                    width: 130,
                    render: (_, line) => (
                      <>
                        <PriceCell
                          key={line.unitPriceFen}
                          fen={line.unitPriceFen}
                          label={t('sale.priceOf', { name: line.product.name })}
                          onChange={(unitPriceFen) => updateLine(line.product.id, { unitPriceFen })}
                        />
                        {linePriceFen(line, !!member) !== line.unitPriceFen && (
                          <Tag color="gold" data-testid="member-price">
                            {t('sale.memberPrice', { price: formatFen(linePriceFen(line, true)) })}
                          </Tag>
                        )}
                      </>
                    ),
                  },
                  {
                    key: 'qty',
                    title: t('sale.qty'),
                    width: 110,
                    render: (_, line) => (
                      <InputNumber
                        min={1}
                        max={1_000_000}
                        precision={0}
                        value={line.qty}
                        status={line.qty === null ? 'error' : undefined}
                        onChange={(qty) => updateLine(line.product.id, { qty })}
                        className={styles.qty}
                        aria-label={t('sale.qtyOf', { name: line.product.name })}
                      />
                    ),
                  },
                  {
                    key: 'amount',
                    title: t('sale.amount'),
                    width: 110,
                    align: 'right',
                    render: (_, line) => (
                      <Money fen={(line.qty ?? 0) * linePriceFen(line, !!member)} />
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
                        aria-label={t('sale.remove', { name: line.product.name })}
                        onClick={() =>
                          change({
                            lines: draft.lines.filter(
                              (other) => other.product.id !== line.product.id,
                            ),
                          })
                        }
                      />
                    ),
                  },
                ]}
              />
              <TillMemberPanel
                storeId={storeId}
                member={member}
                onChange={setMember}
                disabled={!!recorded}
                onUseCoupon={addCoupon}
              />
              <div className={styles.customer}>
                {!member && (
                  <label className={styles.field}>
                    <span>{t('sale.phone')}</span>
                    <Input
                      size="large"
                      inputMode="tel"
                      allowClear
                      disabled={!!recorded}
                      placeholder={t('sale.phonePlaceholder')}
                      value={draft.phoneText}
                      status={phoneInvalid ? 'error' : undefined}
                      onChange={(event) => change({ phoneText: event.target.value })}
                      aria-label={t('sale.phone')}
                    />
                    {phoneInvalid && (
                      <Typography.Text type="danger">{t('validation.phone')}</Typography.Text>
                    )}
                  </label>
                )}
                <label className={styles.field}>
                  <span>{t('sale.coupons')}</span>
                  <Select
                    mode="tags"
                    size="large"
                    suffixIcon={null}
                    open={false}
                    disabled={!!recorded}
                    placeholder={t('sale.couponsPlaceholder')}
                    value={draft.couponCodes}
                    onChange={(couponCodes: string[]) => change({ couponCodes })}
                    aria-label={t('sale.coupons')}
                  />
                  <Typography.Text type="secondary">{t('sale.couponsHelp')}</Typography.Text>
                </label>
              </div>
            </>
          )}
        </Card>
        <SalePayment
          subtotalFen={subtotalFen(draft, !!member)}
          couponFen={couponFen}
          refused={refused}
          payableFen={payableFen}
          storeMissing={!storeId}
          rounding={rounding}
          tender={tender}
          onTender={setTender}
          onPay={() => pay()}
          canPay={ready && !recorded}
          checking={verdicts.isFetching}
          paying={record.isPending}
          tenderInput={tenderInput}
          pointsValueFen={member?.pointsValueFen ?? null}
        />
      </div>
      <RecentSales storeId={storeId} />
      {importing && <SalesImportWizard storeId={storeId} onClose={() => setImporting(false)} />}
      {unprinted && (
        <ReceiptWithoutPrinter
          sale={unprinted.sale}
          reprint={unprinted.reprint}
          onClose={() => setUnprinted(null)}
        />
      )}
    </div>
  );
}
