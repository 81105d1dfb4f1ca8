import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { apiQueryKey, useApiMutation } from '../../api/queries';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useErrorText } from '../../i18n/error-text';
import { LOGIN_PATH } from '../../navigation/paths';
import { WelcomeShell } from '../../ui/WelcomeShell';
import { emptyStoreForm, toStoreFields } from '../stores/store-form';
import { StoreFieldItems } from '../stores/StoreFieldItems';
import { SETUP_STEPS, stepOfField, type SetupFormValues } from './setup-steps';
import { MerchantFieldItems, OwnerFieldItems } from './SetupFieldItems';
import { SetupSummary } from './SetupSummary';
import styles from './SetupPage.module.css';

const LAST_STEP = SETUP_STEPS.length - 1;

/** First run: merchant, first store (with till T01) and the owner, in one transaction at the end. */
export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [form] = Form.useForm<SetupFormValues>();
  const [current, setCurrent] = useState(0);
  const values = Form.useWatch([], { form, preserve: true }) as Partial<SetupFormValues>;
  const initialize = useApiMutation('setup.initialize', { invalidates: ['setup.status'] });

  const next = async () => {
    const fields = SETUP_STEPS[current]!.fields.map((path) => [...path]);
    // A refusal shows next to its field; nothing else to do until it is corrected.
    const valid = await form.validateFields(fields).then(
      () => true,
      () => false,
    );
    if (valid) setCurrent((step) => step + 1);
  };

  const finish = async () => {
    const invalidField = await form.validateFields().then(
      () => null,
      (failure: { errorFields?: { name: (string | number)[] }[] }) =>
        failure.errorFields?.[0]?.name ?? [],
    );
    if (invalidField) return setCurrent(stepOfField(invalidField));
    const all = form.getFieldsValue(true) as SetupFormValues;
    try {
      await initialize.mutateAsync({
        merchant: all.merchant,
        store: toStoreFields(all.store),
        owner: { name: all.owner.name, pin: all.owner.pin },
      });
      message.success(t('setup.done'));
      navigate(LOGIN_PATH, { replace: true });
    } catch (error) {
      // Set up meanwhile (another window): the start-up gate then moves on to the login.
      if (isApiError(error) && error.code === 'ALREADY_INITIALIZED')
        void queryClient.invalidateQueries({ queryKey: apiQueryKey('setup.status', {}) });
      const firstIssue = isApiError(error) ? error.issues[0] : undefined;
      if (showErrorOnFields(form, t, error) && firstIssue) setCurrent(stepOfField(firstIssue.path));
      else message.error(errorText(error));
    }
  };

  return (
    <WelcomeShell>
      <Card className={styles.card}>
        <Typography.Title level={3} className={styles.title}>
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className={styles.subtitle}>
          {t('setup.subtitle')}
        </Typography.Paragraph>
        <Steps
          current={current}
          className={styles.steps}
          items={SETUP_STEPS.map((step) => ({ key: step.key, title: t(step.title) }))}
        />
        <Form form={form} layout="vertical" initialValues={{ store: emptyStoreForm }}>
          <div hidden={current !== 0}>
            <MerchantFieldItems />
          </div>
          <div hidden={current !== 1}>
            <StoreFieldItems prefix={['store']} />
          </div>
          <div hidden={current !== 2}>
            <OwnerFieldItems />
          </div>
          {current === LAST_STEP && <SetupSummary values={values ?? {}} />}
          <Space className={styles.buttons}>
            {current > 0 && (
              <Button size="large" onClick={() => setCurrent((step) => step - 1)}>
                {t('common.previous')}
              </Button>
            )}
            <Button
              type="primary"
              size="large"
              loading={initialize.isPending}
              onClick={() => void (current === LAST_STEP ? finish() : next())}
            >
              {current === LAST_STEP
                ? initialize.isPending
                  ? t('setup.finishing')
                  : t('setup.finish')
                : t('common.next')}
            </Button>
          </Space>
        </Form>
      </Card>
    </WelcomeShell>
  );
}
