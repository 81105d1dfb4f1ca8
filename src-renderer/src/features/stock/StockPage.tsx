import { AuditOutlined, ImportOutlined, SettingOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS, type Role } from '../../../../src-shared/contract';
import type { LevelStatus, StockLevel } from '../../../../src-shared/contract/stock';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useCategories } from '../../shop-data/catalogue';
import { PageHeader } from '../../ui/PageHeader';
import { StoreSelect, useDefaultStoreId } from '../../ui/StoreSelect';
import { ThresholdModal } from '../alerts/ThresholdModal';
import { MovementsDrawer } from './MovementsDrawer';
import { ReceiveDrawer } from './ReceiveDrawer';
import { useStockLevels } from './stock-queries';
import { StockSettingsModal } from './StockSettingsModal';
import { StockTable, type LevelAction } from './StockTable';
import { StocktakeDrawer } from './StocktakeDrawer';
import { TransferDrawer } from './TransferDrawer';
import styles from './StockPage.module.css';

const PAGE_SIZE = 50;
type Open =
  | { kind: 'receive' | 'stocktake' | 'transfer' | 'settings' }
  | { kind: LevelAction; level: StockLevel };

/** Stock per store and product, its thresholds, and the ways goods move. */
export function StockPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useCurrentSession();
  const manager = (MANAGERS as readonly Role[]).includes(session.staff.role);
  // Staff of one store see that store first; the owner sees every store.
  const [storeId, setStoreId] = useState<string | undefined>(session.storeId ?? undefined);
  const [category, setCategory] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<LevelStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Open | null>(null);
  // Forms start on the store on screen, or the user's own store when every store is listed.
  const defaultStoreId = useDefaultStoreId(session.storeId);
  const formStoreId = storeId ?? defaultStoreId;
  const categories = useCategories();
  const levels = useStockLevels({
    storeId,
    category,
    search: search.trim() || undefined,
    status: status === 'all' ? undefined : status,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('stock.title')}
        subtitle={t('stock.subtitle')}
        extra={
          <>
            <Button
              type="primary"
              size="large"
              icon={<ImportOutlined />}
              onClick={() => setOpen({ kind: 'receive' })}
            >
              {t('stock.actions.receive')}
            </Button>
            {manager && (
              <Button
                size="large"
                icon={<AuditOutlined />}
                onClick={() => setOpen({ kind: 'stocktake' })}
              >
                {t('stock.actions.stocktake')}
              </Button>
            )}
            {manager && (
              <Button
                size="large"
                icon={<SwapOutlined />}
                onClick={() => setOpen({ kind: 'transfer' })}
              >
                {t('stock.actions.transfer')}
              </Button>
            )}
            {manager && (
              <Button
                size="large"
                icon={<SettingOutlined />}
                onClick={() => setOpen({ kind: 'settings' })}
                aria-label={t('stock.settings.title')}
                title={t('stock.settings.title')}
              />
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Space wrap className={styles.filters}>
          <StoreSelect
            allowAll
            value={storeId}
            onChange={filtered(setStoreId)}
            className={styles.filterStore}
            aria-label={t('stock.filters.store')}
          />
          <Select
            allowClear
            placeholder={t('stock.filters.allCategories')}
            value={category}
            onChange={filtered(setCategory)}
            options={categories.data?.map((entry) => ({
              value: entry.category,
              label: `${entry.category || t('stock.noCategory')}（${entry.count}）`,
            }))}
            className={styles.filterCategory}
            aria-label={t('stock.filters.category')}
          />
          <Input.Search
            allowClear
            placeholder={t('stock.filters.search')}
            onSearch={filtered(setSearch)}
            className={styles.filterSearch}
            aria-label={t('stock.filters.search')}
          />
          <Segmented<LevelStatus | 'all'>
            value={status}
            onChange={filtered(setStatus)}
            options={(['all', 'low', 'high', 'negative'] as const).map((value) => ({
              value,
              label: value === 'all' ? t('stock.filters.allStatuses') : t(`stock.status.${value}`),
            }))}
          />
        </Space>
        {levels.isError ? (
          <Alert type="error" showIcon title={errorText(levels.error)} />
        ) : (
          <StockTable
            levels={levels.data?.items}
            total={levels.data?.total ?? 0}
            page={page}
            pageSize={PAGE_SIZE}
            loading={levels.isPending}
            showStore={!storeId}
            canSetThresholds={manager}
            onPage={setPage}
            onAction={(kind, level) => setOpen({ kind, level })}
          />
        )}
      </Card>
      {open?.kind === 'receive' && (
        <ReceiveDrawer storeId={formStoreId} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'stocktake' && (
        <StocktakeDrawer storeId={formStoreId} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'transfer' && (
        <TransferDrawer storeId={formStoreId} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'settings' && (
        <StockSettingsModal storeId={formStoreId} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'movements' && (
        <MovementsDrawer
          product={{ id: open.level.productId, name: open.level.productName, sku: open.level.sku }}
          storeId={open.level.storeId}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'thresholds' && (
        <ThresholdModal target={open.level} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
