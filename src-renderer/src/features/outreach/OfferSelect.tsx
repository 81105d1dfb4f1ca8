import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../shop-data/catalogue';
import { ruleSummary } from '../coupons/rule-summary';
import { useGivableTemplates } from '../../shop-data/givable-templates';

/** The "no offer" choice (a Select cannot hold null as a value and show it). */
export const NO_OFFER = '';

/**
 * The coupon placed in each treated phone's wallet with the text: an active template (not a
 * cashback one), each with its rule ("满100减20"), or no offer. A template since paused or
 * ended is still named when it is the value.
 */
export function OfferSelect({
  noOfferLabel,
  ...props
}: Omit<SelectProps<string>, 'options' | 'loading'> & { noOfferLabel: string }) {
  const { t } = useTranslation();
  const templates = useGivableTemplates();
  const catalogue = useCatalogue();
  const productName = (id: string) =>
    catalogue.data?.find((product) => product.id === id)?.name ?? id;
  const active = templates.data ?? [];
  const current =
    props.value && !active.some((template) => template.id === props.value)
      ? templates.all?.find((template) => template.id === props.value)
      : undefined;
  const options = [
    { value: NO_OFFER, label: noOfferLabel, detail: '' },
    ...[...active, ...(current ? [current] : [])].map((template) => ({
      value: template.id,
      label: template.name,
      detail: ruleSummary(t, template.rule, productName),
    })),
  ];
  return (
    <Select
      loading={templates.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.label}
          {option.data.detail && (
            <span style={{ color: 'var(--ant-color-text-tertiary)', marginInlineStart: 8 }}>
              {option.data.detail}
            </span>
          )}
        </span>
      )}
      {...props}
    />
  );
}
