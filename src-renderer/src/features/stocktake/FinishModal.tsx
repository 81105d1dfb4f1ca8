import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeSheet } from '../../../../src-shared/contract/stocktake';
import { useErrorText } from '../../i18n/error-text';
import { useFinishStocktake } from './stocktake-queries';

/**
 * Posting a sheet. What happens to the lines nobody counted is the user's explicit choice:
 * left as booked (the default), or set to zero (nothing on the shelf).
 */
export function FinishModal({ sheet, onClose }: { sheet: StocktakeSheet; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const finish = useFinishStocktake();
  const [uncounted, setUncounted] = useState<'keep' | 'zero'>('keep');
  const uncountedCount = sheet.lineCount - sheet.countedCount;

  const submit = async () => {
    try {
      const result = await finish.mutateAsync({ id: sheet.id, uncounted });
      const changed = result.lines.filter((line) => line.differenceQty).length;
      message.success(t('stocktake.finish.done', { changed }));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={t('stocktake.finish.title')}
      okText={t('stocktake.finish.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={finish.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Space orientation="vertical" size={12}>
        <Typography.Text>
          {t('stocktake.finish.counted', {
            counted: sheet.countedCount,
            uncounted: uncountedCount,
          })}
        </Typography.Text>
        {uncountedCount > 0 && (
          <>
            <Typography.Text strong>{t('stocktake.finish.uncountedLabel')}</Typography.Text>
            <Radio.Group
              value={uncounted}
              onChange={(event) => setUncounted(event.target.value as 'keep' | 'zero')}
            >
              <Space orientation="vertical">
                <Radio value="keep">{t('stocktake.finish.keep')}</Radio>
                <Radio value="zero">{t('stocktake.finish.zero')}</Radio>
              </Space>
            </Radio.Group>
            {uncounted === 'zero' && (
              <Alert
                type="warning"
                showIcon
                title={t('stocktake.finish.zeroWarning', { count: uncountedCount })}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
