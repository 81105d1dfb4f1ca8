import { Button, Card, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { StocktakeSummary } from '../../../../src-shared/contract/stocktake';
import { useStoreTimeZone } from '../../shop-data/stores';
import { useStocktakes } from './stocktake-queries';

const STATUS_COLORS = { open: 'processing', finished: 'success', discarded: 'default' } as const;

/** The count sheets: a draft to carry on with first, then the latest results. */
export function SheetList({
  storeId,
  onOpen,
}: {
  storeId: string | undefined;
  onOpen: (sheetId: string) => void;
}) {
  const { t } = useTranslation();
  const sheets = useStocktakes(storeId);
  const timeZone = useStoreTimeZone(storeId);
  const scope = (sheet: StocktakeSummary) =>
    t('stocktake.list.scope', {
      store: sheet.storeName,
      category:
        sheet.category === null
          ? t('stocktake.start.wholeStore')
          : sheet.category || t('stock.noCategory'),
    });
  return (
    <Card title={t('stocktake.list.title')} styles={{ body: { paddingTop: 0 } }}>
      <List<StocktakeSummary>
        loading={sheets.isPending}
        dataSource={sheets.data?.items ?? []}
        locale={{ emptyText: t('stocktake.list.empty') }}
        renderItem={(sheet) => (
          <List.Item
            data-testid="stocktake-sheet"
            actions={[
              <Button
                key="open"
                type={sheet.status === 'open' ? 'primary' : 'default'}
                onClick={() => onOpen(sheet.id)}
              >
                {sheet.status === 'open' ? t('stocktake.list.resume') : t('stocktake.list.view')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  <Tag color={STATUS_COLORS[sheet.status]}>
                    {t(`stocktake.list.${sheet.status}`)}
                  </Tag>
                  {scope(sheet)}
                </>
              }
              description={
                <Typography.Text type="secondary">
                  {t('stocktake.list.progress', {
                    counted: sheet.countedCount,
                    total: sheet.lineCount,
                  })}
                  {' · '}
                  {t('stocktake.list.createdBy', {
                    name: sheet.staffName ?? '',
                    time: dayjs(sheet.createdAt).tz(timeZone).format(t('formats.shortDateTime')),
                  })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
