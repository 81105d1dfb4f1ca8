import {
  Alert,
  App,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COORD_SYSTEMS } from '../../../../src-shared/geo/coordinates';
import { formatFen, parseYuan } from '../../../../src-shared/money';
import type { Task, TaskDefinition } from '../../../../src-shared/sync/tasks';
import { TASK_RADIUS_M, type TaskRuleFailure } from '../../../../src-shared/tasks/rules';
import { useApiQuery } from '../../api/queries';
import { isApiError } from '../../api/api-error';
import { fenToYuanText, yuanSchema } from '../../forms/money';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { YuanInput } from '../../forms/YuanInput';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStores, useStoreTimeZone } from '../../shop-data/stores';
import { StoreSelect, useDefaultStoreId } from '../../ui/StoreSelect';
import {
  FAILURE_FIELDS,
  localFailures,
  newTaskForm,
  pointsWorthFen,
  taskDefinition,
  taskForm,
  templateFaceValueFen,
  type TaskFormValues,
} from './task-form';
import { useCreateTask, useUpdateTask } from './tasks-queries';
import { useGivableTemplates } from '../../shop-data/givable-templates';
import styles from './TasksPage.module.css';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * A new task, or an edit: a draft's every field, a published task's title and description
 * only. Checked here with the shared shape rules before it is sent; the cloud's TASK_INVALID
 * names what only it can check (the store's position, the template), each shown by its field.
 */
export function TaskFormModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<TaskFormValues>();
  const { storeId: sessionStoreId } = useCurrentSession();
  const stores = useStores();
  const templates = useGivableTemplates();
  const memberSettings = useApiQuery('memberSettings.get', {});
  const create = useCreateTask();
  const update = useUpdateTask();
  const locked = task?.status === 'published';
  const targetStoreId = task?.target.kind === 'store' ? task.target.storeId : undefined;
  // Times are the store's wall clock (the task's store, else this till's).
  const defaultStoreId = useDefaultStoreId(sessionStoreId);
  const timeZone = useStoreTimeZone(targetStoreId ?? defaultStoreId);
  const [initialValues] = useState(() =>
    task ? taskForm(task, timeZone) : newTaskForm(Date.now(), timeZone, defaultStoreId),
  );
  // A new task's store is this till's (else the first one), once the stores have loaded.
  useEffect(() => {
    if (!task && defaultStoreId && !form.getFieldValue('storeId'))
      form.setFieldValue('storeId', defaultStoreId);
  }, [task, defaultStoreId, form]);
  const [failures, setFailures] = useState<TaskRuleFailure[]>([]);
  const required = { required: true, message: t('validation.required') };

  const targetKind = Form.useWatch('targetKind', form) ?? initialValues.targetKind;
  const rewardKind = Form.useWatch('rewardKind', form) ?? initialValues.rewardKind;
  const storeId = Form.useWatch('storeId', form);
  const places = Form.useWatch('places', form);
  const valueYuan = Form.useWatch('valueYuan', form);
  const pickedStore = stores.data?.find((store) => store.id === storeId);
  const pointsPerYuan = memberSettings.data?.pointsPerYuan;
  const valueFen = parseYuan(valueYuan ?? '');

  const failureText = (failure: TaskRuleFailure) =>
    t(`tasks.failures.${failure}`, { min: TASK_RADIUS_M.min, max: TASK_RADIUS_M.max });

  /** Each failure said by its field, and all of them in a list above the buttons. */
  const showFailures = (found: TaskRuleFailure[]) => {
    setFailures(found);
    const byField = new Map<keyof TaskFormValues, string[]>();
    for (const failure of found) {
      const field = FAILURE_FIELDS[failure];
      byField.set(field, [...(byField.get(field) ?? []), failureText(failure)]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  };

  const submit = async (values: TaskFormValues) => {
    // A published task keeps everything but its words (the cloud changes nothing else).
    const definition: TaskDefinition = locked
      ? {
          ...definitionOf(task),
          title: values.title.trim(),
          description: values.description.trim(),
        }
      : taskDefinition(values, timeZone);
    const found = locked ? [] : localFailures(definition, Date.now());
    if (found.length) return showFailures(found);
    setFailures([]);
    try {
      const saved = task
        ? await update.mutateAsync({ taskId: task.id, ...definition })
        : await create.mutateAsync(definition);
      message.success(t(task ? 'tasks.form.saved' : 'tasks.form.created', { title: saved.title }));
      onClose();
    } catch (error) {
      const named =
        isApiError(error) && error.code === 'TASK_INVALID' ? error.details.failures : null;
      if (Array.isArray(named) && named.length) showFailures(named as TaskRuleFailure[]);
      else if (!showErrorOnFields(form, t, error)) message.error(errorText(error));
    }
  };

  /** A rule's text leaves once the field it names is changed. */
  const onValuesChange = (changed: Partial<TaskFormValues>) => {
    const fields = Object.keys(changed);
    setFailures((current) => current.filter((f) => !fields.includes(FAILURE_FIELDS[f])));
  };

  const templateOptions = [
    ...(templates.data ?? []).map((template) => ({ value: template.id, label: template.name })),
    // A task's template since paused or ended: still named.
    ...(task?.reward.kind === 'coupon' &&
    !templates.data?.some((x) => x.id === initialValues.templateId)
      ? [
          {
            value: task.reward.templateId,
            label:
              templates.all?.find((x) => x.id === initialValues.templateId)?.name ??
              t('tasks.reward.couponUnknown'),
          },
        ]
      : []),
  ];

  return (
    <Modal
      open
      title={task ? t('tasks.form.editTitle', { title: task.title }) : t('tasks.form.createTitle')}
      okText={task ? t('tasks.form.save') : t('tasks.form.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
      centered
      destroyOnHidden
      maskClosable={false}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        onValuesChange={onValuesChange}
        className={styles.form}
        data-testid="task-form"
      >
        {locked && (
          <Alert
            type="info"
            showIcon
            title={t('tasks.form.publishedNote')}
            className={styles.failures}
          />
        )}
        <Form.Item
          name="title"
          label={t('tasks.form.name')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={40} showCount placeholder={t('tasks.form.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('tasks.form.description')}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('tasks.form.descriptionPlaceholder')}
          />
        </Form.Item>

        {/* Where: one of the shop's stores, or a point on a map in that map's system. */}
        <div className={styles.row}>
          <Form.Item name="targetKind" label={t('tasks.form.where')} className={styles.fixed}>
            <Radio.Group optionType="button" buttonStyle="solid" disabled={locked}>
              <Radio.Button value="store">{t('tasks.form.targetKinds.store')}</Radio.Button>
              <Radio.Button value="point">{t('tasks.form.targetKinds.point')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {targetKind === 'store' ? (
            <Form.Item name="storeId" label={t('tasks.form.store')} rules={[required]}>
              <StoreSelect disabled={locked} />
            </Form.Item>
          ) : (
            <Form.Item
              name="label"
              label={t('tasks.form.label')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input
                maxLength={40}
                placeholder={t('tasks.form.labelPlaceholder')}
                disabled={locked}
              />
            </Form.Item>
          )}
          <Form.Item
            name="radiusM"
            label={t('tasks.form.radius')}
            tooltip={t('tasks.form.radiusHelp', TASK_RADIUS_M)}
            rules={[required]}
            className={styles.narrow}
          >
            {/* No min: a radius out of range is named by its rule, not silently clamped. */}
            <InputNumber
              precision={0}
              suffix={t('tasks.form.metres')}
              placeholder={`${TASK_RADIUS_M.min}–${TASK_RADIUS_M.max}`}
              style={{ width: '100%' }}
              disabled={locked}
            />
          </Form.Item>
        </div>
        {/* Said before sending; once the cloud has named it, by the field instead. */}
        {targetKind === 'store' &&
          pickedStore?.lat === null &&
          !failures.includes('targetStoreUnlocated') && (
            <Alert
              type="warning"
              showIcon
              className={styles.failures}
              title={t('tasks.form.storeUnlocated')}
            />
          )}
        {targetKind === 'point' && (
          <div className={styles.row}>
            <Form.Item name="lat" label={t('tasks.form.lat')} rules={[required]}>
              <InputNumber
                precision={6}
                step={0.0001}
                style={{ width: '100%' }}
                disabled={locked}
              />
            </Form.Item>
            <Form.Item name="lng" label={t('tasks.form.lng')} rules={[required]}>
              <InputNumber
                precision={6}
                step={0.0001}
                style={{ width: '100%' }}
                disabled={locked}
              />
            </Form.Item>
            <Form.Item name="system" label={t('tasks.form.system')}>
              <Select
                disabled={locked}
                popupMatchSelectWidth={false}
                options={COORD_SYSTEMS.map((system) => ({
                  value: system,
                  label: t(`tasks.form.systems.${system}`),
                }))}
              />
            </Form.Item>
          </div>
        )}

        <div className={styles.row}>
          <Form.Item name="startsAt" label={t('tasks.form.startsAt')} rules={[required]}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={TIME_FORMAT}
              style={{ width: '100%' }}
              disabled={locked}
            />
          </Form.Item>
          <Form.Item
            name="deadlineAt"
            label={t('tasks.form.deadlineAt')}
            tooltip={t('tasks.form.timeZone', { zone: timeZone })}
            rules={[required]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={TIME_FORMAT}
              style={{ width: '100%' }}
              disabled={locked}
            />
          </Form.Item>
        </div>

        {/* The reward, and what one place costs the pool. */}
        <div className={styles.row}>
          <Form.Item name="rewardKind" label={t('tasks.form.rewardTitle')} className={styles.fixed}>
            <Radio.Group optionType="button" buttonStyle="solid" disabled={locked}>
              {(['coupon', 'cashback', 'points'] as const).map((kind) => (
                <Radio.Button key={kind} value={kind}>
                  {t(`tasks.form.rewardKinds.${kind}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {rewardKind === 'coupon' && (
            <Form.Item
              name="templateId"
              label={t('tasks.form.template')}
              tooltip={t('tasks.form.templateHint')}
              rules={[required]}
            >
              <Select
                disabled={locked}
                loading={templates.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                popupMatchSelectWidth={false}
                options={templateOptions}
                onChange={(templateId: string) => {
                  const picked = templates.data?.find((x) => x.id === templateId);
                  const face = picked ? templateFaceValueFen(picked.rule) : null;
                  if (face !== null) form.setFieldValue('valueYuan', fenToYuanText(face));
                }}
              />
            </Form.Item>
          )}
          {rewardKind === 'points' && (
            <Form.Item name="points" label={t('tasks.form.points')} rules={[required]}>
              <InputNumber
                min={1}
                max={1_000_000}
                precision={0}
                suffix={t('tasks.form.pointsUnit')}
                style={{ width: '100%' }}
                disabled={locked}
                onChange={(points) => {
                  if (typeof points === 'number' && pointsPerYuan)
                    form.setFieldValue(
                      'valueYuan',
                      fenToYuanText(pointsWorthFen(points, pointsPerYuan)),
                    );
                }}
              />
            </Form.Item>
          )}
          <Form.Item
            name="valueYuan"
            label={t(
              rewardKind === 'coupon'
                ? 'tasks.form.valueCoupon'
                : rewardKind === 'cashback'
                  ? 'tasks.form.valueCashback'
                  : 'tasks.form.valuePoints',
            )}
            tooltip={
              rewardKind === 'coupon'
                ? t('tasks.form.valueCouponHelp')
                : rewardKind === 'points' && pointsPerYuan
                  ? t('tasks.form.valuePointsHelp', { perYuan: pointsPerYuan })
                  : undefined
            }
            rules={[rule(yuanSchema())]}
            className={styles.narrow}
          >
            <YuanInput placeholder="0.00" disabled={locked} />
          </Form.Item>
        </div>

        <div className={styles.row}>
          <Form.Item name="places" label={t('tasks.form.places')} rules={[required]}>
            <InputNumber
              min={1}
              max={100_000}
              precision={0}
              style={{ width: '100%' }}
              disabled={locked}
            />
          </Form.Item>
          <Form.Item name="perPerson" label={t('tasks.form.perPerson')} rules={[required]}>
            <InputNumber
              min={1}
              max={100}
              precision={0}
              suffix={t('tasks.form.times')}
              style={{ width: '100%' }}
              disabled={locked}
            />
          </Form.Item>
          <Form.Item
            name="onSiteRequired"
            label={t('tasks.form.onSiteRequired')}
            tooltip={t('tasks.form.onSiteHelp')}
            valuePropName="checked"
          >
            <Switch disabled={locked} />
          </Form.Item>
        </div>
        {typeof places === 'number' && valueFen !== null && (
          <Typography.Paragraph type="secondary" data-testid="pool-need">
            {t('tasks.form.poolNeed', {
              places,
              value: formatFen(valueFen),
              total: formatFen(places * valueFen),
            })}
          </Typography.Paragraph>
        )}
        {failures.length > 0 && (
          <Alert
            type="error"
            showIcon
            className={styles.failures}
            data-testid="task-failures"
            title={t('tasks.form.failuresTitle')}
            description={
              <ul>
                {failures.map((failure) => (
                  <li key={failure} data-failure={failure}>
                    {failureText(failure)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Form>
    </Modal>
  );
}

/** The definition part of a task, as the cloud keeps it. */
function definitionOf(task: Task): TaskDefinition {
  const { title, description, target, radiusM, startsAt, deadlineAt, reward } = task;
  const { places, perPerson, onSiteRequired } = task;
  return {
    title,
    description,
    target,
    radiusM,
    startsAt,
    deadlineAt,
    reward,
    places,
    perPerson,
    onSiteRequired,
  };
}
