import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { useCategories } from '../../shop-data/catalogue';
import { StoreSelect } from '../../ui/StoreSelect';
import { useStartStocktake } from './stocktake-queries';
import styles from './StocktakePage.module.css';

// The Select's value for "the whole store" (a category may be '' for products without one).
const WHOLE_STORE = '\u0000whole';

/** Opens a count sheet of a store, whole or one category. */
export function StartStocktake({
  storeId: initialStoreId,
  onStarted,
}: {
  storeId: string | undefined;
  onStarted: (sheetId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const categories = useCategories();
  const start = useStartStocktake();
  const [storeId, setStoreId] = useState(initialStoreId);
  const [category, setCategory] = useState(WHOLE_STORE);
  const [note, setNote] = useState('');

  const submit = async () => {
    if (!storeId) return;
    try {
      const sheet = await start.mutateAsync({
        storeId,
        category: category === WHOLE_STORE ? null : category,
        note,
      });
      onStarted(sheet.id);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card title={t('stocktake.start.title')}>
      <div className={styles.startForm}>
        <label className={styles.field}>
          <Typography.Text>{t('stocktake.start.store')}</Typography.Text>
          <StoreSelect
            value={storeId}
            onChange={setStoreId}
            className={styles.storeSelect}
            aria-label={t('stocktake.start.store')}
          />
        </label>
        <label className={styles.field}>
          <Typography.Text>{t('stocktake.start.category')}</Typography.Text>
          <Select
            value={category}
            onChange={setCategory}
            className={styles.categorySelect}
            aria-label={t('stocktake.start.category')}
            options={[
              { value: WHOLE_STORE, label: t('stocktake.start.wholeStore') },
              ...(categories.data ?? []).map((entry) => ({
                value: entry.category,
                label: `${entry.category || t('stock.noCategory')}（${entry.count}）`,
              })),
            ]}
          />
        </label>
        <label className={styles.field}>
          <Typography.Text>{t('stocktake.start.note')}</Typography.Text>
          <Input
            value={note}
            maxLength={200}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('stock.optional')}
            className={styles.noteInput}
          />
        </label>
        <Button
          type="primary"
          size="large"
          icon={<PlayCircleOutlined />}
          disabled={!storeId}
          loading={start.isPending}
          onClick={() => void submit()}
        >
          {t('stocktake.start.submit')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('stocktake.start.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
