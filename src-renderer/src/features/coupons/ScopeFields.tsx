import { Col, Form, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../shop-data/catalogue';
import { ProductSelect } from '../../ui/ProductSelect';

/** Which products and categories a coupon counts; both empty = the whole order. */
export function ScopeFields({ productsLabel, help }: { productsLabel: string; help: string }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const categories = useMemo(
    () => [...new Set(catalogue.data?.map((product) => product.category).filter(Boolean))],
    [catalogue.data],
  );
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Form.Item name={['scope', 'productIds']} label={productsLabel} extra={help}>
          <ProductSelect mode="multiple" allowClear placeholder={t('coupons.form.allProducts')} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name={['scope', 'categories']} label={t('coupons.form.scopeCategories')}>
          <Select
            mode="tags"
            allowClear
            placeholder={t('coupons.form.allCategories')}
            options={categories.map((value) => ({ value, label: value }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
