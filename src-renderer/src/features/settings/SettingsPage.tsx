import { ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSettings } from '../../../../src-shared/contract/settings';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { useStores } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { BackupsCard } from './BackupsCard';
import { useEnterDemoShop, useIsDemoShop } from './demo-shop';
import { SettingField } from './SettingField';
import styles from './SettingsPage.module.css';

/**
 * The owner's settings: what the shop is called and prints, when its day ends, the stores'
 * business districts; backups (now, daily, restore); where the data lives; the demo shop.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ShopSettings>();
  const current = useApiQuery('settings.get', {});
  const system = useApiQuery('settings.system', {});
  const stores = useStores();
  const update = useApiMutation('settings.update', {
    invalidates: ['settings.get', 'setup.status', 'auth.loginOptions'],
  });
  const demo = useIsDemoShop();
  const demoShop = useEnterDemoShop();

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);

  const save = async (values: ShopSettings) => {
    try {
      await update.mutateAsync(values);
      message.success(t('settings.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div className={styles.page}>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        disabled={!current.data}
        requiredMark={false}
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title={t('settings.shopCard')} className={styles.card}>
              <SettingField
                name="merchantName"
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input maxLength={40} />
              </SettingField>
              <Row gutter={16}>
                <Col span={12}>
                  <SettingField name="receiptHeader">
                    <Input.TextArea rows={2} maxLength={200} />
                  </SettingField>
                </Col>
                <Col span={12}>
                  <SettingField name="receiptFooter">
                    <Input.TextArea rows={2} maxLength={200} />
                  </SettingField>
                </Col>
              </Row>
              <SettingField
                name="dayCutoff"
                rules={[
                  { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('validation.timeOfDay') },
                ]}
              >
                <Input className={styles.time} placeholder="00:00" />
              </SettingField>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('settings.districtsCard')} className={styles.card}>
              <Typography.Paragraph type="secondary">
                {t('settings.districtsHelp')}
              </Typography.Paragraph>
              {stores.data?.map((store) => (
                <Form.Item
                  key={store.id}
                  name={['businessDistricts', store.id]}
                  label={store.name}
                  className={styles.district}
                >
                  <Input maxLength={40} placeholder={t('settings.districtPlaceholder')} />
                </Form.Item>
              ))}
            </Card>
          </Col>
        </Row>
        <Form.Item name="dailyBackup" valuePropName="checked" hidden>
          <Checkbox />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={update.isPending}
          className={styles.save}
        >
          {t('settings.save')}
        </Button>
      </Form>

      <BackupsCard
        settings={current.data}
        backups={system.data?.backups ?? []}
        loading={system.isPending}
        demo={demo}
      />

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('settings.aboutCard')} className={styles.card}>
            <Descriptions
              column={1}
              size="small"
              data-testid="settings-about"
              items={[
                { key: 'version', label: t('settings.version'), children: system.data?.version },
                {
                  key: 'dataDir',
                  label: t('settings.dataDir'),
                  children: system.data?.dataDir,
                },
                {
                  key: 'backupsDir',
                  label: t('settings.backupsDir'),
                  children: system.data?.backupsDir,
                },
              ]}
            />
            <Typography.Text type="secondary">{t('settings.dataDirHelp')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('settings.demoCard')} className={styles.card}>
            <Typography.Paragraph type="secondary">{t('settings.demoText')}</Typography.Paragraph>
            {!demo && (
              <Button
                icon={<ExperimentOutlined />}
                loading={demoShop.entering}
                onClick={demoShop.enter}
              >
                {t('demoShop.open')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
