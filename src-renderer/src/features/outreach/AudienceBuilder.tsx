import { ClearOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Cascader,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RFM_SEGMENTS } from '../../../../src-shared/members/rfm';
import { isEveryone, type AudienceRules } from '../../../../src-shared/outreach/audience';
import { useErrorText } from '../../i18n/error-text';
import { useCategories } from '../../shop-data/catalogue';
import { ProductSelect } from '../../ui/ProductSelect';
import { useLevels } from '../members/members-queries';
import { provinceCityTree, toFormValues, toRules, type AudienceFormValues } from './audience-form';
import { AudiencePreviewPanel } from './AudiencePreviewPanel';
import { useAudiences, useSaveAudience } from './outreach-queries';
import styles from './Outreach.module.css';

/** The saved audience being edited: saving again updates it. */
export interface EditedAudience {
  id: string;
  name: string;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * 人群: the rules as a form on the left, the live count on the right (debounced, the last count
 * stays while the next is counted), and the saved audiences to load, update or save anew.
 */
export function AudienceBuilder({
  rules,
  onRulesChange,
  edited,
  onEditedChange,
  onUseInCampaign,
}: {
  rules: AudienceRules;
  onRulesChange: (rules: AudienceRules) => void;
  edited: EditedAudience | null;
  onEditedChange: (edited: EditedAudience | null) => void;
  onUseInCampaign: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<AudienceFormValues>();
  const levels = useLevels();
  const categories = useCategories();
  const audiences = useAudiences();
  const save = useSaveAudience();
  const [name, setName] = useState(edited?.name ?? '');

  const load = (id: string) => {
    const audience = audiences.data?.audiences.find((one) => one.id === id);
    if (!audience) return;
    form.setFieldsValue(toFormValues(audience.rules));
    onRulesChange(audience.rules);
    onEditedChange({ id: audience.id, name: audience.name });
    setName(audience.name);
    message.success(t('outreach.audience.saved.loadedOk', { name: audience.name }));
  };

  const clear = () => {
    form.setFieldsValue(toFormValues(toRules({})));
    onRulesChange(toRules({}));
    onEditedChange(null);
    setName('');
  };

  const saveAs = async (asNew: boolean) => {
    try {
      const saved = await save.mutateAsync({
        ...(edited && !asNew ? { id: edited.id } : {}),
        name: name.trim(),
        rules,
      });
      onEditedChange({ id: saved.id, name: saved.name });
      message.success(t('outreach.audience.saved.savedOk', { name: saved.name }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const categoryOptions = (categories.data ?? []).map(({ category }) => ({
    value: category,
    label: category,
  }));

  const purchaseRow = (field: 'bought' | 'notBought') => (
    <Form.Item label={t(`outreach.audience.${field}`)} className={styles.ruleItem}>
      <div className={styles.purchase}>
        <Form.Item name={[field, 'productIds']} noStyle>
          <ProductSelect
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('outreach.audience.products')}
            className={styles.purchaseProducts}
            aria-label={`${t(`outreach.audience.${field}`)} ${t('outreach.audience.products')}`}
          />
        </Form.Item>
        <Form.Item name={[field, 'categories']} noStyle>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            loading={categories.isPending}
            options={categoryOptions}
            placeholder={t('outreach.audience.categories')}
            className={styles.purchaseCategories}
            aria-label={`${t(`outreach.audience.${field}`)} ${t('outreach.audience.categories')}`}
          />
        </Form.Item>
        <Form.Item name={[field, 'days']} noStyle>
          <InputNumber
            min={1}
            max={3650}
            precision={0}
            prefix={t('outreach.audience.within')}
            suffix={t('outreach.audience.withinSuffix')}
            className={styles.purchaseDays}
            aria-label={`${t(`outreach.audience.${field}`)} ${t('outreach.audience.withinSuffix')}`}
          />
        </Form.Item>
      </div>
    </Form.Item>
  );

  return (
    <div className={styles.split}>
      <Card
        className={styles.main}
        title={
          <div className={styles.cardTitle}>
            <span>{t('outreach.audience.rulesTitle')}</span>
            <span className={styles.cardNote}>{t('outreach.audience.rulesNote')}</span>
          </div>
        }
        extra={
          <Space>
            <Select
              value={edited?.id ?? null}
              placeholder={t('outreach.audience.saved.load')}
              loading={audiences.isPending}
              notFoundContent={t('outreach.audience.saved.none')}
              options={audiences.data?.audiences.map((one) => ({
                value: one.id,
                label: one.name,
              }))}
              onChange={(id: string | null) => id && load(id)}
              popupMatchSelectWidth={false}
              className={styles.loadSelect}
              aria-label={t('outreach.audience.saved.load')}
              data-testid="audience-load"
            />
            <Button icon={<ClearOutlined />} onClick={clear}>
              {t('outreach.audience.clear')}
            </Button>
          </Space>
        }
      >
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ flex: '136px' }}
          labelAlign="left"
          labelWrap
          initialValues={toFormValues(rules)}
          onValuesChange={(_, all) => onRulesChange(toRules(all))}
          className={styles.rules}
          data-testid="audience-form"
        >
          <Form.Item
            name="segments"
            label={t('outreach.audience.segments')}
            tooltip={t('outreach.audience.segmentsHelp')}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder={t('outreach.audience.any')}
              options={RFM_SEGMENTS.map((segment) => ({
                value: segment,
                label: t(`members.profile.segments.${segment}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="lapsedDays"
            label={t('outreach.audience.lapsed')}
            tooltip={t('outreach.audience.lapsedHelp')}
          >
            <InputNumber
              min={1}
              max={3650}
              precision={0}
              placeholder={t('outreach.audience.any')}
              suffix={t('outreach.audience.lapsedSuffix')}
              className={styles.lapsed}
            />
          </Form.Item>
          {purchaseRow('bought')}
          {purchaseRow('notBought')}
          <Form.Item
            name="regions"
            label={t('outreach.audience.regions')}
            tooltip={t('outreach.audience.regionsHelp')}
          >
            <Cascader
              multiple
              options={provinceCityTree}
              showCheckedStrategy={Cascader.SHOW_PARENT}
              maxTagCount="responsive"
              showSearch
              expandTrigger="hover"
              placeholder={t('outreach.audience.regionsPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="levelIds" label={t('outreach.audience.levels')}>
            <Select
              mode="multiple"
              allowClear
              loading={levels.isPending}
              placeholder={t('outreach.audience.any')}
              options={(levels.data ?? []).map((level) => ({
                value: level.id,
                label: level.name,
              }))}
            />
          </Form.Item>
          <div className={styles.ruleRow}>
            <Form.Item name="birthdayMonth" label={t('outreach.audience.birthdayMonth')}>
              <Select
                allowClear
                placeholder={t('outreach.audience.any')}
                className={styles.month}
                options={MONTHS.map((month) => ({
                  value: month,
                  label: t('outreach.audience.month', { month }),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="unusedCoupon"
              label={t('outreach.audience.unusedCoupon')}
              tooltip={t('outreach.audience.unusedCouponHelp')}
              valuePropName="checked"
              labelCol={{ flex: 'none' }}
              className={styles.unused}
            >
              <Switch />
            </Form.Item>
          </div>
        </Form>
        {isEveryone(rules) && (
          <Alert type="warning" showIcon title={t('outreach.audience.everyone')} />
        )}
        <div className={styles.saveRow}>
          <Input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={40}
            placeholder={t('outreach.audience.saved.namePlaceholder')}
            aria-label={t('outreach.audience.saved.name')}
            className={styles.saveName}
          />
          {edited && (
            <Button
              icon={<SaveOutlined />}
              loading={save.isPending}
              disabled={!name.trim()}
              onClick={() => void saveAs(false)}
            >
              {t('outreach.audience.saved.update')}
            </Button>
          )}
          <Button
            icon={edited ? undefined : <SaveOutlined />}
            loading={save.isPending}
            disabled={!name.trim()}
            onClick={() => void saveAs(true)}
          >
            {t('outreach.audience.saved.saveAs')}
          </Button>
        </div>
      </Card>
      <AudiencePreviewPanel
        rules={rules}
        className={styles.side}
        action={
          <Button
            type="primary"
            size="large"
            block
            icon={<SendOutlined />}
            onClick={onUseInCampaign}
          >
            {t('outreach.audience.useInCampaign')}
          </Button>
        }
      />
    </div>
  );
}
