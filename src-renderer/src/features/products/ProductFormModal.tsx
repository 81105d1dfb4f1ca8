import { App, AutoComplete, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { productFieldsSchema, type Product } from '../../../../src-shared/contract/products';
import { isApiError } from '../../api/api-error';
import { yuanSchema } from '../../forms/money';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { YuanInput } from '../../forms/YuanInput';
import { useErrorText } from '../../i18n/error-text';
import { useScanHandler } from '../../scanning/scanner-context';
import { useCatalogue } from '../../shop-data/catalogue';
import {
  emptyProductForm,
  toProductFields,
  toProductForm,
  type ProductFormValues,
} from './product-form';
import { useCreateProduct, useUpdateProduct } from './products-queries';

const COMMON_UNITS = ['件', '个', '斤', '千克', '盒', '瓶', '袋', '箱', '包'];
const fields = productFieldsSchema.shape;

interface ProductFormModalProps {
  /** null: a new product (optionally with a barcode that was just scanned). */
  editing: Product | null;
  barcode?: string;
  onClose: () => void;
}

/** Add a product or change one; a scan while this is open adds the barcode. */
export function ProductFormModal({ editing, barcode, onClose }: ProductFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<ProductFormValues>();
  const catalogue = useCatalogue();
  const create = useCreateProduct();
  const update = useUpdateProduct();

  const categories = useMemo(
    () =>
      [...new Set(catalogue.data?.map((product) => product.category).filter(Boolean))].map(
        (value) => ({ value }),
      ),
    [catalogue.data],
  );

  useScanHandler((code) => {
    const barcodes = form.getFieldValue('barcodes') as string[];
    if (!barcodes.includes(code)) form.setFieldValue('barcodes', [...barcodes, code]);
    return { ok: true, message: t('products.barcodeAdded', { code }) };
  });

  const save = async (values: ProductFormValues) => {
    const product = toProductFields(values);
    try {
      if (editing) await update.mutateAsync({ id: editing.id, ...product });
      else await create.mutateAsync(product);
      message.success(editing ? t('common.saved') : t('products.created', { name: product.name }));
      onClose();
    } catch (error) {
      // The same code twice: next to the SKU, or next to the barcodes when it is one of those.
      const clash =
        isApiError(error) && error.code === 'DUPLICATE_CODE' ? error.details.code : null;
      const field = clash && clash !== product.sku ? 'barcodes' : 'sku';
      if (!showErrorOnFields(form, t, error, { DUPLICATE_CODE: [field] }))
        message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={editing ? t('products.editTitle', { name: editing.name }) : t('products.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={editing ? toProductForm(editing) : emptyProductForm(barcode)}
      >
        <Form.Item name="name" label={t('products.name')} rules={[rule(fields.name)]}>
          <Input placeholder={t('products.namePlaceholder')} maxLength={60} autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="sku"
              label={t('products.sku')}
              extra={t('products.skuHelp')}
              rules={[rule(fields.sku)]}
            >
              <Input placeholder={t('products.skuPlaceholder')} maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="barcodes"
              label={t('products.barcodes')}
              extra={t('products.barcodesHelp')}
              rules={[rule(fields.barcodes, { toInput: (value) => value ?? [] })]}
            >
              <Select
                mode="tags"
                suffixIcon={null}
                tokenSeparators={[',', '，', ' ']}
                placeholder={t('products.barcodesPlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="category" label={t('products.category')}>
              <AutoComplete
                options={categories}
                placeholder={t('products.categoryPlaceholder')}
                showSearch={{
                  filterOption: (input, option) => option?.value.includes(input) ?? false,
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unit" label={t('products.unit')}>
              <AutoComplete options={COMMON_UNITS.map((value) => ({ value }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="price" label={t('products.price')} rules={[rule(yuanSchema())]}>
              <YuanInput placeholder="0.00" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="cost"
              label={t('products.cost')}
              extra={t('products.costHelp')}
              rules={[rule(yuanSchema({ optional: true }))]}
            >
              <YuanInput placeholder={t('products.optional')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="memberPrice"
              label={t('products.memberPrice')}
              extra={t('products.memberPriceHelp')}
              rules={[rule(yuanSchema({ optional: true }))]}
            >
              <YuanInput placeholder={t('products.optional')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
